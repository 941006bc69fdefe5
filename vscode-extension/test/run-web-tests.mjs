// Runs out/web/suite.js inside real VS Code (web build, headless chromium), offline.
//   node test/run-web-tests.mjs                 the extension from this folder (development mode)
//   node test/run-web-tests.mjs --vsix [X.vsix] the packaged extension, installed from the .vsix
//                                               (default: the one scripts/package.mjs made)
// (after `node scripts/build.mjs --all`)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setup, root, commit, quality, dataDir, workspaceCopy, browserOptions } from './web-env.mjs';

setup();
const vsixArg = process.argv.indexOf('--vsix');
let extensionDevelopmentPath = root;
let extensionTestsPath = path.join(root, 'out/web/suite.js');
let extensionPaths;
if (vsixArg > 0) {
  // The .vsix unpacked and loaded as an installed extension; a test-only host extension carries the suite.
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const given = process.argv[vsixArg + 1];
  const vsix = path.resolve(given && !given.startsWith('--') ? given : path.join(root, `${pkg.name}-${pkg.version}.vsix`));
  const unpacked = path.join(dataDir, 'vsix');
  fs.rmSync(unpacked, { recursive: true, force: true });
  execFileSync('python3', ['-m', 'zipfile', '-e', vsix, unpacked]);
  extensionPaths = [path.join(unpacked, 'extension')];
  extensionDevelopmentPath = path.join(dataDir, 'vsix-test-host');
  fs.rmSync(extensionDevelopmentPath, { recursive: true, force: true });
  fs.mkdirSync(extensionDevelopmentPath, { recursive: true });
  fs.writeFileSync(
    path.join(extensionDevelopmentPath, 'package.json'),
    JSON.stringify({ name: 'stowage-vsix-test-host', publisher: 'test', version: '0.0.0', engines: { vscode: '*' } }),
  );
  extensionTestsPath = path.join(extensionDevelopmentPath, 'suite.js');
  fs.copyFileSync(path.join(root, 'out/web/suite.js'), extensionTestsPath);
  console.log(`testing the packaged extension ${path.relative(process.cwd(), vsix)}`);
}
const { runTests } = await import('@vscode/test-web'); // after PLAYWRIGHT_BROWSERS_PATH is set
const t = Date.now();
try {
  await runTests({
    browserType: 'chromium',
    headless: true,
    quality,
    commit,
    testRunnerDataDir: dataDir,
    extensionDevelopmentPath,
    extensionTestsPath,
    extensionPaths,
    folderPath: workspaceCopy('tests'),
    port: Number(process.env.STOWAGE_TEST_PORT || 3199),
    browserOptions,
    printServerLog: false,
  });
  console.log(`web extension tests passed (${((Date.now() - t) / 1000).toFixed(1)} s)`);
} catch (e) {
  console.error('web extension tests FAILED:', e.message);
  process.exit(1);
}
