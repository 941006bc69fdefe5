// End-to-end tests: playwright-core drives Debian's chromium (headless) against dist/, served by
// tests/serve.mjs on 127.0.0.1. Run `npm run build` first; `npm test` runs this file.
// Screenshots go to test-output/. Env: CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const dist = path.join(root, 'dist');
const out = path.join(root, 'test-output');
const fixtures = path.join(here, 'fixtures');
fs.mkdirSync(out, { recursive: true });

if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error('playground/dist is missing: run `npm run build` first');
  process.exit(1);
}

// The same engine in Node gives the expected results, so the tests follow the rules as they evolve.
const stowage = await import(new URL('../../wasm/pkg/index.js', import.meta.url).href);
await stowage.init();
const engine = new stowage.Linter();

const BAD = `FROM ubuntu
MAINTAINER someone@example.com
RUN apt-get update && apt-get install curl
EXPOSE 80000
CMD ./start.sh
`;

let server;
let origin;
let browser;

before(async () => {
  server = await serve(dist);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
});

/** A new page with console errors and foreign requests recorded. */
async function open(url = `${origin}/`, { width = 1360, height = 860, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  const foreign = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  await page.goto(url);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  return { page, context, problems, foreign };
}

/** Replaces the Dockerfile by typing it, like a user. */
async function typeDockerfile(page, text) {
  await page.click('#editor-host .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text, { delay: 2 });
  await settle(page);
}

/** Waits until the engine has linted the current text. */
async function settle(page) {
  await page.waitForFunction(() => {
    const s = window.stowagePlayground.state;
    return s.result && s.resultVersion === s.docVersion;
  });
  await page.waitForTimeout(60);
}

const docText = (page, which = 'editor') => page.evaluate((w) => window.stowagePlayground[w].state.doc.toString(), which);

async function shot(page, name) {
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

async function problemsList(page) {
  return page.$$eval('#problems .problem', (rows) => rows.map((r) => ({ rule: r.dataset.rule, pos: r.querySelector('.p-pos').textContent })));
}

test('loads with no console errors, no foreign requests, a CSP, and is fast', async () => {
  const { page, context, problems, foreign } = await open();
  const metrics = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const lint = performance.getEntriesByName('stowage:first-lint')[0];
    return { fcp: fcp && fcp.startTime, lint: lint && lint.startTime, load: nav.loadEventEnd };
  });
  console.log(`  first contentful paint ${metrics.fcp.toFixed(0)} ms · first diagnostics ${metrics.lint.toFixed(0)} ms · load event ${metrics.load.toFixed(0)} ms`);
  assert.ok(metrics.fcp < 1000, `first render took ${metrics.fcp} ms`);
  assert.ok(metrics.lint < 2000, `first diagnostics took ${metrics.lint} ms`);
  const csp = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  assert.ok((await page.$$('#problems .problem')).length > 0, 'the default example has findings');
  assert.match(await page.textContent('#version'), /^v\d/);
  await shot(page, 'desktop-light');
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('typing a bad Dockerfile shows the expected diagnostics at the right places', async () => {
  const { page, context, problems } = await open();
  await typeDockerfile(page, BAD);
  assert.equal(await docText(page), BAD);
  const expected = engine.lintDockerfile(BAD).diagnostics;
  const rows = await problemsList(page);
  assert.deepEqual(
    rows,
    expected.map((d) => ({ rule: d.rule, pos: `${d.range.start.line + 1}:${d.range.start.character + 1}` })),
  );
  // Pinned expectations: untagged base image on `ubuntu`, invalid port on `80000`, MAINTAINER.
  const byRule = Object.fromEntries(rows.map((r) => [r.rule, r.pos]));
  assert.equal(byRule.REP001, '1:6');
  assert.equal(byRule.COR001, '2:1');
  assert.equal(byRule.COR009, '4:8');
  assert.equal((await page.textContent('.cm-lintRange.sq-REP001')).trim(), 'ubuntu');
  assert.equal((await page.textContent('.cm-lintRange.sq-COR009')).trim(), '80000');
  assert.ok(await page.$('.cm-lintRange-error.sq-COR009'), 'the invalid port is an error squiggle');
  assert.ok((await page.$$('.cm-gutter-lint .cm-lint-marker')).length >= 3, 'gutter markers');
  // Hover shows the message.
  await page.hover('.cm-lintRange.sq-COR009');
  await page.waitForSelector('.cm-tooltip-lint');
  assert.match(await page.textContent('.cm-tooltip-lint'), /COR009[\s\S]*80000/);
  await shot(page, 'hover-tooltip');
  // Click in the list jumps to the place.
  await page.click('#problems .problem[data-rule=COR009] .jump');
  const sel = await page.evaluate(() => {
    const v = window.stowagePlayground.editor;
    const r = v.state.selection.main;
    return { text: v.state.sliceDoc(r.from, r.to), focused: v.hasFocus };
  });
  assert.deepEqual(sel, { text: '80000', focused: true });
  // Severity filter.
  await page.uncheck('#filters input[data-sev=warning]');
  const sevs = await page.$$eval('#problems .problem', (rs) => rs.map((r) => r.className));
  assert.ok(sevs.length > 0 && sevs.every((c) => !c.includes('problem-warning')), 'warnings hidden');
  await page.check('#filters input[data-sev=warning]');
  assert.equal((await problemsList(page)).length, expected.length);
  assert.deepEqual(problems, []);
  await context.close();
});

test('one fix from the list, one from the tooltip, then Fix all, with a diff view', async () => {
  const { page, context, problems } = await open();
  await typeDockerfile(page, BAD);
  // From the list: COR001 (MAINTAINER → LABEL).
  const cor001 = engine.lintDockerfile(BAD).diagnostics.find((d) => d.rule === 'COR001');
  await page.click('#problems .problem[data-rule=COR001] .fix-one');
  await settle(page);
  let text = await docText(page);
  const e = cor001.fix.edits[0];
  const lines = BAD.split('\n');
  lines[1] = lines[1].slice(0, e.range.start.character) + e.newText + lines[1].slice(e.range.end.character);
  assert.equal(text, lines.join('\n'));
  assert.ok(!(await problemsList(page)).some((r) => r.rule === 'COR001'));
  // From the tooltip: the first other fixable diagnostic.
  const next = engine.lintDockerfile(text).diagnostics.find((d) => d.fix && d.fix.applicability === 'safe');
  await page.hover(`.cm-lintRange.sq-${next.rule}`);
  await page.waitForSelector('.cm-tooltip-lint .cm-diagnosticAction');
  await page.click('.cm-tooltip-lint .cm-diagnosticAction');
  await settle(page);
  const afterTip = await docText(page);
  assert.notEqual(afterTip, text);
  assert.ok(!engine.lintDockerfile(afterTip).diagnostics.some((d) => d.rule === next.rule && d.range.start.line === next.range.start.line));
  text = afterTip;
  // The Fixed output panel shows a diff of what Fix all would do.
  await page.click('#tab-fixed');
  await page.waitForSelector('#diff .difftable tr.add');
  const expected = engine.fix(text).output;
  const added = await page.$$eval('#diff tr.add td.code', (tds) => tds.map((td) => td.textContent.slice(1)));
  for (const line of added) assert.ok(expected.split('\n').includes(line), `diff line ${line} is in the fixed output`);
  await shot(page, 'fixed-diff');
  await page.click('#fix-all');
  await settle(page);
  assert.equal(await docText(page), expected);
  // Unsafe fixes too.
  await page.check('#unsafe');
  await settle(page);
  const unsafe = engine.fix(expected, { unsafe: true });
  assert.equal(await page.isEnabled('#fix-all'), unsafe.applied.length > 0);
  if (unsafe.applied.length) {
    await page.click('#fix-all');
    await settle(page);
  }
  assert.equal(await docText(page), unsafe.output);
  assert.deepEqual(problems, []);
  await context.close();
});

test('share URL round trip: source, config and panel', async () => {
  const { page, context, problems } = await open();
  await typeDockerfile(page, 'FROM alpine:3.20\nRUN apk add curl\n');
  await page.click('#tab-config');
  await page.click('#config-host .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('ignore = ["SZ001"]\n');
  await page.waitForTimeout(400);
  await page.click('#tab-parse');
  await page.waitForSelector('#parse .tree');
  await page.click('#copy-link');
  await page.waitForTimeout(400);
  const url = page.url();
  assert.match(url, /#v1\./);
  const src = await docText(page);
  const cfg = await docText(page, 'configEditor');
  const second = await open(url);
  assert.equal(await docText(second.page), src);
  assert.equal(await docText(second.page, 'configEditor'), cfg);
  assert.equal(await second.page.getAttribute('#tab-parse', 'aria-selected'), 'true');
  assert.equal(await second.page.isVisible('#panel-parse'), true);
  await second.page.waitForSelector('#parse .tree .kw');
  assert.deepEqual(await second.page.$$eval('#parse .tree > li > .node .kw', (n) => n.map((x) => x.textContent)), ['FROM', 'RUN']);
  await shot(second.page, 'parse-tree');
  assert.deepEqual([...problems, ...second.problems], []);
  await second.context.close();
  await context.close();
});

test('image panel with a real manifest', async () => {
  const { page, context, problems } = await open();
  const manifest = fs.readFileSync(path.join(fixtures, 'oci-manifest.json'), 'utf8');
  await page.click('#tab-image');
  await page.click('#image-host .cm-content');
  await page.keyboard.insertText(manifest);
  await page.waitForSelector('#image-out .layers tbody tr');
  assert.equal(await docText(page, 'imageEditor'), manifest);
  const rows = await page.$$eval('#image-out .layers tbody tr', (trs) => trs.map((tr) => tr.querySelector('td.num:nth-of-type(3)').textContent));
  assert.equal(rows.length, 5);
  assert.equal(rows[0], '49 MB'); // 51,354,364 bytes, the largest layer first
  const features = await page.evaluate(() => window.stowagePlayground.state.engine.features);
  if (features.image) {
    await page.waitForSelector('#image-out h3');
    const findings = await page.$$eval('#image-problems .problem', (r) => r.map((x) => x.dataset.rule));
    const expected = stowage.Linter.prototype.lintImage ? (engine.lintImage(manifest).diagnostics || []).map((d) => d.rule) : findings;
    assert.deepEqual(findings, expected);
  } else {
    assert.match(await page.textContent('#image-out'), /cannot lint images yet/);
    console.log('  note: this @stowage/wasm build has no lintImage; the panel showed the JSON layer sizes only');
  }
  await shot(page, 'image-panel');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a config error is shown in place, and a valid config changes the findings', async () => {
  const { page, context, problems } = await open();
  await typeDockerfile(page, BAD);
  await page.click('#tab-config');
  await page.click('#config-host .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('# strict\nselct = ["all"]\n');
  await page.waitForSelector('#config-error:not([hidden])');
  const msg = await page.textContent('#config-error');
  assert.match(msg, /line 2, column 1/);
  assert.match(msg, /selct/);
  assert.match(msg, /select/); // the suggestion
  assert.equal((await page.textContent('#config-host .cm-lintRange-error')).trim(), 'selct');
  assert.equal(await page.textContent('#count-config'), '!');
  await shot(page, 'config-error');
  // Fix the key: the error goes away; then ignore a rule and see it vanish from the list.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('ignore = ["REP001"]\n');
  await page.waitForSelector('#config-error', { state: 'hidden' });
  await page.waitForFunction(() => !document.querySelector('#problems .problem[data-rule=REP001]'));
  assert.ok((await page.$$('#problems .problem')).length > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('rules panel search and docs; SARIF and JSON downloads; examples', async () => {
  const { page, context, problems } = await open();
  await page.click('#tab-rules');
  await page.fill('#rule-search', 'root-user');
  await page.waitForFunction(() => document.querySelectorAll('#rules details').length === 1);
  await page.click('#rules summary');
  await page.waitForSelector('#rules .docs h4');
  assert.match(await page.textContent('#rules .docs'), /USER/);
  assert.doesNotMatch(await page.textContent('#rules .docs'), /\[object /);
  await shot(page, 'rules');

  for (const [button, check] of [
    ['#dl-sarif', (j) => { assert.equal(j.version, '2.1.0'); assert.ok(j.runs[0].results.length > 0); assert.ok(j.runs[0].tool.driver.rules.length > 0); }],
    ['#dl-json', (j) => assert.ok(j.diagnostics.length > 0 && j.diagnostics[0].rule)],
  ]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const file = path.join(out, download.suggestedFilename());
    await download.saveAs(file);
    check(JSON.parse(fs.readFileSync(file, 'utf8')));
  }

  const ids = await page.$$eval('#examples option', (o) => o.map((x) => x.value).filter(Boolean));
  assert.ok(ids.length >= 6);
  for (const id of ids.filter((x) => x !== 'manifest')) {
    await page.selectOption('#examples', id);
    await settle(page);
    const src = await docText(page);
    assert.equal((await problemsList(page)).length, engine.lintDockerfile(src).diagnostics.length, `example ${id}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('size advice panel: the optimizer\'s report and the size findings', async () => {
  const { page, context, problems } = await open();
  const src = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD ["node", "server.js"]\n';
  await typeDockerfile(page, src);
  await page.click('#tab-size');
  await page.waitForSelector('#size .card pre');
  const expected = engine.optimize(src);
  const titles = await page.$$eval('#size .card', (cards) => cards.map((c) => c.querySelector('strong').textContent));
  // One card per optimizer suggestion (in its order), then one per size finding.
  assert.deepEqual(titles.slice(0, expected.suggestions.length), expected.suggestions.map((x) => x.title.replace(/`/g, '')));
  assert.match(await page.textContent('#size'), /saves ~\d/);
  await page.click('#size .card .btn');
  const line = await page.evaluate(() => {
    const v = window.stowagePlayground.editor;
    return v.state.doc.lineAt(v.state.selection.main.head).number;
  });
  assert.equal(line, expected.suggestions[0].range.start.line + 1);
  await shot(page, 'size-advice');
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard: skip link, tabs with arrow keys, visible focus', async () => {
  const { page, context } = await open();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.focus('#tab-diagnostics');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-fixed');
  assert.equal(await page.getAttribute('#tab-fixed', 'aria-selected'), 'true');
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-rules');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  // Every button and input has an accessible name.
  const unnamed = await page.$$eval('button, input, select', (els) => els.filter((e) => !(e.getAttribute('aria-label') || e.textContent.trim() || (e.labels && e.labels.length) || e.id === '')).map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(unnamed, []);
  await context.close();
});

test('360 px layout has no horizontal scroll; dark mode renders', async () => {
  const mobile = await open(`${origin}/`, { width: 360, height: 780 });
  const overflow = await mobile.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scroll at 360 px');
  await shot(mobile.page, 'mobile-360');
  await mobile.page.click('#tab-image');
  await mobile.page.click('#image-sample');
  await mobile.page.waitForSelector('#image-out .layers');
  assert.equal(await mobile.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  await mobile.page.screenshot({ path: path.join(out, 'mobile-360-full.png'), fullPage: true });
  await mobile.context.close();

  const dark = await open(`${origin}/`, { colorScheme: 'dark' });
  const bg = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(13, 17, 23)');
  await shot(dark.page, 'desktop-dark');
  await dark.context.close();
});

// The budget: the whole built page (every file in dist/, the .wasm and the rule docs
// included) at most 500 KB gzipped. This test prints the weight per file and enforces it.
const WEIGHT_CEILING_KB = 500;

test('page weight: printed, and within the 500 KB gzipped budget', () => {
  let total = 0;
  const rows = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const body = fs.readFileSync(p);
        const gz = zlib.gzipSync(body, { level: 9 }).length;
        total += gz;
        rows.push(`    ${(gz / 1024).toFixed(1).padStart(7)} KB gz ${(body.length / 1024).toFixed(1).padStart(8)} KB  ${path.relative(dist, p)}`);
      }
    }
  };
  walk(dist);
  console.log(`  page weight: ${(total / 1024).toFixed(1)} KB gzipped (${total} bytes)\n${rows.join('\n')}`);
  assert.ok(total <= WEIGHT_CEILING_KB * 1024, `page weight ${total} bytes > ${WEIGHT_CEILING_KB} KB`);
});
