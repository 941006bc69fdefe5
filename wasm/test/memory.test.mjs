// The allocator (src/alloc.rs) reuses freed blocks: linting the same inputs again must not grow
// the WebAssembly memory. Drives the raw glue, which exposes the module's memory.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pkgDir, repoRoot } from './helpers.mjs';

const glue = await import(path.join(pkgDir, 'stowage_wasm.js'));
const exports = glue.initSync({ module: fs.readFileSync(path.join(pkgDir, 'stowage_wasm_bg.wasm')) });

function inputs() {
  const docs = [];
  // Every size class gets used: from a one-liner to a file of a few hundred KB.
  let big = 'FROM debian:12\n';
  for (let i = 0; i < 3000; i++) big += `RUN apt-get update && apt-get install -y pkg${i} && curl http://x/${i} | sh\nENV V${i}=${'x'.repeat(i % 97)}\n`;
  docs.push('FROM alpine\n', big, big.slice(0, 20000));
  const corpus = path.join(repoRoot, '..', 'shared', 'corpus', 'dockerfiles', 'real');
  if (fs.existsSync(corpus)) {
    for (const f of fs.readdirSync(corpus).filter((f) => !f.endsWith('.dockerignore')).slice(0, 60)) {
      docs.push(fs.readFileSync(path.join(corpus, f), 'utf8'));
    }
  }
  return docs;
}

test('repeated lints run in the same memory (freed blocks are reused)', () => {
  const linter = new glue.RawLinter(null, null, null);
  const docs = inputs();
  const pass = () => {
    for (const d of docs) {
      linter.lintDockerfile(d, null, false);
      linter.fix(d, false, null, false);
    }
  };
  for (let i = 0; i < 3; i++) pass();
  const settled = exports.memory.buffer.byteLength;
  for (let i = 0; i < 5; i++) pass();
  assert.equal(exports.memory.buffer.byteLength, settled, `memory grew from ${settled} bytes`);
  linter.free();
});
