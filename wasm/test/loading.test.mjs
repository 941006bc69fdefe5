// The browser loading path (fetch + instantiateStreaming of a URL served as application/wasm)
// and initSync with a compiled module. Each test file runs in its own process, so the package
// is still uninitialised here.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pkgDir, pkgTestDir } from './helpers.mjs';

test('init(url) fetches the .wasm over HTTP, as in a browser', async () => {
  const bytes = fs.readFileSync(path.join(pkgDir, 'stowage_wasm_bg.wasm'));
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/wasm' });
    res.end(bytes);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    const api = await import(path.join(pkgDir, 'index.js'));
    assert.throws(() => api.version(), /call `await init\(\)`/);
    await api.init(new URL(`http://127.0.0.1:${server.address().port}/stowage_wasm_bg.wasm`));
    await api.init(); // a second init is a no-op
    assert.ok(new api.Linter().lintDockerfile('FROM alpine\n').diagnostics.length > 0);
  } finally {
    server.close();
  }
});

test('initSync accepts a compiled WebAssembly.Module', { skip: !fs.existsSync(path.join(pkgTestDir, 'index.js')) && 'no wasm/pkg-test' }, async () => {
  const api = await import(path.join(pkgTestDir, 'index.js'));
  const module = new WebAssembly.Module(fs.readFileSync(path.join(pkgTestDir, 'stowage_wasm_bg.wasm')));
  api.initSync({ module });
  assert.match(api.version(), /^\d/);
});

test('the package resolves by name through its exports map', async () => {
  const os = await import('node:os');
  const { spawnSync } = await import('node:child_process');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stowage-wasm-'));
  try {
    fs.mkdirSync(path.join(dir, 'node_modules', '@stowage'), { recursive: true });
    fs.symlinkSync(pkgDir, path.join(dir, 'node_modules', '@stowage', 'wasm'), 'dir');
    const script = `import init, { Linter, version } from '@stowage/wasm';
      import wasmPath from 'node:module';
      await init();
      const r = new Linter().lintDockerfile('FROM alpine\\n');
      const req = wasmPath.createRequire(import.meta.url);
      console.log(JSON.stringify({ v: version(), n: r.diagnostics.length,
        wasm: req.resolve('@stowage/wasm/stowage_wasm_bg.wasm').endsWith('.wasm'),
        pkg: req('@stowage/wasm/package.json').name }));`;
    fs.writeFileSync(path.join(dir, 'main.mjs'), script);
    const r = spawnSync(process.execPath, ['--preserve-symlinks', 'main.mjs'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.pkg, '@stowage/wasm');
    assert.ok(out.n > 0 && out.wasm);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
