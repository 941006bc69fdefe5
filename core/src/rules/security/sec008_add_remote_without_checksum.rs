use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports `ADD https://…` (or `http://`, `ftp://`) without `--checksum=sha256:…`, and
    /// `ADD` of a git repository without a pinned ref (`#<ref>`) or `--checksum`.
    ///
    /// ## Why is this bad?
    /// The downloaded file is trusted blindly: if the server, a mirror or the network path is
    /// compromised, or the file is simply replaced upstream, the image silently changes.
    /// `--checksum` makes the build fail instead (Dockerfile syntax 1.6+).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ADD https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64 /usr/local/bin/gosu
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ADD --checksum=sha256:bbc4136d03ab138b1ad66fa4fc051bafc6cc7ffae632b069a53657279a450de3 \
    ///     https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64 /usr/local/bin/gosu
    /// ```
    pub AddRemoteWithoutChecksum {
        code: "SEC008",
        name: "add-remote-without-checksum",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "ADD of a URL without --checksum",
    }
}

fn is_git(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let base = lower.split('#').next().unwrap_or(&lower);
    lower.starts_with("git@") || lower.starts_with("git://") || base.ends_with(".git")
}

impl Rule for AddRemoteWithoutChecksum {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (i, ins, _) in cx.instructions_with(Keyword::Add) {
            if ins.flag("checksum").is_some() {
                continue;
            }
            let Args::Copy { paths, .. } = &ins.args else {
                continue;
            };
            let Some((_, sources)) = paths.split_last() else {
                continue;
            };
            for src in sources {
                let value = cx.model.expand_at(&src.text, i).value;
                if is_git(&value) {
                    let pinned = value
                        .split_once('#')
                        .is_some_and(|(_, r)| !r.split(':').next().unwrap_or("").is_empty());
                    if !pinned {
                        cx.report(src.range, "git source without a pinned ref")
                            .set_help("append `#<tag or commit>` to the URL, or add `--checksum=<commit>`");
                    }
                    continue;
                }
                let lower = value.to_ascii_lowercase();
                if lower.starts_with("http://")
                    || lower.starts_with("https://")
                    || lower.starts_with("ftp://")
                {
                    cx.report(src.range, "remote file added without `--checksum`")
                        .set_help("add `--checksum=sha256:<digest>` so the build fails if the file changes");
                }
            }
        }
    }
}
