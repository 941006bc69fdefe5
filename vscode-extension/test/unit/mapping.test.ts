// node:test unit tests for the pure mapping code (no VS Code). Bundled by scripts/build.mjs --unit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as m from '../../src/mapping';
import type { Diagnostic } from '@stowage/wasm';

const r = (sl: number, sc: number, el: number, ec: number) => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});

const diag = (over: Partial<Diagnostic> = {}): Diagnostic => ({
  rule: 'COR001',
  name: 'maintainer-deprecated',
  severity: 'warning',
  message: 'MAINTAINER is deprecated',
  range: r(3, 0, 3, 10),
  offsets: [80, 90],
  help: null,
  labels: [],
  fix: null,
  ...over,
});

test('severities map to vscode.DiagnosticSeverity numbers', () => {
  assert.equal(m.mapSeverity('error'), 0);
  assert.equal(m.mapSeverity('warning'), 1);
  assert.equal(m.mapSeverity('info'), 2);
  assert.equal(m.mapSeverity('style'), 3);
});

test('diagnostic shape: range kept exactly, code links to the rule page, labels become related info', () => {
  const s = m.toDiagnosticShape(
    diag({ labels: [{ range: r(1, 5, 1, 9), offsets: [20, 24], message: 'first defined here' }] }),
  );
  assert.deepEqual(s.range, r(3, 0, 3, 10));
  assert.equal(s.severity, m.Sev.Warning);
  assert.equal(s.source, 'stowage');
  assert.deepEqual(s.code, { value: 'COR001', target: 'https://stowage.dev/docs/rules/COR001-maintainer-deprecated.md' });
  assert.deepEqual(s.related, [{ range: r(1, 5, 1, 9), message: 'first defined here' }]);
  assert.deepEqual(s.tags, [m.Tag.Deprecated]);
  assert.deepEqual(m.toDiagnosticShape(diag({ rule: 'STY002', name: 'unused-suppression' })).tags, [m.Tag.Unnecessary]);
});

test('fixes: titles, applicability, edits', () => {
  const fix = {
    title: 'Add --no-install-recommends',
    applicability: 'unsafe' as const,
    edits: [{ range: r(2, 37, 2, 37), offsets: [87, 87] as [number, number], newText: ' --no-install-recommends' }],
  };
  const d = diag({ rule: 'SZ001', fix });
  assert.ok(m.isApplicable(fix));
  assert.equal(m.isApplicable({ ...fix, applicability: 'display-only' }), false);
  assert.equal(m.isApplicable(null), false);
  assert.equal(m.fixTitle(d), 'Add --no-install-recommends (unsafe) [SZ001]');
  assert.deepEqual(m.fixEdits(fix), [{ range: r(2, 37, 2, 37), newText: ' --no-install-recommends' }]);
});

test('ignore for this instruction: above it, same indentation, CRLF kept', () => {
  const lines = ['FROM alpine', '    RUN echo', 'USER 1'];
  assert.deepEqual(m.ignoreInstructionEdit(lines, 1, 'SEC001'), {
    range: r(1, 0, 1, 0),
    newText: '    # stowage ignore=SEC001\n',
  });
  assert.deepEqual(m.ignoreInstructionEdit(lines, 0, 'X1', '\r\n'), { range: r(0, 0, 0, 0), newText: '# stowage ignore=X1\r\n' });
  const tabs = ['FROM a', '\tRUN x'];
  assert.equal(m.ignoreInstructionEdit(tabs, 1, 'A')!.newText, '\t# stowage ignore=A\n');
});

test('ignore for this instruction: adds to an existing comment, no duplicates', () => {
  const lines = ['FROM alpine', '  # stowage ignore=SZ001 -- reason', '  RUN apt-get install x'];
  assert.deepEqual(m.ignoreInstructionEdit(lines, 2, 'SEC001'), { range: r(1, 24, 1, 24), newText: ',SEC001' });
  assert.equal(m.ignoreInstructionEdit(lines, 2, 'sz001'), null);
});

test('ignore for this file: after parser directives, reusing an ignore-file comment', () => {
  assert.deepEqual(m.ignoreFileEdit(['FROM a'], 'A'), { range: r(0, 0, 0, 0), newText: '# stowage ignore-file=A\n' });
  const withDirectives = ['# syntax=docker/dockerfile:1', '# escape=`', 'FROM a'];
  assert.deepEqual(m.directiveLines(withDirectives), [0, 1]);
  assert.deepEqual(m.ignoreFileEdit(withDirectives, 'A'), { range: r(2, 0, 2, 0), newText: '# stowage ignore-file=A\n' });
  const existing = ['# syntax=x', '# stowage ignore-file=A', 'FROM a'];
  assert.deepEqual(m.ignoreFileEdit(existing, 'B'), { range: r(1, 23, 1, 23), newText: ',B' });
  assert.equal(m.ignoreFileEdit(existing, 'A'), null);
  // Engine-provided directive lines win over the local scan.
  assert.deepEqual(m.ignoreFileEdit(['# foo=bar', 'FROM a'], 'A', '\n', []).range, r(0, 0, 0, 0));
});

test('parser directives: only at the very top, known names, once each', () => {
  assert.deepEqual(m.directiveLines(['\uFEFF# syntax=x', '# check=skip=all', 'FROM a']), [0, 1]);
  assert.deepEqual(m.directiveLines(['# hello', '# syntax=x']), []);
  assert.deepEqual(m.directiveLines(['# syntax=x', '# syntax=y']), [0]);
  assert.deepEqual(m.directiveLines(['', '# syntax=x']), []);
  assert.deepEqual(m.directiveLines(['# foo=bar']), []);
});

test('instruction start line for a diagnostic inside a continuation', () => {
  const ins = [
    { line: 1, end_line: 1 },
    { line: 2, end_line: 5 },
  ];
  assert.equal(m.instructionStartLine(ins, 3), 1);
  assert.equal(m.instructionStartLine(ins, 0), 0);
  assert.equal(m.instructionStartLine(ins, 9), null);
});

test('minimal edit keeps the unchanged prefix and suffix', () => {
  assert.deepEqual(m.minimalEdit('abcdef', 'abXYef'), { start: 2, end: 4, text: 'XY' });
  assert.equal(m.minimalEdit('same', 'same'), null);
  assert.deepEqual(m.minimalEdit('ab', 'abc'), { start: 2, end: 2, text: 'c' });
  assert.deepEqual(m.minimalEdit('aaa', 'aa'), { start: 2, end: 3, text: '' });
  // Never splits a surrogate pair: 😀 = \uD83D\uDE00, 😁 = \uD83D\uDE01
  const e = m.minimalEdit('x😀y', 'x😁y')!;
  assert.deepEqual(e, { start: 1, end: 3, text: '😁' });
  const a = 'x😀y';
  assert.equal(a.slice(0, e.start) + e.text + a.slice(e.end), 'x😁y');
});

test('byte offsets → UTF-16 positions (config error spans)', () => {
  const text = 'a = "é"\n# 😀\nselct = 1\n';
  assert.deepEqual(m.byteOffsetToPosition(text, 0), { line: 0, character: 0 });
  assert.deepEqual(m.byteOffsetToPosition(text, 7), { line: 0, character: 6 }); // after é (2 bytes)
  const sel = Buffer.from(text).indexOf('selct');
  assert.deepEqual(m.byteOffsetToPosition(text, sel), { line: 2, character: 0 });
  const after = Buffer.from(text).indexOf('😀') + 4;
  assert.deepEqual(m.byteOffsetToPosition(text, after), { line: 1, character: 4 });
});

test('config error range: span, else the key, else the first line', () => {
  const text = 'ignore = ["X"]\nselct = ["all"]\n';
  assert.deepEqual(m.configErrorRange(text, { span: [15, 20] }), r(1, 0, 1, 5));
  assert.deepEqual(m.configErrorRange(text, { key: 'selct' }), r(1, 0, 1, 5));
  assert.deepEqual(m.configErrorRange('[severity]\n  SEC001 = "bad"\n', { key: 'severity.SEC001' }), r(1, 2, 1, 8));
  assert.deepEqual(m.configErrorRange('[rules]\n', { key: 'rules.x' }), r(0, 1, 0, 6));
  assert.deepEqual(m.configErrorRange('oops', { key: null }), r(0, 0, 0, 4));
});

test('settings merge over stowage.toml', () => {
  const base = { ignore: ['A'], severity: { X: 'info' }, target: 'prod' };
  assert.deepEqual(m.mergeConfig(base, { select: ['all'], ignore: ['B'], severity: { Y: 'error' } }), {
    select: ['all'],
    ignore: ['A', 'B'],
    severity: { X: 'info', Y: 'error' },
    target: 'prod',
  });
  assert.deepEqual(m.mergeConfig(null, { select: [], ignore: [], severity: {} }), {});
  assert.equal(m.hasOverrides({ select: [], ignore: [], severity: {} }), false);
  assert.equal(m.hasOverrides({ ignore: ['A'] }), true);
  assert.deepEqual(base.ignore, ['A'], 'base not mutated');
});

test('image references: Docker defaults', () => {
  const u = m.parseImageRef('ubuntu');
  assert.deepEqual([u.registry, u.repository, u.tag, u.digest, u.canonical], ['docker.io', 'library/ubuntu', null, null, 'docker.io/library/ubuntu:latest']);
  const g = m.parseImageRef('ghcr.io/org/app:1.2@sha256:abc');
  assert.deepEqual([g.registry, g.repository, g.tag, g.digest], ['ghcr.io', 'org/app', '1.2', 'sha256:abc']);
  const l = m.parseImageRef('localhost:5000/team/app');
  assert.deepEqual([l.registry, l.repository, l.tag], ['localhost:5000', 'team/app', null]);
  const o = m.parseImageRef('bitnami/redis:7');
  assert.deepEqual([o.registry, o.repository, o.tag], ['docker.io', 'bitnami/redis', '7']);
  assert.equal(m.parseImageRef('alpine@sha256:abc').canonical, 'docker.io/library/alpine@sha256:abc');
  assert.equal(m.parseImageRef('scratch').special, 'scratch');
  assert.equal(m.parseImageRef('golang:${GO_VERSION}-alpine').special, 'variable');
  assert.equal(m.parseImageRef('golang:${GO_VERSION}-alpine').tag, '${GO_VERSION}-alpine');
});

test('image JSON detection and Dockerfile names', () => {
  assert.ok(m.looksLikeImageJson('{"schemaVersion": 2, "mediaType": "x"}'));
  assert.ok(m.looksLikeImageJson('[{"Id": "sha256:1", "Config": {}}]'));
  assert.equal(m.looksLikeImageJson('{"compilerOptions": {}}'), false);
  assert.equal(m.looksLikeImageJson('not json'), false);
  for (const n of ['Dockerfile', 'Dockerfile.dev', 'dockerfile', 'Containerfile', 'Containerfile.prod', 'api.Dockerfile', 'x.containerfile']) {
    assert.ok(m.isDockerfileName(n), n);
  }
  for (const n of ['Makefile', 'docker-compose.yml', 'README.md']) assert.equal(m.isDockerfileName(n), false, n);
});

test('positions inside ranges (hover)', () => {
  const rr = r(1, 4, 2, 3);
  assert.ok(m.containsPosition(rr, 1, 4));
  assert.ok(m.containsPosition(rr, 2, 3));
  assert.ok(m.containsPosition(rr, 1, 99));
  assert.equal(m.containsPosition(rr, 1, 3), false);
  assert.equal(m.containsPosition(rr, 2, 4), false);
  assert.ok(m.sameRange(rr, r(1, 4, 2, 3)));
  assert.equal(m.sameRange(rr, r(1, 4, 2, 4)), false);
});
