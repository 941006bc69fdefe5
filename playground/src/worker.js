// The engine runs here, off the main thread, so typing never waits for it.
// Protocol: the page posts { id, type, ...payload }; the worker answers { id, ok, value | error }.
import * as stowage from '@stowage/wasm';
import wasmUrl from '@stowage/wasm/stowage_wasm_bg.wasm?url';

let linter = null;
let ready = null;

function features() {
  const proto = stowage.Linter.prototype;
  return {
    image: typeof proto.lintImage === 'function' || typeof stowage.lintImage === 'function',
    optimize: typeof proto.optimize === 'function' || typeof stowage.optimize === 'function',
  };
}

function errorOut(e) {
  return {
    name: (e && e.name) || 'Error',
    message: (e && e.message) || String(e),
    key: e && e.key !== undefined ? e.key : null,
    span: e && e.span !== undefined ? e.span : null,
    help: e && e.help !== undefined ? e.help : null,
  };
}

function optimize(src) {
  if (typeof linter.optimize === 'function') return linter.optimize(src);
  return stowage.optimize(src);
}

function lintImage(json) {
  if (typeof linter.lintImage === 'function') return linter.lintImage(json);
  return stowage.lintImage(json);
}

const handlers = {
  async init() {
    await ready;
    linter = new stowage.Linter();
    return {
      version: stowage.version(),
      rules: stowage.rules(),
      defaultConfig: stowage.defaultConfig(),
      features: features(),
    };
  },

  /** Builds the linter from stowage.toml text. On error the previous linter stays in use. */
  config({ toml }) {
    const text = toml && toml.trim() ? toml : null;
    try {
      const next = new stowage.Linter(text);
      if (linter) linter.free();
      linter = next;
      return { issue: null };
    } catch (e) {
      return { issue: errorOut(e) };
    }
  },

  analyze({ src, unsafe, parse, optimize: wantOptimize }) {
    const t0 = performance.now();
    const { diagnostics } = linter.lintDockerfile(src);
    const fixed = linter.fix(src, { unsafe: !!unsafe });
    const out = { diagnostics, fixed, parse: null, optimize: null, optimizeError: null };
    if (parse) out.parse = linter.parse(src);
    if (wantOptimize && features().optimize) {
      try {
        out.optimize = optimize(src);
      } catch (e) {
        out.optimizeError = errorOut(e);
      }
    }
    out.ms = performance.now() - t0;
    return out;
  },

  image({ json }) {
    if (!features().image) return { unsupported: true };
    return { result: lintImage(json) };
  },
};

self.onmessage = async (event) => {
  const { id, type, ...payload } = event.data;
  try {
    const value = await handlers[type](payload);
    self.postMessage({ id, ok: true, value });
  } catch (e) {
    self.postMessage({ id, ok: false, error: errorOut(e) });
  }
};

ready = stowage.init(wasmUrl);
