// Real VS Code (web) in headless chromium, driven like a user: open the Dockerfile from the
// explorer, see the squiggles, read the Problems panel, measure keystroke → squiggle, hover,
// take screenshots (test-output/*.png; media/screenshot.png for the README with --readme).
//   node test/problems-panel.mjs [--readme]
import fs from 'node:fs';
import path from 'node:path';
import { setup, root, commit, quality, workspaceCopy, chromium, browserOptions } from './web-env.mjs';

setup();
const { open } = await import('@vscode/test-web');
const { chromium: pw } = await import('playwright-core');

const port = Number(process.env.STOWAGE_PANEL_PORT || 3201);
const outDir = path.join(root, 'test-output');
fs.mkdirSync(outDir, { recursive: true });
const failures = [];
const check = (cond, msg) => {
  console.log(`  ${cond ? '✔' : '✘'} ${msg}`);
  if (!cond) failures.push(msg);
};

const server = await open({
  browserType: 'none',
  quality,
  commit,
  extensionDevelopmentPath: root,
  folderPath: workspaceCopy('panel'),
  port,
  printServerLog: false,
});
const browser = await pw.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', ...browserOptions] });
let code = 0;
let page;
try {
  page = await browser.newPage({ viewport: { width: 1100, height: 680 } });
  await page.goto(`http://localhost:${port}/`);
  const row = page.locator('.explorer-folders-view .monaco-list-row[aria-label="Dockerfile"]');
  await row.first().waitFor({ timeout: 60000 });
  await row.first().click();
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30000 });
  const squiggles = async (cls) => page.locator(`.monaco-editor .view-overlays .${cls}`).count();
  check((await squiggles('squiggly-warning')) >= 2, `warning squiggles in the editor: ${await squiggles('squiggly-warning')}`);
  check((await squiggles('squiggly-info')) >= 1, `info squiggle in the editor: ${await squiggles('squiggly-info')}`);

  // Problems panel.
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(300);
  const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  console.log('  Problems panel rows:');
  for (const l of labels) console.log(`    ${l}`);
  check(labels.some((l) => /MAINTAINER is deprecated at line 4 and character 1\..*stowage/.test(l ?? '')), 'COR001 row at line 4, character 1 from stowage');
  check(labels.some((l) => /runs as root at line 5 and character 1\./.test(l ?? '')), 'SEC001 row at line 5, character 1');
  check(labels.some((l) => /^Info: .*no-install-recommends at line 3 and character 23\./.test(l ?? '')), 'SZ001 row as Info at line 3, character 23');
  const panelText = await page.locator('.markers-panel').innerText();
  check(/COR001/.test(panelText), 'the rule code is shown in the panel');
  await page.screenshot({ path: path.join(outDir, 'problems-panel.png') });

  /** Quick Open (Ctrl+P) and click the result whose text has `label`; retried: the first key press can be swallowed while the editor is busy. */
  async function quickOpen(query, label) {
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      try {
        await page.locator('.quick-input-widget input').first().waitFor({ state: 'visible', timeout: 3000 });
        await page.keyboard.type(query);
        // Click the matching result (Enter could pick a "recently opened" entry still listed).
        const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: label }).first();
        await row.waitFor({ timeout: 10000 });
        await row.click();
        return;
      } catch (e) {
        if (attempt >= 2) throw e;
      }
    }
  }

  // Keystroke → squiggle: type the last character of an offending line, wait for the new squiggle.
  async function keystrokeLatency(label) {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    const samples = [];
    for (let i = 0; i < 11; i++) {
      const before = await squiggles('squiggly-warning');
      await page.keyboard.type('MAINTAINER ', { delay: 0 });
      await page.waitForTimeout(200); // let the intermediate state settle (MAINTAINER without arguments)
      const base = await squiggles('squiggly-warning');
      const t0 = Date.now();
      await page.keyboard.press('x');
      await page.waitForFunction(
        (n) => document.querySelectorAll('.monaco-editor .view-overlays .squiggly-warning').length > n,
        base,
        { polling: 'raf', timeout: 5000 },
      );
      if (i > 0) samples.push(Date.now() - t0);
      await page.keyboard.press('Control+Z');
      await page.keyboard.press('Control+Z');
      await page
        .waitForFunction((n) => document.querySelectorAll('.monaco-editor .view-overlays .squiggly-warning').length <= n, before, {
          polling: 'raf',
          timeout: 5000,
        })
        .catch(() => undefined);
      await page.waitForTimeout(100);
    }
    samples.sort((a, b) => a - b);
    const med = samples[Math.floor(samples.length / 2)];
    console.log(
      `LATENCY keystroke→squiggle on screen (${label}, incl. debounce): n=${samples.length} median ${med} ms, max ${samples[samples.length - 1]} ms [${samples.join(', ')}]`,
    );
    check(med <= 150, `median keystroke→squiggle ${med} ms (${label})`);
  }
  await keystrokeLatency('6-line Dockerfile');
  await quickOpen('big/Dockerfile', 'big');
  await page.locator('.monaco-editor .view-line', { hasText: 'ARG GO_VERSION' }).first().waitFor({ timeout: 15000 });
  await keystrokeLatency('300-line Dockerfile');
  await page.screenshot({ path: path.join(outDir, 'big.png') });
  await page.keyboard.press('Control+W');
  await page.locator('.tabs-container .tab', { hasText: 'Dockerfile' }).first().click();

  // Hover over MAINTAINER (rule docs) for the README screenshot.
  await page.keyboard.press('Control+Home');
  const target = page.locator('.monaco-editor .view-line', { hasText: 'MAINTAINER someone' }).first();
  const box = await target.boundingBox();
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  const hover = page.locator('.monaco-hover').filter({ hasText: 'COR001' }).first();
  await hover.waitFor({ timeout: 10000 });
  check(/What it does/.test(await hover.innerText()), 'hover shows the rule docs');
  const shot = path.join(outDir, 'hover.png');
  await page.screenshot({ path: shot });
  if (process.argv.includes('--readme')) {
    fs.mkdirSync(path.join(root, 'media'), { recursive: true });
    fs.copyFileSync(shot, path.join(root, 'media/screenshot.png'));
  }

  // A broken stowage.toml: one clear error on the status bar and at the key, linting goes on.
  await page.keyboard.press('Escape');
  await quickOpen('config/stowage.toml', 'stowage.toml');
  await page.locator('.monaco-editor .view-line', { hasText: 'SEC001' }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('selct = ["all"]');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+S');
  const statusItem = page.locator('.statusbar-item', { hasText: 'Stowage: config error' });
  await statusItem.first().waitFor({ timeout: 15000 });
  check(true, 'status bar shows "Stowage: config error"');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 15000 });
  check(true, 'error squiggle at the bad key in stowage.toml');
  await page.waitForTimeout(300);
  const rows2 = await page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  const cfgRows = rows2.filter((l) => /unknown field `selct`/.test(l ?? ''));
  console.log(`  config error rows: ${JSON.stringify(cfgRows)}`);
  check(cfgRows.length === 1 && /at line 1 and character 1\./.test(cfgRows[0]), 'exactly one config error, at line 1 character 1');
  check(rows2.some((l) => /MAINTAINER is deprecated/.test(l ?? '')), 'the Dockerfile is still linted (defaults)');
  await page.screenshot({ path: path.join(outDir, 'config-error.png') });
  console.log(`screenshots: ${path.relative(process.cwd(), outDir)}/{problems-panel,hover,config-error}.png`);
} catch (e) {
  console.error('problems panel test FAILED:', e);
  code = 1;
  await page?.screenshot({ path: path.join(outDir, 'failure.png') }).catch(() => undefined);
} finally {
  await browser.close();
  await server.dispose();
}
if (failures.length) {
  console.error(`problems panel test FAILED: ${failures.join('; ')}`);
  code = 1;
} else if (code === 0) console.log('problems panel test passed');
process.exit(code);
