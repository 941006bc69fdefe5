// The runtime shape of every API result matches index.d.ts (the compile-time check is types.test.mjs).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { load, pkgDir } from './helpers.mjs';

const api = await load();
const { Linter, ConfigError, version, rules, defaultConfig, validateConfig } = api;

const SEVERITIES = ['style', 'info', 'warning', 'error'];
const FAMILIES = ['syntax', 'correctness', 'security', 'size', 'reproducibility', 'style', 'policy', 'image'];

function keys(obj) {
  return Object.keys(obj).sort();
}

function assertPosition(p) {
  assert.deepEqual(keys(p), ['character', 'line']);
  assert.ok(Number.isInteger(p.line) && p.line >= 0);
  assert.ok(Number.isInteger(p.character) && p.character >= 0);
}

function assertRange(r) {
  assert.deepEqual(keys(r), ['end', 'start']);
  assertPosition(r.start);
  assertPosition(r.end);
}

function assertOffsets(o) {
  assert.ok(Array.isArray(o) && o.length === 2 && o.every(Number.isInteger) && o[0] <= o[1]);
}

export function assertDiagnostic(d) {
  assert.deepEqual(keys(d), ['fix', 'help', 'labels', 'message', 'name', 'offsets', 'range', 'rule', 'severity']);
  assert.match(d.rule, /^[A-Z]+[0-9]{3}$/);
  assert.match(d.name, /^[a-z0-9-]+$/);
  assert.ok(SEVERITIES.includes(d.severity));
  assert.equal(typeof d.message, 'string');
  assertRange(d.range);
  assertOffsets(d.offsets);
  assert.ok(d.help === null || typeof d.help === 'string', 'help is string | null, never undefined');
  assert.ok(Array.isArray(d.labels));
  for (const l of d.labels) {
    assert.deepEqual(keys(l), ['message', 'offsets', 'range']);
    assertRange(l.range);
    assertOffsets(l.offsets);
  }
  assert.ok(d.fix === null || typeof d.fix === 'object', 'fix is object | null, never undefined');
  if (d.fix) {
    assert.deepEqual(keys(d.fix), ['applicability', 'edits', 'title']);
    assert.ok(['safe', 'unsafe', 'display-only'].includes(d.fix.applicability));
    for (const e of d.fix.edits) {
      assert.deepEqual(keys(e), ['newText', 'offsets', 'range']);
      assertRange(e.range);
      assertOffsets(e.offsets);
      assert.equal(typeof e.newText, 'string');
    }
  }
}

const SAMPLE = `FROM ubuntu
MAINTAINER someone@example.com
RUN apt-get update && apt-get install -y curl
LABEL a="x" b
FOO bar
`;

test('version() is the crate version', () => {
  assert.match(version(), /^\d+\.\d+\.\d+/);
});

test('rules() lists every rule with metadata and docs', () => {
  const rs = rules();
  assert.ok(rs.length >= 10);
  const codes = new Set();
  for (const r of rs) {
    assert.deepEqual(keys(r), ['aliases', 'code', 'defaultEnabled', 'docs', 'family', 'fix', 'name', 'options', 'severity', 'summary', 'target']);
    for (const o of r.options) {
      assert.deepEqual(keys(o), ['key', 'summary', 'type']);
      assert.ok(['integer', 'number', 'boolean', 'string', 'string[]'].includes(o.type), `${r.code}.${o.key}`);
    }
    assert.ok(FAMILIES.includes(r.family));
    assert.ok(SEVERITIES.includes(r.severity));
    assert.ok(['none', 'sometimes', 'always'].includes(r.fix));
    assert.ok(['dockerfile', 'image'].includes(r.target));
    assert.equal(typeof r.defaultEnabled, 'boolean');
    assert.ok(Array.isArray(r.aliases) && r.aliases.every((a) => typeof a === 'string'));
    assert.ok(r.docs.includes('## What it does'), `${r.code} docs`);
    codes.add(r.code);
  }
  assert.equal(codes.size, rs.length, 'codes are unique');
  assert.ok(codes.has('SEC001'));
  // The options each rule accepts (the config reader rejects others).
  const budget = rs.find((r) => r.code === 'IMG009');
  assert.deepEqual(budget.options.map((o) => [o.key, o.type]), [['max-bytes', 'integer'], ['max-share', 'number']]);
  assert.deepEqual(rs.find((r) => r.code === 'SEC001').options, []);
});

test('rules() takes the docs from rule-docs.js: one entry per rule, none inside the .wasm', async () => {
  const { default: ruleDocs } = await import(path.join(pkgDir, 'rule-docs.js'));
  const rs = rules();
  assert.deepEqual(Object.keys(ruleDocs).sort(), rs.map((r) => r.code).sort());
  for (const r of rs) assert.equal(r.docs, ruleDocs[r.code], r.code);
  const wasm = fs.readFileSync(path.join(pkgDir, 'stowage_wasm_bg.wasm'));
  assert.ok(!wasm.includes('## Why is this bad?'), "the .wasm must be built without stowage-core's `docs` feature");
});

test('every file the manifest lists is in the package', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  for (const f of manifest.files) assert.ok(fs.existsSync(path.join(pkgDir, f)), f);
});

test('defaultConfig() round-trips through the constructor', () => {
  const c = defaultConfig();
  assert.deepEqual(keys(c), ['extend-select', 'failure-threshold', 'ignore', 'rules', 'select', 'severity', 'target']);
  assert.equal(c.select, null);
  const a = new Linter(c).lintDockerfile(SAMPLE);
  const b = new Linter().lintDockerfile(SAMPLE);
  assert.deepEqual(a, b);
});

test('lintDockerfile returns plain objects of the documented shape', () => {
  const res = new Linter().lintDockerfile(SAMPLE);
  assert.deepEqual(keys(res), ['diagnostics']);
  assert.ok(res.diagnostics.length >= 4);
  for (const d of res.diagnostics) assertDiagnostic(d);
  // Plain JSON-compatible data: survives a JSON round trip unchanged.
  assert.deepEqual(JSON.parse(JSON.stringify(res)), res);
  const rulesSeen = res.diagnostics.map((d) => d.rule);
  for (const r of ['SEC001', 'COR001', 'SZ001', 'SYN001', 'SYN002']) assert.ok(rulesSeen.includes(r), r);
  const withFix = res.diagnostics.find((d) => d.rule === 'SZ001');
  assert.ok(withFix.fix && withFix.fix.edits.length > 0);
});

test('default linter = CLI defaults; select all enables opt-in rules', () => {
  const all = new Linter({ select: ['all'] });
  const none = new Linter({ select: [] });
  assert.equal(none.lintDockerfile(SAMPLE).diagnostics.length, 0);
  assert.ok(all.lintDockerfile(SAMPLE).diagnostics.length >= new Linter().lintDockerfile(SAMPLE).diagnostics.length);
  const sev = new Linter({ severity: { SEC001: 'error' } }).lintDockerfile(SAMPLE).diagnostics.find((d) => d.rule === 'SEC001');
  assert.equal(sev.severity, 'error');
});

test('TOML text config', () => {
  const l = new Linter('select = ["SZ001"]\n');
  const ds = l.lintDockerfile(SAMPLE).diagnostics;
  assert.deepEqual([...new Set(ds.map((d) => d.rule))], ['SZ001']);
});

test('fix() applies safe fixes and reports what is left', () => {
  const res = new Linter().fix(SAMPLE);
  assert.deepEqual(keys(res), ['applied', 'output', 'remaining', 'stoppedOnError']);
  assert.match(res.output, /--no-install-recommends/);
  assert.ok(res.applied.length >= 1);
  for (const a of res.applied) assert.deepEqual(keys(a), ['rule', 'title']);
  for (const d of res.remaining) assertDiagnostic(d);
  assert.ok(!res.remaining.some((d) => d.rule === 'SZ001'));
  assert.equal(typeof res.stoppedOnError, 'boolean');
  const unsafe = new Linter().fix(SAMPLE, { unsafe: true });
  assert.equal(typeof unsafe.output, 'string');
});

test('parse() returns the dump and the syntax diagnostics', () => {
  const p = new Linter().parse(SAMPLE);
  assert.deepEqual(keys(p), ['diagnostics', 'directives', 'escape', 'instructions']);
  assert.equal(p.escape, '\\');
  assert.equal(p.instructions.length, 5);
  const from = p.instructions[0];
  for (const k of ['keyword', 'line', 'column', 'end_line', 'end_column', 'offsets', 'flags', 'value', 'json', 'heredocs']) {
    assert.ok(k in from, k);
  }
  assert.equal(from.keyword, 'FROM');
  assert.deepEqual(from.value, ['ubuntu']);
  assert.ok(p.diagnostics.length >= 2);
  for (const d of p.diagnostics) {
    assertDiagnostic(d);
    assert.match(d.rule, /^SYN/);
  }
});

test('optimize() gives the size advice, positioned, image savings first', () => {
  const src = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD ["node", "server.js"]\n';
  const linter = new Linter();
  const out = linter.optimize(src, { dockerignore: null });
  assert.deepEqual(keys(out), ['suggestions', 'tableVersion', 'totals']);
  assert.match(out.tableVersion, /^\d{4}-\d{2}/);
  assert.ok(out.suggestions.length >= 2, JSON.stringify(out.suggestions.map((s) => s.kind)));
  for (const s of out.suggestions) {
    assert.deepEqual(keys(s), ['basis', 'confidence', 'detail', 'kind', 'method', 'offsets', 'range', 'rule', 'savingBytes', 'title']);
    assertRange(s.range);
    assertOffsets(s.offsets);
    assert.ok(['low', 'medium', 'high'].includes(s.confidence));
  }
  // A full node image has a slimmer variant; the advice points at the FROM line.
  const base = out.suggestions.find((s) => s.kind === 'slimmer-base');
  assert.ok(base, 'slimmer-base advice');
  assert.equal(base.rule, 'SZ019');
  assert.equal(base.range.start.line, 0);
  assert.ok(base.savingBytes > 0);
  // No .dockerignore in the context: advice to add one.
  assert.ok(out.suggestions.some((s) => s.kind === 'dockerignore'));
  // The same advice the size rules report as diagnostics.
  const lint = new Linter({ select: ['size'] }).lintDockerfile(src, { dockerignore: null });
  assert.ok(lint.diagnostics.some((d) => d.rule === 'SZ019' && d.range.start.line === 0));
  // Image savings first, then build-context and rebuild savings.
  const image = out.suggestions.map((s) => s.basis.startsWith('image'));
  assert.deepEqual(image, [...image].sort((a, b) => Number(b) - Number(a)));
});

test('positionEncoding is validated', () => {
  assert.throws(() => new Linter(null, { positionEncoding: 'latin1' }), (e) => e instanceof ConfigError && e.key === 'positionEncoding');
  new Linter(undefined, { positionEncoding: 'utf-8' });
});

test('validateConfig() reports without throwing', () => {
  assert.equal(validateConfig({ select: ['all'] }), null);
  assert.equal(validateConfig('ignore = ["style"]'), null);
  const issue = validateConfig({ ignore: ['SEC01'] });
  assert.deepEqual(keys(issue), ['help', 'key', 'message', 'span']);
  assert.match(issue.help, /SEC001/);
});

test('non-string sources are rejected with a TypeError', () => {
  assert.throws(() => new Linter().lintDockerfile(42), TypeError);
  assert.throws(() => new Linter().lintDockerfile(undefined), TypeError);
});

test('free() then reuse re-creates the engine side', () => {
  const l = new Linter();
  l.free();
  assert.ok(l.lintDockerfile(SAMPLE).diagnostics.length > 0);
});

const IMAGE_CONFIG = `{
  "architecture": "amd64",
  "os": "linux",
  "config": {
    "Env": ["PATH=/usr/local/bin:/usr/bin:/bin", "GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ0123456789"],
    "Cmd": ["/bin/sh"]
  },
  "rootfs": { "type": "layers", "diff_ids": ["sha256:${'a'.repeat(64)}"] },
  "history": [
    { "created": "2024-01-01T00:00:00Z", "created_by": "/bin/sh -c apt-get update && apt-get install -y curl" }
  ]
}`;

test('lintImage lints an image document, positioned in its text', () => {
  const l = new Linter({ select: ['all'] });
  const res = l.lintImage(IMAGE_CONFIG, { imageReference: 'example.com/app:1.0' });
  assert.deepEqual(keys(res), ['diagnostics']);
  assert.ok(res.diagnostics.length > 0, 'findings on a root, secret-carrying image config');
  const bytes = Buffer.from(IMAGE_CONFIG);
  for (const d of res.diagnostics) {
    assertDiagnostic(d);
    assert.ok(d.offsets[1] <= bytes.length);
  }
  // An object is pretty-printed first; invalid JSON is a finding, not a throw.
  assert.ok(Array.isArray(l.lintImage(JSON.parse(IMAGE_CONFIG)).diagnostics));
  const bad = l.lintImage('{"schemaVersion": 2,}');
  assert.ok(bad.diagnostics.length > 0);
  assert.equal(bad.diagnostics[0].range.start.line, 0);
});

test('configFromHadolint() converts .hadolint.yaml into a config the Linter accepts', () => {
  const { configFromHadolint } = api;
  const yaml = 'ignored:\n  - DL3008\noverride:\n  error:\n    - DL3015\ntrustedRegistries:\n  - docker.io\n';
  const config = configFromHadolint(yaml);
  assert.equal(typeof config, 'object');
  assert.ok(config.ignore.includes('DL3008'), JSON.stringify(config));
  const linter = new Linter(config);
  const codes = linter.lintDockerfile('FROM debian:12\nRUN apt-get update && apt-get install -y curl\n').diagnostics;
  const dl3015 = codes.find((d) => d.rule === 'SZ001');
  assert.ok(dl3015, 'DL3015 (SZ001) still reported');
  assert.equal(dl3015.severity, 'error', 'override: error applies');
  assert.ok(!codes.some((d) => d.rule === 'REP011'), 'DL3008 (REP011) ignored');
  assert.throws(() => configFromHadolint('ignored: [DL3008\n'), (e) => e instanceof ConfigError && /hadolint/.test(e.message));
});
