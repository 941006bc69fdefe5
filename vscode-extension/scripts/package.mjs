// Builds the .vsix offline with vsce (no dependency install: everything is in dist/) and checks
// what is inside. Prints its size. Run after scripts/build.mjs (`npm run package` does both).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
const vsce = path.join(root, 'node_modules/.bin/vsce');

// The docs of the image secret rules (IMG003, IMG004) show fake GitHub and npm tokens. The rule
// docs reach dist/extension.js as JavaScript (@stowage/wasm's rule-docs.js; they used to be inside
// the .wasm, which vsce's secret scan does not read), so that scan reports them. vsce can only
// allow a type of secret as a whole: this check takes over for those two types and fails on any
// GitHub or npm token in a packaged file (the `!` lines of .vscodeignore) but the documented fakes.
const DOC_EXAMPLE_TOKENS = new Set(['ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'npm_abcdefghijklmnopqrstuvwxyz0123456789']);
// secretlint's patterns (preset-recommend's github and npm rules).
const TOKEN = /(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9_]{36}|github_pat_[A-Za-z0-9_]{82}|npm_[A-Za-z0-9_]{36}/g;
const packaged = fs
  .readFileSync(path.join(root, '.vscodeignore'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('!'))
  .map((l) => l.slice(1).trim());
for (const file of packaged) {
  for (const [token] of fs.readFileSync(path.join(root, file), 'latin1').matchAll(TOKEN)) {
    if (!DOC_EXAMPLE_TOKENS.has(token)) {
      console.error(`package: ${file} contains what looks like a GitHub or npm token (${token.slice(0, 8)}…); refusing to package`);
      process.exit(1);
    }
  }
}

execFileSync(
  vsce,
  [
    'package',
    '--no-dependencies',
    '--baseImagesUrl',
    'https://github.com/stowage/stowage/raw/HEAD/vscode-extension',
    // Checked above instead, with the documented fakes allowed.
    '--allow-package-secrets',
    'github',
    'npm',
    '-o',
    out,
  ],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
);

/** Entry names and uncompressed sizes from the zip's central directory. */
function zipEntries(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const size = buf.readUInt32LE(p + 24);
    const n = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + n), size });
    p += 46 + n + extra + comment;
  }
  return entries;
}

const buf = fs.readFileSync(out);
const entries = zipEntries(buf);
for (const e of entries) console.log(`  ${String(e.size).padStart(9)}  ${e.name}`);
const need = ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/stowage_wasm_bg.wasm', 'extension/readme.md'];
const names = new Set(entries.map((e) => e.name.toLowerCase()));
const missing = need.filter((n) => !names.has(n.toLowerCase()));
if (missing.length) {
  console.error(`package: missing from the vsix: ${missing.join(', ')}`);
  process.exit(1);
}
const wasm = entries.find((e) => e.name === 'extension/dist/stowage_wasm_bg.wasm');
console.log(`VSIX ${path.basename(out)}: ${buf.length} bytes (${(buf.length / 1024).toFixed(0)} KiB), ${entries.length} files, wasm ${wasm.size} bytes inside`);
