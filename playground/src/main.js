import './style.css';
import { setDiagnostics } from '@codemirror/lint';
import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { createEditor, toOffset, replaceAll } from './editor.js';
import { dockerfile, tomlLang, jsonLang } from './lang.js';
import { EXAMPLES, SAMPLE_MANIFEST, DEFAULT_CONFIG_TOML } from './examples.js';
import { markdown, lineDiff, byteToIndex, debounce, h, escapeHtml, richText } from './util.js';
import { toSarif, toJson, download } from './sarif.js';

const $ = (id) => document.getElementById(id);
const PANELS = ['diagnostics', 'fixed', 'size', 'image', 'parse', 'config', 'rules'];
const SEVERITIES = ['error', 'warning', 'info', 'style'];
const CM_SEVERITY = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };
const SEV_LABEL = { error: 'Error', warning: 'Warning', info: 'Info', style: 'Style' };

// ---------------------------------------------------------------- engine (Web Worker)

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'stowage-engine' });
let nextId = 1;
const pending = new Map();
worker.onmessage = (e) => {
  const { id, ok, value, error } = e.data;
  const p = pending.get(id);
  pending.delete(id);
  if (!p) return;
  if (ok) p.resolve(value);
  else p.reject(Object.assign(new Error(error.message), error));
};
worker.onerror = (e) => setStatus(`The engine failed to start: ${e.message || 'unknown error'}`, true);
function call(type, payload = {}) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, type, ...payload });
  });
}

// ---------------------------------------------------------------- state

const initial = readHash();
const state = {
  panel: PANELS.includes(initial.panel) ? initial.panel : 'diagnostics',
  filters: new Set(SEVERITIES),
  unsafe: !!initial.unsafe,
  engine: null, // { version, rules, defaultConfig, features }
  rulesByCode: new Map(),
  docVersion: 0,
  configVersion: 0,
  result: null, // the latest analysis of the current document
  resultVersion: -1,
  configIssue: null,
};

function readHash() {
  const m = location.hash.match(/^#(?:s=)?(v1\.[A-Za-z0-9+\-_$]+)/);
  if (!m) return {};
  try {
    const data = JSON.parse(decompressFromEncodedURIComponent(m[1].slice(3)) || '{}');
    return data && typeof data === 'object' ? data : {};
  } catch {
    return {};
  }
}

function shareState() {
  const data = { src: editor.state.doc.toString(), panel: state.panel };
  const cfg = configEditor.state.doc.toString();
  if (cfg !== DEFAULT_CONFIG_TOML) data.cfg = cfg;
  const img = imageEditor.state.doc.toString();
  if (img.trim()) data.img = img;
  if (state.unsafe) data.unsafe = true;
  return `#v1.${compressToEncodedURIComponent(JSON.stringify(data))}`;
}

const updateHash = debounce(() => history.replaceState(null, '', shareState()), 250);

// ---------------------------------------------------------------- editors

const editor = createEditor({
  parent: $('editor-host'),
  doc: typeof initial.src === 'string' ? initial.src : EXAMPLES.find((e) => e.id === 'bad').source,
  language: dockerfile,
  label: 'Dockerfile editor',
  onChange() {
    state.docVersion++;
    scheduleAnalyze();
    updateHash();
  },
});

const configEditor = createEditor({
  parent: $('config-host'),
  doc: typeof initial.cfg === 'string' ? initial.cfg : DEFAULT_CONFIG_TOML,
  language: tomlLang,
  label: 'stowage.toml editor',
  onChange() {
    updateConfig();
    updateHash();
  },
});

const imageEditor = createEditor({
  parent: $('image-host'),
  doc: typeof initial.img === 'string' ? initial.img : '',
  language: jsonLang,
  label: 'Image JSON editor',
  onChange() {
    updateImage();
    updateHash();
  },
});

// ---------------------------------------------------------------- analysis (latest wins)

let inflight = false;
let queued = false;
const scheduleAnalyze = debounce(() => analyze(), 40);

async function analyze() {
  if (!state.engine) return;
  if (inflight) {
    queued = true;
    return;
  }
  inflight = true;
  const docVersion = state.docVersion;
  const configVersion = state.configVersion;
  const src = editor.state.doc.toString();
  try {
    const result = await call('analyze', {
      src,
      unsafe: state.unsafe,
      parse: state.panel === 'parse',
      optimize: state.panel === 'size' && state.engine.features.optimize,
    });
    // Drop results for a text or config that has changed since the request.
    if (docVersion === state.docVersion && configVersion === state.configVersion) {
      result.source = src;
      state.result = result;
      state.resultVersion = docVersion;
      render();
    } else {
      queued = true;
    }
  } catch (e) {
    setStatus(`Engine error: ${e.message}`, true);
  } finally {
    inflight = false;
  }
  if (queued) {
    queued = false;
    analyze();
  }
}

function setStatus(text, bad = false) {
  const el = $('status');
  el.textContent = text;
  el.classList.toggle('bad', bad);
}

// ---------------------------------------------------------------- rendering

function sevIcon(sev) {
  const span = h('span', { class: `sev sev-${sev}`, 'aria-hidden': 'true' });
  return span;
}

function render() {
  const r = state.result;
  const ds = r.diagnostics;
  const doc = editor.state.doc;

  editor.dispatch(
    setDiagnostics(
      editor.state,
      ds.map((d, i) => {
        const from = toOffset(doc, d.range.start);
        const to = Math.max(from, toOffset(doc, d.range.end));
        return {
          from,
          to,
          severity: CM_SEVERITY[d.severity] || 'warning',
          message: `${d.rule} ${d.message}`,
          markClass: `sq sq-${d.rule}`,
          renderMessage: () => diagnosticTooltip(d),
          actions: fixable(d) ? [{ name: `Fix: ${d.fix.title}`, apply: () => applyFix(i) }] : [],
        };
      }),
    ),
  );

  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  for (const d of ds) counts[d.severity] = (counts[d.severity] || 0) + 1;
  renderFilters(counts);
  renderProblems();
  $('count-diagnostics').textContent = ds.length ? String(ds.length) : '';
  const fixes = r.fixed.applied.length;
  $('fix-all').disabled = fixes === 0;
  $('fix-all').textContent = fixes ? `Fix all (${fixes})` : 'Fix all';
  const summary = ds.length === 0 ? 'No problems' : `${ds.length} problem${ds.length === 1 ? '' : 's'}`;
  setStatus(`${summary} · ${r.ms.toFixed(1)} ms`);
  announce(summary);
  renderFixed();
  renderSize();
  if (state.panel === 'parse') renderParse();
}

const announce = debounce((text) => {
  $('announce').textContent = text;
}, 800);

function fixable(d) {
  return d.fix && d.fix.applicability !== 'display-only' && d.fix.edits.length > 0;
}

function diagnosticTooltip(d) {
  const rule = state.rulesByCode.get(d.rule);
  return h(
    'div',
    { class: 'tip' },
    h('div', { class: 'tip-head' }, sevIcon(d.severity), h('strong', { text: d.rule }), h('span', { class: 'muted', text: d.name }), h('span', { class: `pill pill-${d.severity}`, text: d.severity })),
    h('div', { class: 'tip-msg' }, richText(d.message)),
    d.help ? h('div', { class: 'tip-help' }, richText(d.help)) : null,
    d.fix && d.fix.applicability === 'unsafe' ? h('div', { class: 'tip-help', text: 'This fix may change behaviour (unsafe).' }) : null,
    rule ? h('div', { class: 'tip-family muted', text: `${rule.family} · ${rule.summary}` }) : null,
  );
}

function renderFilters(counts) {
  const box = $('filters');
  if (!box.querySelector('input')) {
    box.append(
      ...SEVERITIES.map((s) =>
        h(
          'label',
          { class: `chip chip-${s}` },
          h('input', {
            type: 'checkbox',
            checked: state.filters.has(s),
            'data-sev': s,
            onchange: (e) => {
              if (e.target.checked) state.filters.add(s);
              else state.filters.delete(s);
              renderProblems();
            },
          }),
          sevIcon(s),
          h('span', { text: SEV_LABEL[s] }),
          h('span', { class: 'chip-count', 'data-count': s }),
        ),
      ),
    );
  }
  for (const s of SEVERITIES) box.querySelector(`[data-count="${s}"]`).textContent = String(counts[s] || 0);
}

function renderProblems() {
  const list = $('problems');
  const ds = state.result ? state.result.diagnostics : [];
  const shown = ds.map((d, i) => [d, i]).filter(([d]) => state.filters.has(d.severity));
  list.replaceChildren();
  if (!ds.length) {
    list.append(h('li', { class: 'empty' }, h('span', { class: 'ok-mark', 'aria-hidden': 'true', text: '✓' }), 'No problems found. Nice Dockerfile.'));
    return;
  }
  if (!shown.length) {
    list.append(h('li', { class: 'empty', text: 'Every problem is hidden by the severity filter.' }));
    return;
  }
  for (const [d, i] of shown) {
    const pos = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
    list.append(
      h(
        'li',
        { class: `problem problem-${d.severity}`, 'data-rule': d.rule, 'data-index': String(i) },
        h(
          'button',
          {
            type: 'button',
            class: 'jump',
            'aria-label': `${SEV_LABEL[d.severity]} ${d.rule} at line ${d.range.start.line + 1}, column ${d.range.start.character + 1}: ${d.message}`,
            onclick: () => jumpTo(editor, d.range),
          },
          sevIcon(d.severity),
          h('span', { class: 'p-body' }, h('span', { class: 'p-msg' }, richText(d.message)), d.help ? h('span', { class: 'p-help' }, richText(d.help)) : null),
          h('span', { class: 'p-meta' }, h('span', { class: 'p-code', text: d.rule }), h('span', { class: 'p-pos', text: pos })),
        ),
        h(
          'div',
          { class: 'p-actions' },
          fixable(d)
            ? h('button', { type: 'button', class: 'btn small fix-one', title: d.fix.title, 'aria-label': `Apply fix for ${d.rule} at ${pos}: ${d.fix.title}`, onclick: () => applyFix(i) }, d.fix.applicability === 'unsafe' ? 'Fix (unsafe)' : 'Fix')
            : null,
          h('button', { type: 'button', class: 'btn small ghost', 'aria-label': `Open the docs of ${d.rule}`, onclick: () => showRule(d.rule) }, 'Docs'),
        ),
      ),
    );
  }
}

function jumpTo(view, range) {
  const doc = view.state.doc;
  const from = toOffset(doc, range.start);
  const to = toOffset(doc, range.end);
  view.dispatch({ selection: EditorSelection.range(from, Math.max(from, to)), effects: EditorView.scrollIntoView(from, { y: 'center' }) });
  view.focus();
}

function applyFix(index) {
  const r = state.result;
  if (!r || state.resultVersion !== state.docVersion) return;
  const d = r.diagnostics[index];
  if (!d || !fixable(d)) return;
  const doc = editor.state.doc;
  editor.dispatch({
    changes: d.fix.edits.map((e) => ({ from: toOffset(doc, e.range.start), to: toOffset(doc, e.range.end), insert: e.newText })),
    userEvent: 'input.fix',
  });
  announce(`Applied: ${d.fix.title}`);
}

function fixAll() {
  const r = state.result;
  if (!r || state.resultVersion !== state.docVersion) return;
  if (replaceAll(editor, r.fixed.output)) announce(`Applied ${r.fixed.applied.length} fixes`);
}

function renderFixed() {
  const r = state.result;
  const { output, applied, remaining, stoppedOnError } = r.fixed;
  const mode = state.unsafe ? 'safe and unsafe' : 'safe';
  $('fixed-summary').textContent = applied.length
    ? `${applied.length} ${mode} fix${applied.length === 1 ? '' : 'es'} applied · ${remaining.length} problem${remaining.length === 1 ? '' : 's'} left${stoppedOnError ? ' · stopped before a fix that would break parsing' : ''}`
    : `Nothing to fix automatically (${mode} fixes).`;
  $('fixed-applied').replaceChildren(...applied.map((a) => h('li', {}, h('code', { text: a.rule }), ' ', a.title)));
  $('apply-fixed').disabled = !applied.length;
  const diff = lineDiff(r.source, output);
  const box = $('diff');
  box.replaceChildren();
  if (!applied.length) {
    box.append(h('pre', { class: 'plain' }, output));
    return;
  }
  // Show changed lines with 3 lines of context.
  const keep = new Array(diff.length).fill(false);
  diff.forEach((row, i) => {
    if (row.op !== ' ') for (let k = Math.max(0, i - 3); k <= Math.min(diff.length - 1, i + 3); k++) keep[k] = true;
  });
  const table = h('table', { class: 'difftable' });
  let skipped = false;
  diff.forEach((row, i) => {
    if (!keep[i]) {
      if (!skipped) table.append(h('tr', { class: 'hunk' }, h('td', { colspan: '3', text: '⋯' })));
      skipped = true;
      return;
    }
    skipped = false;
    const cls = row.op === '+' ? 'add' : row.op === '-' ? 'del' : 'ctx';
    table.append(
      h('tr', { class: cls }, h('td', { class: 'ln', text: row.a ?? '' }), h('td', { class: 'ln', text: row.b ?? '' }), h('td', { class: 'code' }, h('span', { class: 'op', 'aria-label': cls === 'add' ? 'added' : cls === 'del' ? 'removed' : '' , text: row.op }), row.text || ' ')),
    );
  });
  box.append(table);
}

function renderSize() {
  const r = state.result;
  const box = $('size');
  const sizeFindings = r.diagnostics.filter((d) => (state.rulesByCode.get(d.rule) || {}).family === 'size');
  $('count-size').textContent = sizeFindings.length ? String(sizeFindings.length) : '';
  if (state.panel !== 'size') return;
  box.replaceChildren();
  if (state.engine.features.optimize) {
    if (r.optimize) box.append(renderOptimize(r.optimize));
    else if (r.optimizeError) box.append(h('p', { class: 'bad', text: `The optimizer failed: ${r.optimizeError.message}` }));
    else box.append(h('p', { class: 'muted', text: 'Working…' }));
  }
  box.append(h('h3', { class: 'sub-h', text: 'Findings of the size rules' }));
  if (!sizeFindings.length) {
    box.append(h('p', { class: 'empty' }, h('span', { class: 'ok-mark', 'aria-hidden': 'true', text: '✓' }), 'No size findings for this Dockerfile.'));
    return;
  }
  box.append(h('ul', { class: 'advice' }, sizeFindings.map((d) => adviceCard(d))));
}

/** The optimizer's report: estimated totals, then one card per suggestion. */
function renderOptimize(o) {
  const frag = document.createDocumentFragment();
  const totals = o.totals.filter((t) => t.bytes > 0).map((t) => `~${humanSize(t.bytes)} (${t.basis})`);
  frag.append(
    h('p', { class: 'muted', text: o.suggestions.length
      ? `The optimizer's advice${totals.length ? `: up to ${totals.join(', ')} to save` : ''}. Estimates use base-image sizes as of ${o.tableVersion}.`
      : 'The optimizer has no size advice for this Dockerfile.' }),
  );
  if (!o.suggestions.length) return frag;
  frag.append(
    h('ul', { class: 'advice' }, o.suggestions.map((s) =>
      h(
        'li',
        { class: 'card' },
        h('div', { class: 'card-head' }, h('strong', {}, richText(s.title)), h('span', { class: 'grow' }), h('code', { class: 'p-code', text: s.rule })),
        h('p', { class: 'muted', text: `${s.savingBytes ? `saves ~${humanSize(s.savingBytes)} (${s.basis}) · ` : ''}${s.confidence} confidence · ${s.method}` }),
        h('pre', { class: 'plain' }, s.detail),
        h('div', { class: 'p-actions' }, h('button', { type: 'button', class: 'btn small', onclick: () => jumpTo(editor, s.range) }, `Go to line ${s.range.start.line + 1}`)),
      ),
    )),
  );
  return frag;
}

function adviceCard(d) {
  const rule = state.rulesByCode.get(d.rule);
  const index = state.result.diagnostics.indexOf(d);
  return h(
    'li',
    { class: 'card' },
    h('div', { class: 'card-head' }, h('strong', {}, richText(rule ? rule.summary : d.rule)), h('span', { class: 'grow' }), h('code', { class: 'p-code', text: d.rule })),
    h('p', {}, richText(d.message)),
    d.help ? h('p', { class: 'muted' }, richText(d.help)) : null,
    h(
      'div',
      { class: 'p-actions' },
      h('button', { type: 'button', class: 'btn small', onclick: () => jumpTo(editor, d.range) }, `Go to line ${d.range.start.line + 1}`),
      fixable(d) ? h('button', { type: 'button', class: 'btn small', onclick: () => applyFix(index) }, d.fix.applicability === 'unsafe' ? 'Fix (unsafe)' : 'Fix') : null,
    ),
  );
}

function renderParse() {
  const r = state.result;
  const box = $('parse');
  if (!r.parse) {
    box.replaceChildren(h('p', { class: 'muted', text: 'Parsing…' }));
    return;
  }
  const p = r.parse;
  const head = h('p', { class: 'muted' }, `${p.instructions.length} instruction${p.instructions.length === 1 ? '' : 's'} · escape `, h('code', { text: p.escape }), p.directives.length ? ' · directives: ' : '', p.directives.map((d) => h('code', { text: `${d.name}=${d.value}` })));
  const inst = (ins) =>
    h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: 'node', onclick: () => jumpTo(editor, { start: { line: ins.line - 1, character: 0 }, end: { line: ins.line - 1, character: 0 } }), 'aria-label': `${ins.keyword} at line ${ins.line}` },
        h('span', { class: 'kw', text: ins.keyword }),
        ins.flags.map((f) => h('span', { class: 'flag', text: f })),
        h('span', { class: 'pos', text: `${ins.line}:${ins.column}${ins.end_line !== ins.line ? `–${ins.end_line}` : ''}` }),
      ),
      h('ul', {}, ins.value.map((v) => h('li', { class: 'val' }, h('code', { text: v }))), ins.json ? h('li', { class: 'muted', text: 'exec form (JSON)' }) : null,
        ins.heredocs.map((hd) => h('li', { class: 'val' }, h('span', { class: 'muted', text: `heredoc <<${hd.name}` }), h('pre', { class: 'plain' }, hd.content))),
        ins.onbuild ? inst(ins.onbuild) : null),
    );
  const syntax = p.diagnostics.length ? h('p', { class: 'bad', text: `${p.diagnostics.length} syntax error${p.diagnostics.length === 1 ? '' : 's'}: ${p.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('; ')}` }) : null;
  box.replaceChildren(head, syntax || '', h('ul', { class: 'tree' }, p.instructions.map(inst)));
}

// ---------------------------------------------------------------- config

const updateConfig = debounce(async () => {
  const toml = configEditor.state.doc.toString();
  const { issue } = await call('config', { toml });
  state.configIssue = issue;
  state.configVersion++;
  renderConfigIssue(toml, issue);
  analyze();
}, 200);

function renderConfigIssue(toml, issue) {
  const box = $('config-error');
  $('count-config').textContent = issue ? '!' : '';
  $('count-config').setAttribute('aria-label', issue ? 'has an error' : '');
  if (!issue) {
    box.hidden = true;
    configEditor.dispatch(setDiagnostics(configEditor.state, []));
    return;
  }
  let from = null;
  let to = null;
  if (issue.span) {
    from = byteToIndex(toml, issue.span[0]);
    to = byteToIndex(toml, issue.span[1]);
  } else if (issue.key) {
    const key = issue.key.split('.').pop();
    const m = new RegExp(`^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*=`, 'm').exec(toml);
    if (m) {
      from = m.index + m[0].indexOf(key);
      to = from + key.length;
    }
  }
  let where = '';
  if (from !== null) {
    const line = configEditor.state.doc.lineAt(Math.min(from, toml.length));
    where = `line ${line.number}, column ${from - line.from + 1}: `;
    configEditor.dispatch(setDiagnostics(configEditor.state, [{ from, to: Math.max(from, to), severity: 'error', message: issue.help ? `${issue.message}\n${issue.help}` : issue.message }]));
  } else {
    configEditor.dispatch(setDiagnostics(configEditor.state, []));
  }
  box.hidden = false;
  box.replaceChildren(
    h('strong', { text: 'Config error' }),
    h('span', { class: 'where', text: where }),
    h('span', {}, richText(issue.help && issue.message.endsWith(` (${issue.help})`) ? issue.message.slice(0, -issue.help.length - 3) : issue.message)),
    issue.help ? h('div', { class: 'help' }, richText(issue.help)) : null,
    h('div', { class: 'muted small', text: 'The last valid configuration is still in use.' }),
  );
}

// ---------------------------------------------------------------- image

let imageSeq = 0;
const updateImage = debounce(async () => {
  const json = imageEditor.state.doc.toString();
  const seq = ++imageSeq;
  const out = $('image-out');
  if (!json.trim()) {
    out.replaceChildren();
    imageEditor.dispatch(setDiagnostics(imageEditor.state, []));
    return;
  }
  let value;
  try {
    value = await call('image', { json });
  } catch (e) {
    if (seq === imageSeq) out.replaceChildren(h('p', { class: 'bad', text: `Engine error: ${e.message}` }));
    return;
  }
  if (seq !== imageSeq) return;
  renderImage(json, value);
}, 150);

function renderImage(json, value) {
  const out = $('image-out');
  out.replaceChildren();
  if (value.unsupported) {
    out.append(h('p', { class: 'notice', text: 'This engine build cannot lint images yet (no lintImage in @stowage/wasm). The layer sizes below are read from the JSON.' }));
    const fallback = layersFromJson(json);
    if (fallback) out.append(sizeTable(fallback));
    return;
  }
  const res = value.result || {};
  const ds = res.diagnostics || res.findings || [];
  const doc = imageEditor.state.doc;
  imageEditor.dispatch(
    setDiagnostics(
      imageEditor.state,
      ds.filter((d) => d.range).map((d) => {
        const from = toOffset(doc, d.range.start);
        return { from, to: Math.max(from, toOffset(doc, d.range.end)), severity: CM_SEVERITY[d.severity] || 'warning', message: `${d.rule} ${d.message}`, renderMessage: () => diagnosticTooltip(d) };
      }),
    ),
  );
  const kind = res.kind || res.documentKind;
  out.append(h('h3', { class: 'sub-h' }, 'Findings', kind ? h('span', { class: 'pill', text: String(kind) }) : null));
  if (!ds.length) out.append(h('p', { class: 'empty' }, h('span', { class: 'ok-mark', 'aria-hidden': 'true', text: '✓' }), 'No image findings.'));
  else
    out.append(
      h('ul', { class: 'problems', id: 'image-problems' }, ds.map((d) => {
        const pos = d.range ? `${d.range.start.line + 1}:${d.range.start.character + 1}` : '';
        return h('li', { class: `problem problem-${d.severity}`, 'data-rule': d.rule },
          h('button', { type: 'button', class: 'jump', onclick: () => d.range && jumpTo(imageEditor, d.range) }, sevIcon(d.severity),
            h('span', { class: 'p-body' }, h('span', { class: 'p-msg' }, richText(d.message)), d.help ? h('span', { class: 'p-help' }, richText(d.help)) : null),
            h('span', { class: 'p-meta' }, h('span', { class: 'p-code', text: d.rule }), h('span', { class: 'p-pos', text: pos }))),
          h('div', { class: 'p-actions' }, h('button', { type: 'button', class: 'btn small ghost', onclick: () => showRule(d.rule) }, 'Docs')));
      })),
    );
  const report = res.report || res.sizeReport || res.size_report || null;
  if (report && Array.isArray(report.layers)) out.append(sizeTable(report));
  else {
    const fallback = layersFromJson(json);
    if (fallback) out.append(sizeTable(fallback));
  }
}

function layersFromJson(json) {
  try {
    const v = JSON.parse(json);
    const layers = Array.isArray(v && v.layers) ? v.layers : null;
    if (!layers) return null;
    const rows = layers.map((l, index) => ({ index, digest: l.digest || '', size: Number(l.size) || 0, instruction: null, hints: [] }));
    const total = rows.reduce((a, r) => a + r.size, 0);
    for (const r of rows) r.share = total ? r.size / total : 0;
    rows.sort((a, b) => b.size - a.size);
    return { total_bytes: total, layers: rows, hints: [] };
  } catch {
    return null;
  }
}

export function humanSize(n) {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = -1;
  do {
    v /= 1024;
    u++;
  } while (v >= 1024 && u < units.length - 1);
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

function sizeTable(report) {
  const wrap = h('div', { class: 'size-report' });
  wrap.append(h('h3', { class: 'sub-h' }, 'Size report', h('span', { class: 'pill', text: `${humanSize(report.total_bytes || 0)} compressed` })));
  const table = h('table', { class: 'layers' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: '#' }), h('th', { scope: 'col', text: 'Layer' }), h('th', { scope: 'col', class: 'num', text: 'Size' }), h('th', { scope: 'col', text: 'Share' }))));
  const body = h('tbody');
  for (const l of report.layers) {
    const share = Math.round((l.share || 0) * 1000) / 10;
    body.append(
      h('tr', {},
        h('td', { class: 'num', text: String(l.index) }),
        h('td', {}, l.instruction ? h('code', { class: 'instr', text: l.instruction }) : null, h('div', { class: 'digest', text: (l.digest || '').replace(/^sha256:/, 'sha256:').slice(0, 19) + '…' }), (l.hints || []).map((x) => h('div', { class: 'hint', text: x })), l.dockerfile_line ? h('div', { class: 'muted', text: `Dockerfile line ${l.dockerfile_line}` }) : null),
        h('td', { class: 'num', text: humanSize(l.size || 0) }),
        h('td', { class: 'sharecell' }, h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.max(1, share)}%` })), h('span', { class: 'pct', text: `${share}%` })),
      ),
    );
  }
  table.append(body);
  wrap.append(h('div', { class: 'table-wrap' }, table));
  if (report.hints && report.hints.length) wrap.append(h('ul', { class: 'hints' }, report.hints.map((x) => h('li', { text: x }))));
  return wrap;
}

// ---------------------------------------------------------------- rules

function renderRules() {
  const q = $('rule-search').value.trim().toLowerCase();
  const list = $('rules');
  const rules = state.engine.rules.filter(
    (r) => !q || [r.code, r.name, r.family, r.summary, r.severity, ...r.aliases].some((x) => String(x).toLowerCase().includes(q)),
  );
  $('rule-count').textContent = `${rules.length} of ${state.engine.rules.length} rules`;
  list.replaceChildren(
    ...rules.map((r) => {
      const body = h('div', { class: 'docs' });
      const det = h(
        'details',
        { id: `rule-${r.code}`, 'data-rule': r.code },
        h('summary', {},
          h('code', { class: 'p-code', text: r.code }),
          h('span', { class: 'r-name', text: r.name }),
          h('span', { class: 'r-summary' }, richText(r.summary)),
          h('span', { class: 'r-tags' },
            h('span', { class: `pill pill-${r.severity}`, text: r.severity }),
            h('span', { class: 'pill', text: r.family }),
            r.fix !== 'none' ? h('span', { class: 'pill pill-fix', text: r.fix === 'always' ? 'fix' : 'fix sometimes' }) : null,
            r.defaultEnabled ? null : h('span', { class: 'pill', text: 'opt-in' }))),
        body,
      );
      det.addEventListener('toggle', () => {
        if (det.open && !body.childElementCount) {
          body.innerHTML = markdown(r.docs);
          if (r.aliases.length) body.prepend(h('p', { class: 'muted' }, 'Also known as: ', r.aliases.map((a, i) => [i ? ', ' : '', h('code', { text: a })])));
        }
      });
      return h('li', {}, det);
    }),
  );
}

function showRule(code) {
  $('rule-search').value = code;
  renderRules();
  selectPanel('rules', true);
  const det = document.getElementById(`rule-${code}`);
  if (det) {
    det.open = true;
    det.querySelector('summary').focus();
  }
}

// ---------------------------------------------------------------- panels (tabs)

function selectPanel(name, focusTab = false) {
  state.panel = name;
  for (const tab of document.querySelectorAll('[role=tab]')) {
    const on = tab.dataset.panel === name;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !on;
    if (on && focusTab) tab.focus();
  }
  updateHash();
  if (!state.engine) return;
  if (name === 'rules' && !$('rules').childElementCount) renderRules();
  if (name === 'parse' || (name === 'size' && state.engine.features.optimize)) analyze();
  if (name === 'size' && state.result) renderSize();
}

$('tabs').addEventListener('click', (e) => {
  const tab = e.target.closest('[role=tab]');
  if (tab) selectPanel(tab.dataset.panel);
});
$('tabs').addEventListener('keydown', (e) => {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const i = tabs.indexOf(document.activeElement);
  if (i < 0) return;
  let j = null;
  if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
  else if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
  else if (e.key === 'Home') j = 0;
  else if (e.key === 'End') j = tabs.length - 1;
  if (j === null) return;
  e.preventDefault();
  selectPanel(tabs[j].dataset.panel, true);
});

// ---------------------------------------------------------------- toolbar

$('fix-all').addEventListener('click', fixAll);
$('apply-fixed').addEventListener('click', fixAll);
$('unsafe').checked = state.unsafe;
$('unsafe').addEventListener('change', (e) => {
  state.unsafe = e.target.checked;
  state.configVersion++;
  updateHash();
  analyze();
});
$('copy-fixed').addEventListener('click', () => state.result && copyText(state.result.fixed.output, 'Fixed file copied'));
$('config-reset').addEventListener('click', () => replaceAll(configEditor, DEFAULT_CONFIG_TOML));
$('rule-search').addEventListener('input', debounce(renderRules, 80));
$('image-sample').addEventListener('click', () => replaceAll(imageEditor, SAMPLE_MANIFEST));

const examples = $('examples');
for (const ex of EXAMPLES) examples.append(h('option', { value: ex.id, text: ex.title }));
examples.append(h('option', { value: 'manifest', text: 'Sample image manifest (OCI)' }));
examples.addEventListener('change', () => {
  const id = examples.value;
  examples.value = '';
  if (id === 'manifest') {
    replaceAll(imageEditor, SAMPLE_MANIFEST);
    selectPanel('image');
    return;
  }
  const ex = EXAMPLES.find((e) => e.id === id);
  if (ex) {
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: ex.source }, selection: { anchor: 0 } });
    announce(`Loaded example: ${ex.title}`);
  }
});

$('copy-link').addEventListener('click', () => {
  history.replaceState(null, '', shareState());
  copyText(location.href, 'Link copied');
});

function copyText(text, done) {
  const ok = () => toast(done);
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(ok, () => fallbackCopy(text, done));
  else fallbackCopy(text, done);
}

function fallbackCopy(text, done) {
  const ta = h('textarea', { class: 'offscreen', readonly: true, 'aria-hidden': 'true' });
  ta.value = text;
  document.body.append(ta);
  ta.select();
  const copied = document.execCommand('copy');
  ta.remove();
  toast(copied ? done : 'Copy failed: the link is in the address bar');
}

let toastTimer = 0;
function toast(text) {
  let el = document.querySelector('.toast');
  if (!el) {
    el = h('div', { class: 'toast', role: 'status' });
    document.body.append(el);
  }
  el.textContent = text;
  el.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => el.classList.remove('show'), 1800);
}

function exportData() {
  const r = state.result;
  return { diagnostics: r ? r.diagnostics : [], rules: state.engine ? state.engine.rules : [], version: state.engine ? state.engine.version : '', source: editor.state.doc.toString() };
}
$('dl-sarif').addEventListener('click', () => download('stowage.sarif', JSON.stringify(toSarif(exportData()), null, 2), 'application/sarif+json'));
$('dl-json').addEventListener('click', () => download('stowage.json', JSON.stringify(toJson(exportData()), null, 2), 'application/json'));

// ---------------------------------------------------------------- start

selectPanel(state.panel);
(async () => {
  try {
    const info = await call('init');
    state.engine = info;
    state.rulesByCode = new Map(info.rules.map((r) => [r.code, r]));
    $('version').textContent = `v${info.version}`;
    $('config-defaults').textContent = JSON.stringify(info.defaultConfig, null, 2);
    const toml = configEditor.state.doc.toString();
    const { issue } = await call('config', { toml });
    state.configIssue = issue;
    renderConfigIssue(toml, issue);
    await analyze();
    performance.mark('stowage:first-lint');
    document.documentElement.dataset.ready = 'true';
    selectPanel(state.panel);
    if (imageEditor.state.doc.length) updateImage();
  } catch (e) {
    setStatus(`The engine failed to start: ${e.message}`, true);
  }
})();

// For tests and the curious: the live views.
window.stowagePlayground = { editor, configEditor, imageEditor, state, escapeHtml };
