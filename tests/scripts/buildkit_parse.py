#!/usr/bin/env python3
"""Parse Dockerfiles with BuildKit's own parser (the `dockerfile` PyPI package wraps it).

Usage: buildkit_parse.py DIR [DIR...]
Prints one line per file, directories in the order given, files sorted by name:
`ok <dir-name>/<file>` or `err <dir-name>/<file> <message>`.
Exit status 3 when the `dockerfile` package is not importable.
"""
import os
import sys

try:
    import dockerfile
except ImportError:
    print("dockerfile package not installed", file=sys.stderr)
    sys.exit(3)


def main() -> int:
    for root in sys.argv[1:]:
        tag = os.path.basename(os.path.normpath(root))
        for name in sorted(os.listdir(root)):
            path = os.path.join(root, name)
            try:
                with open(path, encoding="utf-8", errors="surrogateescape") as f:
                    text = f.read()
                dockerfile.parse_string(text)
                print(f"ok {tag}/{name}")
            except Exception as e:  # any parser failure is a rejection
                msg = " ".join(str(e).split())
                print(f"err {tag}/{name} {msg}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
