// @stowage/wasm: Stowage's Dockerfile linter compiled to WebAssembly.
//
// This hand-written wrapper is the public API (types in index.d.ts). It sits on the
// wasm-bindgen glue (`stowage_wasm.js`, `--target web`) and adds:
//   * loading: `await init()` works in Node (reads the .wasm with `fs`) and in browsers
//     (`fetch` of `new URL('./stowage_wasm_bg.wasm', import.meta.url)`); `initSync(bytes)` is
//     for hosts that already have the bytes, such as the VS Code web extension host;
//   * config errors as `ConfigError` (an `Error` with `key`, `span` and `help`);
//   * results: the engine returns JSON text, parsed here (cheaper in .wasm size than building
//     the objects on the Rust side);
//   * trap recovery: the engine is built with `panic = "abort"`, so a bug traps with a
//     `WebAssembly.RuntimeError`. The call then throws a `StowageInternalError`, the instance is
//     re-created, and the next call works (each `Linter` re-creates its engine side lazily).
import * as glue from './stowage_wasm.js';
// The rules' Markdown docs, keyed by code. Kept out of the .wasm (about 35 KB gzipped there);
// generated from the Rust doc comments by tests/tests/rule_docs.rs.
import ruleDocs from './rule-docs.js';

let initialized = false;
const utf8 = new TextEncoder();
/** Bumped each time the WebAssembly instance is re-created after a trap. */
let generation = 0;

function plainObject(v) {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
}

/** A bad configuration or option: `key` names it, `span` is its byte range in TOML text. */
export class ConfigError extends Error {
  constructor(info) {
    super(info.help ? `${info.message} (${info.help})` : info.message);
    this.name = 'ConfigError';
    this.key = info.key ?? null;
    this.span = info.span ?? null;
    this.help = info.help ?? null;
  }
}

/** The engine trapped (a bug in Stowage). The engine has been restarted. */
export class StowageInternalError extends Error {
  constructor(cause) {
    super(
      `stowage: internal error, the WebAssembly engine trapped (${cause && cause.message}); ` +
        'it was restarted and later calls work. Please report this with the input.',
      { cause },
    );
    this.name = 'StowageInternalError';
  }
}

/**
 * Instantiates the engine synchronously from the `.wasm` bytes or a compiled
 * `WebAssembly.Module` (also accepts `{ module }`). Does nothing when already initialised.
 */
export function initSync(input) {
  if (initialized) return;
  const module = plainObject(input) ? input.module : input;
  if (module === undefined || module === null) {
    throw new TypeError('@stowage/wasm: initSync needs the .wasm bytes or a WebAssembly.Module');
  }
  glue.initSync({ module });
  initialized = true;
}

function isNode() {
  return typeof process === 'object' && process !== null && !!(process.versions && process.versions.node);
}

/**
 * Instantiates the engine. With no argument it loads `stowage_wasm_bg.wasm` next to this file:
 * with `fs` in Node, with `fetch` elsewhere. Also accepts bytes, a `WebAssembly.Module`, a URL,
 * a `Response` or a promise of one (also as `{ module_or_path }`).
 */
export async function init(input) {
  if (initialized) return;
  if (plainObject(input)) input = input.module_or_path ?? input.module;
  if (input === undefined) {
    const url = new URL('./stowage_wasm_bg.wasm', import.meta.url);
    if (isNode() && url.protocol === 'file:') {
      // A non-literal specifier keeps browser bundlers from trying to resolve `fs`.
      const fsName = 'node:fs/promises';
      const fs = await import(/* @vite-ignore */ /* webpackIgnore: true */ fsName);
      initSync(await fs.readFile(url));
      return;
    }
    input = url;
  }
  if (input instanceof WebAssembly.Module || ArrayBuffer.isView(input) || input instanceof ArrayBuffer) {
    initSync(input);
    return;
  }
  await glue.default({ module_or_path: input });
  initialized = true;
}

export default init;

/** Runs one engine call; a trap re-creates the instance and surfaces as an Error. */
function call(fn) {
  if (!initialized) {
    throw new Error('@stowage/wasm: call `await init()` (or `initSync(bytes)`) before using the API');
  }
  try {
    return fn();
  } catch (e) {
    // RuntimeError: a panic (`unreachable`) or another trap. RangeError: stack overflow inside
    // the engine. Either way the instance's state cannot be trusted any more.
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
      glue.__wbg_reset_state();
      generation++;
      throw new StowageInternalError(e);
    }
    throw e;
  }
}

// Diagnostics arrive as arrays (see DiagnosticOut in wasm/src/convert.rs): range as four
// numbers, then the two offsets.
function range(a, i) {
  return { start: { line: a[i], character: a[i + 1] }, end: { line: a[i + 2], character: a[i + 3] } };
}

function edit(e) {
  return { range: range(e, 0), offsets: [e[4], e[5]], newText: e[6] };
}

function label(l) {
  return { range: range(l, 0), offsets: [l[4], l[5]], message: l[6] };
}

function diagnostic(d) {
  const fix = d[12];
  return {
    rule: d[0],
    name: d[1],
    severity: d[2],
    message: d[3],
    range: range(d, 4),
    offsets: [d[8], d[9]],
    help: d[10],
    labels: d[11].map(label),
    fix: fix === null ? null : { title: fix[0], applicability: fix[1], edits: fix[2].map(edit) },
  };
}

function heredoc(h) {
  return { name: h[0], content: h[1], file_descriptor: h[2], chomp: h[3], quoted: h[4], line: h[5], end_line: h[6] };
}

// Parse-dump instructions arrive as arrays too (see wasm/src/json.rs); `onbuild` is there only
// for an ONBUILD with an instruction.
function instruction(a) {
  const o = {
    keyword: a[0],
    line: a[1],
    column: a[2],
    end_line: a[3],
    end_column: a[4],
    offsets: [a[5], a[6]],
    flags: a[7],
    value: a[8],
    json: a[9],
    heredocs: a[10].map(heredoc),
  };
  if (a[11] !== null) o.onbuild = instruction(a[11]);
  return o;
}

/** `{ diagnostics }` and the like: the listed fields' diagnostics turned into objects. */
function withDiagnostics(out, key) {
  out[key] = out[key].map(diagnostic);
  return out;
}

function configError(e) {
  // The engine throws a config error as its JSON text.
  if (typeof e === 'string') e = JSON.parse(e);
  return plainObject(e) && typeof e.message === 'string' ? new ConfigError(e) : e;
}

function configArgs(config) {
  if (config === undefined || config === null) return [undefined, undefined];
  if (typeof config === 'string') return [undefined, config];
  if (typeof config === 'object' && !Array.isArray(config)) return [JSON.stringify(config), undefined];
  throw new ConfigError({
    message: `invalid config: expected an object or TOML text, got ${Array.isArray(config) ? 'an array' : typeof config}`,
    key: null,
  });
}

/**
 * Writes `source` as UTF-8 into the engine's input buffer; returns the byte length. The
 * native encoder is many times faster than the glue's per-character string copy.
 */
let memory = null;
let memoryGeneration = -1;
function writeInput(raw, source) {
  const room = source.length * 3; // UTF-16 code unit → at most 3 UTF-8 bytes
  const at = raw.inputBuffer(room);
  // A restarted engine has a new memory; `.buffer` is read after inputBuffer, which may grow it.
  if (memoryGeneration !== generation) {
    memory = glue.engineMemory();
    memoryGeneration = generation;
  }
  return utf8.encodeInto(source, new Uint8Array(memory.buffer, at, room)).written;
}

function checkSource(source, what = 'source') {
  if (typeof source !== 'string') {
    throw new TypeError(`@stowage/wasm: ${what} must be a string, got ${source === null ? 'null' : typeof source}`);
  }
}

function dockerignoreArgs(opts) {
  if (opts == null || !Object.prototype.hasOwnProperty.call(opts, 'dockerignore') || opts.dockerignore === undefined) {
    return [undefined, false];
  }
  if (opts.dockerignore === null) return [undefined, true];
  checkSource(opts.dockerignore, 'dockerignore');
  return [opts.dockerignore, true];
}

/** The engine's version (same as the CLI's). */
export function version() {
  return call(() => glue.version());
}

/** Every rule's metadata, with its documentation as Markdown in `docs`. */
export function rules() {
  return JSON.parse(call(() => glue.rules())).map((r) => {
    r.docs = Object.prototype.hasOwnProperty.call(ruleDocs, r.code) ? ruleDocs[r.code] : '';
    return r;
  });
}

/** The configuration the CLI uses without a `stowage.toml` (kebab-case keys). */
export function defaultConfig() {
  return JSON.parse(call(() => glue.defaultConfig()));
}

/** Checks a config (object or TOML text) without building a linter: `null` when valid. */
export function validateConfig(config) {
  let args;
  try {
    args = configArgs(config);
  } catch (e) {
    return { message: e.message, key: null, span: null, help: null };
  }
  const error = call(() => glue.checkConfig(args[0], args[1]));
  return error === undefined ? null : JSON.parse(error);
}

/**
 * Converts hadolint's `.hadolint.yaml` text into the equivalent Stowage config object (the
 * `hadolint` preset plus the file's settings), as the CLI does without a `stowage.toml`.
 * @throws {ConfigError} with the line's byte span when the YAML is invalid.
 */
export function configFromHadolint(yaml) {
  if (typeof yaml !== 'string') throw new TypeError('configFromHadolint: expected the YAML text');
  const out = JSON.parse(call(() => glue.configFromHadolint(yaml)));
  if (out.error) throw new ConfigError(out.error);
  return out.config;
}

export class Linter {
  #json;
  #toml;
  #encoding;
  #raw = null;
  #generation = -1;

  /**
   * @param config a config object (keys as in `stowage.toml`), `stowage.toml` text, or nothing
   *   for the CLI defaults.
   * @param opts `positionEncoding`: how `character` counts, `'utf-16'` (default) or `'utf-8'`.
   */
  constructor(config, opts) {
    [this.#json, this.#toml] = configArgs(config);
    const encoding = opts == null ? undefined : opts.positionEncoding;
    if (encoding !== undefined && typeof encoding !== 'string') {
      throw new ConfigError({ message: 'invalid option `positionEncoding`: expected a string', key: 'positionEncoding' });
    }
    this.#encoding = encoding;
    this.#engine(); // validate now, so a bad config throws here
  }

  #engine() {
    if (this.#raw === null || this.#generation !== generation) {
      this.#raw = call(() => {
        try {
          return new glue.RawLinter(this.#json, this.#toml, this.#encoding);
        } catch (e) {
          throw configError(e);
        }
      });
      this.#generation = generation;
    }
    return this.#raw;
  }

  /**
   * Lints Dockerfile text: `{ diagnostics }`, sorted by position. `opts.dockerignore`: the build
   * context's `.dockerignore` text, or `null` when it has none (omit it when unknown).
   */
  lintDockerfile(source, opts) {
    checkSource(source);
    const [ignore, checked] = dockerignoreArgs(opts);
    const raw = this.#engine();
    return withDiagnostics(
      JSON.parse(call(() => raw.lintDockerfileInput(writeInput(raw, source), ignore, checked))),
      'diagnostics',
    );
  }

  /**
   * Lints an image document (OCI/Docker manifest, index or config, `docker inspect` or
   * `docker save` JSON) given as text: `{ diagnostics }`, positioned in that text.
   * `opts.imageReference`: the reference it was pulled by (`registry/repo:tag`), if known.
   */
  lintImage(json, opts) {
    if (typeof json !== 'string' && json !== null && typeof json === 'object') json = JSON.stringify(json, null, 2);
    checkSource(json, 'the image document');
    const ref = opts == null || opts.imageReference == null ? undefined : opts.imageReference;
    if (ref !== undefined) checkSource(ref, 'imageReference');
    const raw = this.#engine();
    return withDiagnostics(JSON.parse(call(() => raw.lintImage(json, ref))), 'diagnostics');
  }

  /** Applies fixes (safe ones; unsafe too with `{ unsafe: true }`) until nothing changes. */
  fix(source, opts) {
    checkSource(source);
    const unsafe = !!(opts && opts.unsafe);
    const [ignore, checked] = dockerignoreArgs(opts);
    const raw = this.#engine();
    return withDiagnostics(JSON.parse(call(() => raw.fix(source, unsafe, ignore, checked))), 'remaining');
  }

  /**
   * Size advice, as `stowage optimize` gives it: `{ tableVersion, suggestions, totals }`,
   * suggestions with image savings first, then by estimated saving, each positioned like a
   * diagnostic.
   * `opts.dockerignore` as for `lintDockerfile`.
   */
  optimize(source, opts) {
    checkSource(source);
    const [ignore, checked] = dockerignoreArgs(opts);
    const raw = this.#engine();
    return JSON.parse(call(() => raw.optimize(source, ignore, checked)));
  }

  /** The parse tree dump (as `stowage parse --format json`) plus the syntax diagnostics. */
  parse(source) {
    checkSource(source);
    const raw = this.#engine();
    const out = withDiagnostics(JSON.parse(call(() => raw.parse(source))), 'diagnostics');
    out.instructions = out.instructions.map(instruction);
    return out;
  }

  /** Frees the engine-side memory now instead of at garbage collection. */
  free() {
    const raw = this.#raw;
    if (raw !== null && this.#generation === generation) call(() => raw.free());
    this.#raw = null;
  }
}

/** Test builds only (`wasm/pkg-test`): panics inside the engine. */
export function __panicForTest() {
  if (typeof glue.__panicForTest !== 'function') {
    throw new Error('@stowage/wasm: __panicForTest exists only in the test build');
  }
  return call(() => glue.__panicForTest());
}
