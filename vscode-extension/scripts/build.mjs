// Bundles the extension (one CommonJS file for both the Node and the web extension host) and
// copies the engine's .wasm next to it. Flags: --unit / --all also bundle the tests.
//   STOWAGE_WASM_PKG=path  use another build of @stowage/wasm (default ../wasm/pkg, made by
//                          ../scripts/build-wasm.sh)
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = path.resolve(root, process.env.STOWAGE_WASM_PKG || '../wasm/pkg');
const wasmFile = path.join(pkg, 'stowage_wasm_bg.wasm');
if (!fs.existsSync(wasmFile)) {
  console.error(`build: ${wasmFile} is missing; run ../scripts/build-wasm.sh first (or set STOWAGE_WASM_PKG)`);
  process.exit(1);
}
const args = new Set(process.argv.slice(2));
const common = {
  bundle: true,
  logLevel: 'warning',
  alias: { '@stowage/wasm': path.join(pkg, 'index.js') },
  logOverride: { 'empty-import-meta': 'silent', 'import-is-undefined': 'silent' },
  target: 'es2022',
};

const t = Date.now();
fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
await esbuild.build({
  ...common,
  entryPoints: [path.join(root, 'src/extension.ts')],
  outfile: path.join(root, 'dist/extension.js'),
  format: 'cjs',
  platform: 'browser',
  external: ['vscode'],
  minify: !args.has('--dev'),
  sourcemap: args.has('--dev'),
});
fs.copyFileSync(wasmFile, path.join(root, 'dist/stowage_wasm_bg.wasm'));

if (args.has('--all') || args.has('--web')) {
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'test/web/suite.ts')],
    outfile: path.join(root, 'out/web/suite.js'),
    format: 'cjs',
    platform: 'browser',
    external: ['vscode'],
  });
}
if (args.has('--all') || args.has('--unit')) {
  const unit = fs.readdirSync(path.join(root, 'test/unit')).filter((f) => f.endsWith('.test.ts'));
  fs.rmSync(path.join(root, 'out/unit'), { recursive: true, force: true });
  await esbuild.build({
    ...common,
    entryPoints: unit.map((f) => path.join(root, 'test/unit', f)),
    outdir: path.join(root, 'out/unit'),
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    platform: 'node',
  });
}
const size = (f) => fs.statSync(path.join(root, f)).size;
console.log(`build: dist/extension.js ${size('dist/extension.js')} B, dist/stowage_wasm_bg.wasm ${size('dist/stowage_wasm_bg.wasm')} B (${Date.now() - t} ms)`);
