// Type definitions for @stowage/wasm (hand-written; checked by wasm/test/types.test.mjs).

/** A 0-based position. `character` counts in the linter's `positionEncoding` (UTF-16 by default). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** `[start, end)` byte offsets into the UTF-8 encoding of the source. */
export type Offsets = [number, number];

export type Severity = 'style' | 'info' | 'warning' | 'error';
export type Applicability = 'safe' | 'unsafe' | 'display-only';
export type Family =
  | 'syntax' | 'correctness' | 'security' | 'size' | 'reproducibility' | 'style' | 'policy' | 'image';

export interface TextEdit {
  range: Range;
  offsets: Offsets;
  /** Replacement text: empty deletes, an empty range inserts. */
  newText: string;
}

export interface Fix {
  title: string;
  applicability: Applicability;
  /** Disjoint, sorted by start. */
  edits: TextEdit[];
}

/** A secondary location that explains a finding ("first defined here"). */
export interface RelatedLabel {
  range: Range;
  offsets: Offsets;
  message: string;
}

export interface Diagnostic {
  /** The rule code, as the CLI prints it (`SEC001`). */
  rule: string;
  /** The rule's kebab-case name (`root-user`). */
  name: string;
  severity: Severity;
  message: string;
  range: Range;
  offsets: Offsets;
  help: string | null;
  labels: RelatedLabel[];
  fix: Fix | null;
}

export interface LintResult {
  /** Sorted by position. */
  diagnostics: Diagnostic[];
}

export interface AppliedFix {
  rule: string;
  title: string;
}

export interface FixResult {
  /** The fixed text. */
  output: string;
  /** The fixes applied, in order. */
  applied: AppliedFix[];
  /** What is left, positioned in `output`. */
  remaining: Diagnostic[];
  /** Fixing stopped because the next round would have added parse errors. */
  stoppedOnError: boolean;
}

export interface RuleInfo {
  code: string;
  name: string;
  family: Family;
  /** Default severity. */
  severity: Severity;
  defaultEnabled: boolean;
  fix: 'none' | 'sometimes' | 'always';
  /** Equivalent ids in other tools (hadolint `DL3008`, BuildKit check names, …). */
  aliases: string[];
  summary: string;
  /** What the rule checks. */
  target: 'dockerfile' | 'image';
  /** The keys `[rules.<code or name>]` accepts in `stowage.toml`; any other key is a config error. */
  options: RuleOption[];
  /** Markdown: `## What it does`, `## Why is this bad?`, `## Example`, `## Use instead`. */
  docs: string;
}

/** An option a rule reads from `[rules.<code or name>]`. */
export interface RuleOption {
  key: string;
  /** The value's type: `integer` is a whole `number`. */
  type: 'integer' | 'number' | 'boolean' | 'string' | 'string[]';
  /** One line: what it changes, with the default. */
  summary: string;
}

/** The configuration, with the keys of `stowage.toml`. */
export interface Config {
  /** Rules to run (replaces the default set): codes, names, families, aliases or `all`. */
  select?: string[] | null;
  /** Rules to add to the selected set. */
  'extend-select'?: string[];
  /** Rules to turn off. */
  ignore?: string[];
  /** Per-rule severity overrides, keyed by code, name or alias. */
  severity?: Record<string, Severity>;
  /** Findings at or above this severity make the CLI exit with 1. */
  'failure-threshold'?: Severity | null;
  /** Per-rule options, keyed by rule code or name. */
  rules?: Record<string, unknown>;
  /** The stage that is built (`docker build --target`); the last one when unset. */
  target?: string | null;
}

/** What `defaultConfig()` returns: every key present. */
export interface FullConfig {
  select: string[] | null;
  'extend-select': string[];
  ignore: string[];
  severity: Record<string, Severity>;
  'failure-threshold': Severity | null;
  rules: Record<string, unknown>;
  target: string | null;
}

export interface ConfigIssue {
  message: string;
  /** The bad key (`selct`, `severity.SEC001`, `positionEncoding`), when known. */
  key: string | null;
  /** Byte range of the problem in TOML text, when known. */
  span: [number, number] | null;
  help: string | null;
}

export interface LinterOptions {
  /** How `character` is counted: UTF-16 code units (default; JS strings, VS Code, LSP) or UTF-8 bytes. */
  positionEncoding?: 'utf-16' | 'utf-8';
}

export interface LintOptions {
  /**
   * The build context's `.dockerignore` text, or `null` when the context has none (the CLI reads
   * `<Dockerfile>.dockerignore` or `.dockerignore` next to the Dockerfile). Omit it when unknown.
   */
  dockerignore?: string | null;
}

export interface ImageLintOptions {
  /** The reference the document was pulled by (`registry/repo:tag`), if known. */
  imageReference?: string | null;
}

export interface FixOptions extends LintOptions {
  /** Also apply fixes that may change behaviour. */
  unsafe?: boolean;
}

export interface DirectiveDump {
  name: string;
  value: string;
  /** 1-based. */
  line: number;
}

export interface HeredocDump {
  name: string;
  content: string;
  file_descriptor: number;
  chomp: boolean;
  quoted: boolean;
  line: number;
  end_line: number;
}

/** One instruction as `stowage parse --format json` prints it: 1-based lines, columns in Unicode scalars. */
export interface InstructionDump {
  keyword: string;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  offsets: Offsets;
  flags: string[];
  /** BuildKit's node values: exec-form elements, ENV/LABEL pairs flattened, shell-form text as one string. */
  value: string[];
  json: boolean;
  heredocs: HeredocDump[];
  onbuild?: InstructionDump;
}

export interface ParseResult {
  directives: DirectiveDump[];
  escape: string;
  instructions: InstructionDump[];
  /** The syntax rules' findings (what Docker would reject). */
  diagnostics: Diagnostic[];
}

/** The engine's version, the same as the CLI's. */
export function version(): string;
/** Every rule's metadata and docs. */
export function rules(): RuleInfo[];
/** The configuration the CLI uses when there is no `stowage.toml`. */
export function defaultConfig(): FullConfig;
/** Checks a config without building a linter: `null` when it is valid. */
export function validateConfig(config: Config | string): ConfigIssue | null;
/**
 * Converts `.hadolint.yaml` text into the equivalent Stowage config object.
 * @throws {ConfigError} when the YAML is invalid.
 */
export function configFromHadolint(yaml: string): Config;

/** One piece of size advice, positioned like a diagnostic. */
export interface Suggestion {
  /** `slimmer-base`, `multi-stage`, `cache-mount`, `dockerignore`, … */
  kind: string;
  /** The rule that reports the same advice as a diagnostic (`SZ019`). */
  rule: string;
  title: string;
  /** How, concretely; may span lines and hold Dockerfile snippets. */
  detail: string;
  range: Range;
  /** Byte offsets `[start, end)` in the UTF-8 source. */
  offsets: [number, number];
  /** Estimated bytes saved; 0 when the benefit is not size (fewer layers, faster builds). */
  savingBytes: number;
  /** What the saving applies to: `image, compressed`, `image, on disk`, `build context`, `per rebuild`. */
  basis: string;
  /** How the estimate was obtained. */
  method: string;
  confidence: 'low' | 'medium' | 'high';
}

export interface OptimizeResult {
  /** The date of the built-in base-image size table. */
  tableVersion: string;
  suggestions: Suggestion[];
  /** Estimated bytes per basis (upper bounds: suggestions can overlap). */
  totals: { basis: string; bytes: number }[];
}

export class Linter {
  /**
   * @param config a config object, `stowage.toml` text, or nothing for the CLI defaults.
   * @throws {ConfigError} naming the bad key.
   */
  constructor(config?: Config | string | null, opts?: LinterOptions);
  lintDockerfile(source: string, opts?: LintOptions): LintResult;
  /**
   * Lints an image document: an OCI/Docker manifest, index or config, `docker inspect` or
   * `docker save` JSON. Pass the text so positions point into it; an object is pretty-printed first.
   */
  lintImage(json: string | object, opts?: ImageLintOptions): LintResult;
  fix(source: string, opts?: FixOptions): FixResult;
  /** Size advice (what `stowage optimize` reports): image savings first, then by size. */
  optimize(source: string, opts?: LintOptions): OptimizeResult;
  parse(source: string): ParseResult;
  /** Frees the engine-side memory now rather than at garbage collection. */
  free(): void;
}

/** A bad configuration or option. */
export class ConfigError extends Error {
  name: 'ConfigError';
  key: string | null;
  span: [number, number] | null;
  help: string | null;
}

/** The engine trapped (a Stowage bug); it was restarted and the next call works. */
export class StowageInternalError extends Error {
  name: 'StowageInternalError';
}

/** `.wasm` bytes (a Node `Buffer` works too). */
export type WasmBytes = ArrayBufferView | ArrayBuffer;

export type InitInput =
  | WasmBytes
  | WebAssembly.Module
  | URL
  | string
  | Response
  | Promise<Response>;

/** Loads the engine: from `stowage_wasm_bg.wasm` next to this file when called without input. */
export function init(input?: InitInput | { module_or_path: InitInput }): Promise<void>;
/** Loads the engine synchronously from bytes or a compiled module (e.g. in the VS Code web extension host). */
export function initSync(input: WasmBytes | WebAssembly.Module | { module: WasmBytes | WebAssembly.Module }): void;
export default init;
