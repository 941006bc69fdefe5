// Hostile input in WebAssembly, where the engine has a 1 MiB stack (native test threads have
// more): deep nesting must neither trap nor stop the rest of the file from being checked.
import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './helpers.mjs';

const { Linter, StowageInternalError } = await load();
const linter = new Linter({ select: ['all'] });

const N = 50_000;
const cases = [
  ['50,000 nested $(…)', `FROM a\nRUN ${'echo $('.repeat(N)}${')'.repeat(N)} && sudo true\n`, 'SEC002'],
  ['5,000 nested ${…:-…}', `FROM a\nRUN echo ${'${a:-'.repeat(5000)}${'}'.repeat(5000)} && sudo true\n`, 'SEC002'],
  ['200 nested sh -c strings', `FROM a\nRUN ${'sh -c "'.repeat(200)}echo${'"'.repeat(200)} && sudo true\n`, 'SEC002'],
  ['50,000 [ in an exec form', `FROM a\nCMD ${'['.repeat(N)}\n`, 'COR014'],
];

for (const [name, source, expected] of cases) {
  test(`${name}: linted without a trap, the rest of the file still checked`, () => {
    let result;
    assert.doesNotThrow(() => {
      result = linter.lintDockerfile(source);
    }, StowageInternalError);
    const rules = result.diagnostics.map((d) => d.rule);
    // The base image is still checked, and so is what follows the nesting.
    assert.ok(rules.includes('REP001'), `REP001 in ${rules}`);
    assert.ok(rules.includes(expected), `${expected} in ${rules}`);
    for (const d of result.diagnostics) {
      assert.ok(d.offsets[0] <= d.offsets[1] && d.offsets[1] <= Buffer.byteLength(source), `${d.rule} in the text`);
    }
    const fixed = linter.fix(source, { unsafe: true });
    assert.ok(fixed.output.startsWith('FROM a'), 'the fixed text keeps the file');
  });
}
