// Shared by the tests: loads the built package (wasm/pkg, made by scripts/build-wasm.sh).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const wasmDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(wasmDir, '..');
export const pkgDir = path.join(wasmDir, 'pkg');
export const pkgTestDir = path.join(wasmDir, 'pkg-test');

if (!fs.existsSync(path.join(pkgDir, 'index.js'))) {
  throw new Error(`${pkgDir}/index.js is missing: run scripts/build-wasm.sh first`);
}

export async function load(dir = pkgDir) {
  const mod = await import(path.join(dir, 'index.js'));
  await mod.init();
  return mod;
}

/** The UTF-16 string index of 0-based (line, character), counting \n, \r\n and \r as BuildKit does. */
export function lineStarts(source) {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
