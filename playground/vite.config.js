import { defineConfig } from 'vite';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The engine is consumed straight from the WASM package build (`scripts/build-wasm.sh` writes
// ../wasm/pkg). An alias rather than a `file:` dependency: `npm ci` then works before the engine
// is built, and the lockfile does not change when the package version does.
const pkg = fileURLToPath(new URL('../wasm/pkg/', import.meta.url));
if (!existsSync(pkg + 'index.js')) {
  throw new Error(`@stowage/wasm is not built: run ./scripts/build-wasm.sh from the repository root (looked in ${pkg})`);
}

export default defineConfig({
  base: './',
  resolve: {
    alias: [
      { find: /^@stowage\/wasm$/, replacement: pkg + 'index.js' },
      { find: /^@stowage\/wasm\//, replacement: pkg },
    ],
  },
  worker: { format: 'es', rolldownOptions: { checks: { importIsUndefined: false } } },
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    // index.js re-exports the test-only __panicForTest, absent from the release glue: expected.
    rolldownOptions: { checks: { importIsUndefined: false } },
  },
  server: { fs: { allow: ['.', pkg] } },
});
