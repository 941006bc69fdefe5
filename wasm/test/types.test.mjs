// Compile-checks a typed usage file against index.d.ts with tsc (from wasm/'s devDependencies),
// including @ts-expect-error lines that must NOT compile.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { wasmDir } from './helpers.mjs';

const tsc = path.join(wasmDir, 'node_modules', '.bin', 'tsc');

test('index.d.ts type-checks a typed usage file', { skip: !fs.existsSync(tsc) && 'tsc not installed (npm ci in wasm/)' }, () => {
  const r = spawnSync(tsc, ['--noEmit', '-p', path.join(wasmDir, 'test', 'types', 'tsconfig.json')], { encoding: 'utf8' });
  assert.equal(r.status, 0, `tsc failed:\n${r.stdout}\n${r.stderr}`);
});
