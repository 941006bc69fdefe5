// Bad configs throw Errors naming the key; a trap does not break the next call.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { load, pkgTestDir } from './helpers.mjs';

const { Linter, ConfigError } = await load();

function throwsConfig(fn, { key, message, help }) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof Error, 'an Error');
    assert.ok(e instanceof ConfigError, `a ConfigError, got ${e && e.name}`);
    assert.equal(e.name, 'ConfigError');
    assert.doesNotMatch(e.message, /Reflect\.get/);
    if (key !== undefined) assert.equal(e.key, key);
    if (message) assert.match(e.message, message);
    if (help) assert.match(e.help, help);
    return true;
  });
}

test('unknown key in a config object names it, with a suggestion', () => {
  throwsConfig(() => new Linter({ selct: ['all'] }), { key: 'selct', message: /unknown field `selct`/, help: /did you mean `select`/ });
  throwsConfig(() => new Linter({ extendSelect: ['SEC001'] }), { key: 'extendSelect', help: /extend-select/ });
});

test('wrong types and values name the key path', () => {
  throwsConfig(() => new Linter({ ignore: 5 }), { key: 'ignore', message: /`ignore`.*invalid type/ });
  throwsConfig(() => new Linter({ severity: { SEC001: 'loud' } }), { key: 'severity.SEC001', message: /unknown variant `loud`/ });
  throwsConfig(() => new Linter({ select: 'all' }), { key: 'select' });
});

test('rule options are checked against what each rule declares', () => {
  throwsConfig(() => new Linter({ rules: { 'image-size-budget': { 'max-byte': 5 } } }), {
    key: 'rules.image-size-budget.max-byte',
    message: /`max-byte` is not an option of IMG008/,
    help: /did you mean `max-bytes`/,
  });
  throwsConfig(() => new Linter({ rules: { IMG009: { 'max-share': 'half' } } }), { key: 'rules.IMG009.max-share', message: /expected a number/ });
  throwsConfig(() => new Linter('[rules.SEC001]\nmax = 1\n'), { help: /SEC001 has no options/ });
  assert.ok(new Linter({ rules: { IMG009: { 'max-bytes': 1, 'max-share': 0.25 } } }));
});

test('unknown rule selectors name the key path and the selector, with a suggestion', () => {
  throwsConfig(() => new Linter({ select: ['SEC01'] }), { key: 'select', message: /SEC01/, help: /SEC001/ });
  throwsConfig(() => new Linter({ severity: { 'root-usr': 'error' } }), { key: 'severity.root-usr', message: /root-usr/ });
  throwsConfig(() => new Linter({ severity: { security: 'error' } }), { message: /group of rules/ });
});

test('TOML text errors carry the key and its span', () => {
  const toml = 'ignore = []\nselct = ["all"]\n';
  assert.throws(() => new Linter(toml), (e) => {
    assert.ok(e instanceof ConfigError);
    assert.equal(e.key, 'selct');
    assert.deepEqual(e.span, [12, 17]);
    assert.equal(toml.slice(...e.span), 'selct');
    assert.match(e.help, /select/);
    return true;
  });
  throwsConfig(() => new Linter('select = [\n'), { message: /TOML/ });
});

test('a non-object config is rejected clearly', () => {
  throwsConfig(() => new Linter(['all']), { message: /array/ });
  throwsConfig(() => new Linter(42), { message: /number/ });
});

test('an error does not break the next call', () => {
  const l = new Linter();
  assert.throws(() => new Linter({ selct: [] }));
  assert.throws(() => l.lintDockerfile(null), TypeError);
  assert.ok(l.lintDockerfile('FROM alpine\n').diagnostics.length > 0);
});

const hasTestBuild = fs.existsSync(path.join(pkgTestDir, 'index.js'));

test('a panic (trap) throws, and the next call still works', { skip: !hasTestBuild && 'wasm/pkg-test is missing (scripts/build-wasm.sh without --no-test-build)' }, async () => {
  const t = await import(path.join(pkgTestDir, 'index.js'));
  await t.init();
  const before = new t.Linter({ select: ['all'] });
  const src = 'FROM alpine\nRUN apt-get install -y curl\n';
  const expected = before.lintDockerfile(src);
  for (let round = 0; round < 3; round++) {
    assert.throws(() => t.__panicForTest(), (e) => {
      assert.ok(e instanceof Error && e instanceof t.StowageInternalError, String(e));
      assert.ok(e.cause instanceof WebAssembly.RuntimeError);
      assert.match(e.message, /restarted/);
      return true;
    });
    // The existing Linter re-creates its engine side on the new instance.
    assert.deepEqual(before.lintDockerfile(src), expected);
    assert.deepEqual(new t.Linter({ select: ['all'] }).lintDockerfile(src), expected);
    assert.equal(t.version(), before && t.version());
    assert.ok(t.rules().length > 0);
  }
  assert.throws(() => new t.Linter({ selct: [] }), t.ConfigError);
});

test('__panicForTest is absent from the release build', async () => {
  const mod = await load();
  assert.throws(() => mod.__panicForTest(), /only in the test build/);
});
