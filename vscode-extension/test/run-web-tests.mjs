// Runs out/web/suite.js inside real VS Code (web build, headless chromium), offline.
//   node test/run-web-tests.mjs          (after `node scripts/build.mjs --all`)
import path from 'node:path';
import { setup, root, commit, quality, dataDir, workspaceCopy, browserOptions } from './web-env.mjs';

setup();
const { runTests } = await import('@vscode/test-web'); // after PLAYWRIGHT_BROWSERS_PATH is set
const t = Date.now();
try {
  await runTests({
    browserType: 'chromium',
    headless: true,
    quality,
    commit,
    testRunnerDataDir: dataDir,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/web/suite.js'),
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
