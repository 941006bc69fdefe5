// Positions with non-ASCII text: UTF-16 (default) and UTF-8 characters, and byte offsets.
import test from 'node:test';
import assert from 'node:assert/strict';
import { load, lineStarts } from './helpers.mjs';

const { Linter } = await load();

// Emoji (4 UTF-8 bytes, 2 UTF-16 units), CJK (3 bytes, 1 unit), a combining acute accent
// (e + U+0301: 2 bytes, 1 unit) and Latin-1 é (2 bytes, 1 unit), before the reported spans.
const SOURCE = [
  'FROM debian:12',
  'LABEL description="😀 日本語 e\u0301 é" broken',
  'RUN echo "🐳 コンテナ cafe\u0301" && apt-get install -y curl',
  '# 😀😀 comment',
  'LABEL emoji="🎉🎉🎉" 🎉key',
  'USER 1000',
  '',
].join('\n');

const utf8Len = (s) => Buffer.byteLength(s, 'utf8');

function find(diagnostics, rule, line) {
  const d = diagnostics.find((x) => x.rule === rule && x.range.start.line === line);
  assert.ok(d, `${rule} on line ${line}: ${JSON.stringify(diagnostics.map((x) => [x.rule, x.range.start.line]))}`);
  return d;
}

const u16 = new Linter({ select: ['all'] }).lintDockerfile(SOURCE).diagnostics;
const u8 = new Linter({ select: ['all'] }, { positionEncoding: 'utf-8' }).lintDockerfile(SOURCE).diagnostics;
const lines = SOURCE.split('\n');

test('LABEL after emoji, CJK and combining marks: UTF-16 vs UTF-8 characters', () => {
  const line = lines[1];
  const at = line.indexOf('broken');
  const a = find(u16, 'SYN001', 1);
  const b = find(u8, 'SYN001', 1);
  assert.equal(a.range.start.character, at, 'UTF-16 units');
  assert.equal(b.range.start.character, utf8Len(line.slice(0, at)), 'UTF-8 bytes');
  assert.notEqual(a.range.start.character, b.range.start.character);
  assert.equal(a.range.end.character, at + 'broken'.length);
});

test('RUN after emoji, katakana and a combining mark: range and fix edit', () => {
  const line = lines[2];
  const apt = line.indexOf('apt-get');
  const a = find(u16, 'SZ001', 2);
  const b = find(u8, 'SZ001', 2);
  assert.equal(a.range.start.character, apt);
  assert.equal(b.range.start.character, utf8Len(line.slice(0, apt)));
  // The fix inserts after `install`.
  const ins = line.indexOf('install') + 'install'.length;
  assert.equal(a.fix.edits[0].range.start.character, ins);
  assert.equal(b.fix.edits[0].range.start.character, utf8Len(line.slice(0, ins)));
});

test('every range slices the same text as its byte offsets, in both encodings', () => {
  const bytes = Buffer.from(SOURCE, 'utf8');
  const starts = lineStarts(SOURCE);
  const starts8 = starts.map((s) => utf8Len(SOURCE.slice(0, s)));
  for (const d of u16) {
    const { start, end } = d.range;
    const text16 = SOURCE.slice(starts[start.line] + start.character, starts[end.line] + end.character);
    const text8 = bytes.subarray(d.offsets[0], d.offsets[1]).toString('utf8');
    assert.equal(text16, text8, `${d.rule} ${JSON.stringify(d.range)}`);
  }
  for (const d of u8) {
    const { start, end } = d.range;
    assert.equal(starts8[start.line] + start.character, d.offsets[0], d.rule);
    assert.equal(starts8[end.line] + end.character, d.offsets[1], d.rule);
  }
  assert.equal(u16.length, u8.length);
  assert.deepEqual(u16.map((d) => d.offsets), u8.map((d) => d.offsets));
});

test('a second LABEL line with several emoji', () => {
  const line = lines[4];
  const at = line.indexOf('🎉key');
  const a = find(u16, 'SYN001', 4);
  const b = find(u8, 'SYN001', 4);
  assert.equal(a.range.start.character, at);
  assert.equal(b.range.start.character, utf8Len(line.slice(0, at)));
  assert.equal(a.range.end.character - a.range.start.character, '🎉key'.length, 'emoji = 2 UTF-16 units');
});

test('CRLF and lone CR line endings count as BuildKit does', () => {
  const src = 'FROM debian:12\r\nLABEL x="é" y\rUSER 1000\r\n';
  const d = find(new Linter().lintDockerfile(src).diagnostics, 'SYN001', 1);
  assert.equal(d.range.start.character, 'LABEL x="é" '.length);
});

test('fix edits apply in UTF-16 coordinates to give the fix() output', () => {
  const src = 'FROM debian:12\nRUN echo "日本😀" && apt-get install -y curl\nUSER 1000\n';
  const l = new Linter();
  const d = find(l.lintDockerfile(src).diagnostics, 'SZ001', 1);
  const starts = lineStarts(src);
  let out = src;
  for (const e of [...d.fix.edits].reverse()) {
    const s = starts[e.range.start.line] + e.range.start.character;
    const t = starts[e.range.end.line] + e.range.end.character;
    out = out.slice(0, s) + e.newText + out.slice(t);
  }
  assert.equal(out, l.fix(src).output);
});

test('the source buffer: a short file after a long one, and lone surrogates', () => {
  // The engine keeps one input buffer per linter and reuses it: a file linted after a longer
  // one must see only its own bytes.
  const reused = new Linter({ select: ['all'] });
  const long = `${SOURCE}${'RUN echo "🐳 padding"\n'.repeat(2000)}`;
  assert.ok(reused.lintDockerfile(long).diagnostics.length > 0);
  for (const text of [SOURCE, 'FROM alpine\n', '', 'RUN x']) {
    assert.deepEqual(reused.lintDockerfile(text), new Linter({ select: ['all'] }).lintDockerfile(text), JSON.stringify(text));
  }
  // A lone surrogate is not UTF-16 text; it becomes U+FFFD (one UTF-16 unit), as
  // TextEncoder does, so the positions after it still count one unit for it.
  const lone = 'FROM debian:12\nLABEL a="\uD800" broken\n';
  const d = find(reused.lintDockerfile(lone).diagnostics, 'SYN001', 1);
  assert.equal(d.range.start.character, 'LABEL a="\uD800" '.length);
});
