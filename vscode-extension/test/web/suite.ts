// Runs inside real VS Code (web extension host) through @vscode/test-web: see test/run-web-tests.mjs.
// The workspace is a fresh copy of test/fixtures/ws, mounted as vscode-test-web://mount/.
import * as vscode from 'vscode';
import type { StowageApi } from '../../src/extension';

const results: { name: string; ok: boolean; ms: number; error?: string }[] = [];
const metrics: string[] = [];

function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}
function eq<T>(actual: T, expected: T, msg: string) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${msg}\n    expected ${e}\n    actual   ${a}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, fn: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeout = 10000): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await sleep(20);
  }
}

const root = () => vscode.workspace.workspaceFolders![0].uri;
const file = (p: string) => vscode.Uri.joinPath(root(), p);
const enc = new TextEncoder();

function stowageDiags(uri: vscode.Uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'stowage');
}
function codeOf(d: vscode.Diagnostic) {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}
function rangeOf(d: { range: vscode.Range }) {
  const r = d.range;
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}
function find(uri: vscode.Uri, code: string) {
  return stowageDiags(uri).find((d) => codeOf(d) === code);
}

async function open(p: string) {
  const doc = await vscode.workspace.openTextDocument(file(p));
  const editor = await vscode.window.showTextDocument(doc);
  return { doc, editor };
}

async function test(name: string, fn: () => Promise<void>) {
  const t = Date.now();
  try {
    await fn();
    results.push({ name, ok: true, ms: Date.now() - t });
    console.log(`  ✔ ${name} (${Date.now() - t} ms)`);
  } catch (e) {
    results.push({ name, ok: false, ms: Date.now() - t, error: (e as Error).message });
    console.log(`  ✘ ${name}\n    ${(e as Error).message}`);
    const errors = (vscode.extensions.getExtension('stowage.stowage')?.exports as StowageApi | undefined)?.errors ?? [];
    if (errors.length) console.log(`    extension errors:\n      ${errors.join('\n      ')}`);
  }
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string) {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    kind,
  )) ?? [];
}

export async function run(): Promise<void> {
  console.log('Stowage web extension tests');
  const ext = vscode.extensions.all.find((e) => e.id.toLowerCase() === 'stowage.stowage');
  assert(ext, 'extension stowage.stowage is installed');

  await test('activates on a Dockerfile and loads the WASM engine', async () => {
    await open('Dockerfile');
    const api = await waitFor('activation', () => ext.isActive && (ext.exports as StowageApi));
    assert(/^\d+\.\d+\.\d+/.test(api.engineVersion), `engine version ${api.engineVersion}`);
    console.log(`    engine ${api.engineVersion}, image support: ${api.hasImageSupport}, host: ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}`);
  });

  await test('diagnostics: exact ranges, severities, codes linking to docs', async () => {
    const uri = file('Dockerfile');
    await waitFor('SEC001', () => find(uri, 'SEC001'));
    const sz = find(uri, 'SZ001')!;
    const cor = find(uri, 'COR001')!;
    const sec = find(uri, 'SEC001')!;
    assert(sz && cor && sec, 'SZ001, COR001 and SEC001 reported');
    eq(rangeOf(sz), [2, 22, 2, 45], 'SZ001 range (apt-get install … curl)');
    eq(rangeOf(cor), [3, 0, 3, 10], 'COR001 range (MAINTAINER)');
    eq(rangeOf(sec), [4, 0, 4, 4], 'SEC001 range (FROM of the final stage)');
    eq(sz.severity, vscode.DiagnosticSeverity.Information, 'info → Information');
    eq(cor.severity, vscode.DiagnosticSeverity.Warning, 'warning → Warning');
    const code = cor.code as { value: string; target: vscode.Uri };
    eq(code.value, 'COR001', 'code value');
    eq(code.target.toString(), 'https://stowage.dev/docs/rules/COR001-maintainer-deprecated.md', 'code target');
    eq(cor.message, 'MAINTAINER is deprecated', 'message');
  });

  await test('related locations from the engine labels', async () => {
    const { doc } = await open('related/Dockerfile');
    const dup = await waitFor('COR002', () => find(doc.uri, 'COR002'));
    eq(rangeOf(dup), [1, 20, 1, 21], 'COR002 at the second `a`');
    const rel = dup.relatedInformation ?? [];
    eq(rel.map((r) => [r.location.uri.toString(), ...rangeOf(r.location), r.message]), [[doc.uri.toString(), 0, 20, 0, 21, 'first defined here']], 'related information');
  });

  await test('Dockerfile* / Containerfile* names are Dockerfiles', async () => {
    const { doc } = await open('suppress/Containerfile');
    eq(doc.languageId, 'dockerfile', 'languageId of Containerfile');
    await waitFor('COR001 on Containerfile', () => find(doc.uri, 'COR001'));
    const big = await vscode.workspace.openTextDocument(file('fixall/save.Dockerfile'));
    eq(big.languageId, 'dockerfile', 'languageId of *.Dockerfile');
  });

  await test('hover: rule docs on a diagnostic, image reference on FROM', async () => {
    const uri = file('Dockerfile');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(3, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert(text.includes('COR001') && text.includes('What it does'), `rule docs in hover: ${text.slice(0, 200)}`);
    const from = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(1, 7));
    const ftext = from.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    for (const s of ['docker.io', 'library/ubuntu', '`22.04`', 'not pinned', 'Names stage `build`', 'Size advice']) {
      assert(ftext.includes(s), `FROM hover contains ${s}: ${ftext}`);
    }
    const stage = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(4, 6));
    const stext = stage.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert(stext.includes('**Stage** `build`'), `FROM build hover names the stage: ${stext.slice(0, 300)}`);
  });

  await test('quick fix: the engine fix is applied and the diagnostic goes away', async () => {
    const { doc } = await open('quickfix/Dockerfile');
    const d = await waitFor('SZ001', () => find(doc.uri, 'SZ001'));
    // Polled, as in the fix-all test: under load the first code-action request once came back
    // empty (CI, 1 run in ~14; no provider error was printed).
    let titles: string[] = [];
    const actions = await waitFor('the SZ001 fix among the code actions', async () => {
      const r = await codeActions(doc.uri, d.range);
      titles = r.map((a) => a.title);
      return r.some((a) => a.title.startsWith('Add --no-install-recommends')) && r;
    }, 5000).catch(() => [] as vscode.CodeAction[]);
    const fix = actions.find((a) => a.title.startsWith('Add --no-install-recommends'));
    assert(fix, `fix offered: ${JSON.stringify(titles)}`);
    assert(fix.isPreferred, 'safe fix is preferred');
    eq(fix.kind?.value, 'quickfix', 'kind');
    assert(titles.includes('Ignore SZ001 for this instruction') && titles.includes('Ignore SZ001 for this file'), `ignore actions: ${JSON.stringify(titles)}`);
    assert(await vscode.workspace.applyEdit(fix.edit!), 'edit applied');
    eq(doc.lineAt(1).text, 'RUN apt-get update && apt-get install --no-install-recommends -y curl', 'fixed line');
    await waitFor('SZ001 gone', () => !find(doc.uri, 'SZ001'));
  });

  await test('fix all: command, source.fixAll.stowage, and codeActionsOnSave', async () => {
    const { doc } = await open('fixall/Dockerfile');
    await waitFor('COR001', () => find(doc.uri, 'COR001'));
    // Polled like the requests below: under load a code-action request can come back before the
    // provider has the document's latest lint (seen once in ~15 runs).
    await waitFor('Fix all offered among quick fixes', async () => {
      const d = find(doc.uri, 'COR001');
      if (!d) return false;
      const quick = await codeActions(doc.uri, d.range);
      return quick.some((a) => a.title === 'Fix all Stowage problems');
    });
    // Polled: under load this request once came back empty (cause not reproduced; provider errors
    // are now printed with the failure).
    const src = await waitFor('source.fixAll action', async () => {
      const r = await codeActions(doc.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.stowage');
      return r.length > 0 && r;
    }, 5000);
    eq(src.map((a) => [a.title, a.kind?.value]), [['Fix all Stowage problems', 'source.fixAll.stowage']], 'source.fixAll action');
    assert(await vscode.commands.executeCommand('stowage.fixAll'), 'stowage.fixAll applied');
    const fixed = doc.getText();
    eq(fixed.split('\n')[0], 'FROM ubuntu:22.04', 'first line kept');
    eq(fixed.split('\n')[1], 'LABEL org.opencontainers.image.authors="someone@example.com"', 'MAINTAINER → LABEL');
    assert(fixed.split('\n')[2].startsWith('RUN apt-get update && apt-get install --no-install-recommends -y curl'), `RUN fixed: ${fixed}`);
    eq(fixed.split('\n')[3], 'USER 1000', 'last line kept');
    await waitFor('no fixable left', () => !find(doc.uri, 'COR001') && !find(doc.uri, 'SZ001'));
    eq((await codeActions(doc.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.stowage')).length, 0, 'nothing left to fix (idempotent)');

    // editor.codeActionsOnSave
    const cfg = vscode.workspace.getConfiguration('editor');
    await cfg.update('codeActionsOnSave', { 'source.fixAll.stowage': 'explicit' }, vscode.ConfigurationTarget.Global);
    // The setting reaches the extension host after the workbench has it: wait for that.
    await waitFor('codeActionsOnSave setting applied', () =>
      JSON.stringify(vscode.workspace.getConfiguration('editor').get('codeActionsOnSave')).includes('source.fixAll.stowage'),
    );
    await sleep(200);
    try {
      const { doc: d2, editor } = await open('fixall/save.Dockerfile'); // same text as fixall/Dockerfile
      await waitFor('COR001', () => find(d2.uri, 'COR001'));
      await editor.edit((e) => e.insert(new vscode.Position(4, 0), '# saved\n'));
      await vscode.commands.executeCommand('workbench.action.files.save');
      try {
        await waitFor('fixed on save', () => !d2.isDirty && d2.getText() === `${fixed}# saved\n`, 5000);
      } catch (e) {
        throw new Error(`${(e as Error).message}; dirty=${d2.isDirty} text=${JSON.stringify(d2.getText())}`);
      }
    } finally {
      await cfg.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  await test('suppression: ignore for this instruction (indented) and for this file (after directives)', async () => {
    const { doc } = await open('suppress/Containerfile');
    const d = await waitFor('COR001', () => find(doc.uri, 'COR001'));
    eq(rangeOf(d), [3, 4, 3, 14], 'COR001 range on the indented MAINTAINER');
    let actions = await codeActions(doc.uri, d.range);
    const one = actions.find((a) => a.title === 'Ignore COR001 for this instruction')!;
    assert(one, 'ignore-instruction action');
    await vscode.workspace.applyEdit(one.edit!);
    eq(doc.lineAt(3).text, '    # stowage ignore=COR001', 'comment above, same indentation');
    eq(doc.lineAt(4).text, '    MAINTAINER someone@example.com', 'instruction moved down');
    await waitFor('COR001 suppressed', () => !find(doc.uri, 'COR001'));
    await vscode.commands.executeCommand('undo');
    const again = await waitFor('COR001 back', () => find(doc.uri, 'COR001'));
    actions = await codeActions(doc.uri, again.range);
    const file = actions.find((a) => a.title === 'Ignore COR001 for this file')!;
    assert(file, 'ignore-file action');
    await vscode.workspace.applyEdit(file.edit!);
    eq(doc.lineAt(0).text, '# syntax=docker/dockerfile:1', 'directive stays first');
    eq(doc.lineAt(1).text, '# stowage ignore-file=COR001', 'ignore-file after the directive');
    await waitFor('COR001 suppressed file-wide', () => !find(doc.uri, 'COR001'));
    assert(!find(doc.uri, 'STY002'), 'the suppression is used (no STY002)');
  });

  await test('stowage.toml: loaded, reloaded on change, a bad config is one clear error', async () => {
    const { doc } = await open('config/Dockerfile');
    const toml = file('config/stowage.toml');
    // Initial config: SEC001 raised to error.
    const sec = await waitFor('SEC001 as error', () => {
      const d = find(doc.uri, 'SEC001');
      return d && d.severity === vscode.DiagnosticSeverity.Error && d;
    });
    eq(rangeOf(sec), [0, 0, 0, 4], 'SEC001 range');
    assert(find(doc.uri, 'COR001'), 'COR001 present');
    // Change: ignore COR001.
    await vscode.workspace.fs.writeFile(toml, enc.encode('ignore = ["COR001"]\n'));
    await waitFor('COR001 ignored after the config changed', () => !find(doc.uri, 'COR001') && find(doc.uri, 'SEC001')?.severity === vscode.DiagnosticSeverity.Warning);
    // Break it: unknown key on line 2.
    await vscode.workspace.fs.writeFile(toml, enc.encode('ignore = ["COR001"]\nselct = ["all"]\n'));
    const err = await waitFor('config error diagnostic', () => stowageDiags(toml)[0]);
    eq(rangeOf(err), [1, 0, 1, 5], 'error at the bad key');
    eq(err.severity, vscode.DiagnosticSeverity.Error, 'config error severity');
    assert(err.message.includes('selct') && err.message.includes('did you mean `select`?'), `message: ${err.message}`);
    eq(stowageDiags(toml).length, 1, 'one error');
    await waitFor('defaults in use: COR001 back', () => find(doc.uri, 'COR001'));
    // Fix it again.
    await vscode.workspace.fs.writeFile(toml, enc.encode('[severity]\nSEC001 = "error"\n'));
    await waitFor('config error cleared', () => stowageDiags(toml).length === 0 && find(doc.uri, 'SEC001')?.severity === vscode.DiagnosticSeverity.Error);
  });

  await test('.hadolint.yaml is used when there is no stowage.toml', async () => {
    const api = ext.exports as StowageApi;
    const { doc } = await open('hadolint/Dockerfile');
    await waitFor('SEC001', () => find(doc.uri, 'SEC001'));
    assert(api.hasHadolintImport, 'the engine exports configFromHadolint');
    await waitFor('DL4000 (= COR001) ignored by .hadolint.yaml', () => !find(doc.uri, 'COR001'));
  });

  await test('settings: stowage.ignore / stowage.severity / stowage.enable', async () => {
    const { doc } = await open('config/Dockerfile');
    const cfg = vscode.workspace.getConfiguration('stowage');
    try {
      await cfg.update('ignore', ['maintainer-deprecated'], vscode.ConfigurationTarget.Global);
      await waitFor('COR001 ignored by setting', () => !find(doc.uri, 'COR001') && find(doc.uri, 'SEC001'));
      eq(find(doc.uri, 'SEC001')!.severity, vscode.DiagnosticSeverity.Error, 'stowage.toml still applies with settings');
      await cfg.update('severity', { SEC001: 'style' }, vscode.ConfigurationTarget.Global);
      await waitFor('SEC001 as Hint', () => find(doc.uri, 'SEC001')?.severity === vscode.DiagnosticSeverity.Hint);
      await cfg.update('enable', false, vscode.ConfigurationTarget.Global);
      await waitFor('cleared when disabled', () => stowageDiags(doc.uri).length === 0);
    } finally {
      await cfg.update('enable', undefined, vscode.ConfigurationTarget.Global);
      await cfg.update('ignore', undefined, vscode.ConfigurationTarget.Global);
      await cfg.update('severity', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('back to normal', () => find(doc.uri, 'COR001'));
  });

  await test('stowage.run = onSave: edits are linted on save only', async () => {
    const cfg = vscode.workspace.getConfiguration('stowage');
    await cfg.update('run', 'onSave', vscode.ConfigurationTarget.Global);
    try {
      const { doc, editor } = await open('quickfix/Dockerfile');
      await waitFor('initial diagnostics', () => find(doc.uri, 'SZ002'));
      const before = stowageDiags(doc.uri).length;
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'MAINTAINER onsave\n'));
      await sleep(300);
      eq(stowageDiags(doc.uri).length, before, 'not linted while typing');
      await doc.save();
      await waitFor('linted on save', () => find(doc.uri, 'COR001') || find(doc.uri, 'SYN004'));
      await editor.edit((e) => e.delete(new vscode.Range(0, 0, 1, 0)));
      await doc.save();
    } finally {
      await cfg.update('run', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  await test('stale results are dropped: rapid edits give the last version only', async () => {
    const { doc, editor } = await open('close/Dockerfile');
    await waitFor('COR001', () => find(doc.uri, 'COR001'));
    const api = ext.exports as StowageApi;
    for (let i = 0; i < 5; i++) await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount - 1, 0), `MAINTAINER m${i}\n`));
    const v = doc.version;
    await waitFor('5 new COR001', () => stowageDiags(doc.uri).filter((d) => codeOf(d) === 'COR001').length === 6);
    assert(api.lastLint && api.lastLint.version === v, `last lint was for version ${api.lastLint?.version}, document is at ${v}`);
  });

  await test('diagnostics are cleared when the document closes', async () => {
    // Opened like a user does (not through openTextDocument, whose reference VS Code keeps alive
    // for minutes), so closing the editor really closes the document.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = file('suppress/Dockerfile.close');
    await vscode.workspace.fs.copy(file('close/Dockerfile'), uri);
    await vscode.commands.executeCommand('vscode.open', uri);
    await waitFor('diagnostics on the opened file', () => find(uri, 'COR001'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor('diagnostics cleared', () => stowageDiags(uri).length === 0, 15000);
  });

  await test('image manifest: analysed automatically (stowage.imageGlob) and by command', async () => {
    const api = ext.exports as StowageApi;
    const { doc } = await open('image/manifest.json');
    if (!api.hasImageSupport) {
      const r = await vscode.commands.executeCommand<number | null>('stowage.analyzeImage');
      eq(r, null, 'no lintImage in this engine: the command reports it and does nothing');
      console.log('    (engine has no lintImage yet: image diagnostics not checked)');
      return;
    }
    // manifest.json matches the default glob: diagnostics without running the command.
    const big = await waitFor('IMG009 (large layer)', () => find(doc.uri, 'IMG009'));
    eq(rangeOf(big), [9, 4, 13, 5], 'IMG009 range: the layer object');
    // Any JSON by command: a copy outside the glob.
    const other = file('image/pulled.json');
    await vscode.workspace.fs.copy(doc.uri, other, { overwrite: true });
    const { doc: d2 } = await open('image/pulled.json');
    await sleep(200);
    eq(stowageDiags(d2.uri).length, 0, 'outside the glob: not analysed on open');
    const n = await vscode.commands.executeCommand<number | null>('stowage.analyzeImage');
    assert(typeof n === 'number' && n > 0, `command returns the number of findings: ${n}`);
    await waitFor('IMG009 after the command', () => find(d2.uri, 'IMG009'));
    // Hover: the rule docs.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', d2.uri, new vscode.Position(10, 8));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert(text.includes('IMG009'), `image rule docs in hover: ${text.slice(0, 200)}`);
  });

  await test('latency: edit → updated diagnostics on a 300-line Dockerfile', async () => {
    const { doc, editor } = await open('big/Dockerfile');
    eq(doc.lineCount, 301, '300 lines');
    await waitFor('initial lint', () => (ext.exports as StowageApi).lastLint?.uri === doc.uri.toString());
    const debounce = vscode.workspace.getConfiguration('stowage').get<number>('debounce');
    const samples: number[] = [];
    const engine: number[] = [];
    const ours: number[] = []; // change event → diagnostics published: debounce + config lookup + engine
    const line = 295; // inside the final stage
    for (let i = 0; i < 21; i++) {
      const adding = i % 2 === 0;
      const t0 = performance.now();
      // Poll the collection: vscode.languages.onDidChangeDiagnostics is itself debounced by 50 ms
      // in the extension host, which would add to what we measure.
      const seen = (async () => {
        for (;;) {
          const has = stowageDiags(doc.uri).some((d) => codeOf(d) === 'COR001' && d.range.start.line === line);
          if (has === adding) return performance.now() - t0;
          if (performance.now() - t0 > 3000) return -1;
          await new Promise((r) => setTimeout(r, 0));
        }
      })();
      await editor.edit((e) =>
        adding ? e.insert(new vscode.Position(line, 0), 'MAINTAINER x\n') : e.delete(new vscode.Range(line, 0, line + 1, 0)),
      );
      const ms = await Promise.race([seen, sleep(3000).then(() => -1)]);
      assert(ms >= 0, `diagnostics did not update after edit ${i}`);
      const last = (ext.exports as StowageApi).lastLint!;
      if (i > 0) {
        samples.push(ms); // the first one warms up
        ours.push(last.publishedAt - last.changedAt);
        engine.push(last.ms);
      }
      await sleep(30);
    }
    samples.sort((a, b) => a - b);
    engine.sort((a, b) => a - b);
    ours.sort((a, b) => a - b);
    const q = (a: number[], p: number) => a[Math.min(a.length - 1, Math.floor(a.length * p))];
    const line1 = `LATENCY edit→diagnostics, 300-line Dockerfile, debounce ${debounce} ms, n=${samples.length}: median ${q(samples, 0.5).toFixed(1)} ms, p90 ${q(samples, 0.9).toFixed(1)} ms, max ${samples[samples.length - 1].toFixed(1)} ms; of which change event → diagnostics published (debounce + engine) median ${q(ours, 0.5).toFixed(1)} ms; engine call median ${q(engine, 0.5).toFixed(2)} ms`;
    metrics.push(line1);
    console.log(`    ${line1}`);
    // The extension's own share is deterministic; the rest is VS Code's edit round trip, which a
    // loaded 2-core machine can stretch, so the end-to-end bound only catches gross regressions.
    assert(q(ours, 0.5) <= (debounce ?? 50) + 25, `median change→publish ${q(ours, 0.5).toFixed(1)} ms`);
    assert(q(samples, 0.5) <= 200, `median edit→diagnostics ${q(samples, 0.5).toFixed(1)} ms`);
    if (q(samples, 0.5) > 100) console.log('    WARNING: median above 100 ms (machine under load?)');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  const failed = results.filter((r) => !r.ok);
  console.log(`\n${results.length - failed.length} passed, ${failed.length} failed`);
  for (const m of metrics) console.log(m);
  if (failed.length) throw new Error(`${failed.length} test(s) failed: ${failed.map((f) => f.name).join('; ')}`);
}
