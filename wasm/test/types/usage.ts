// Typed usage of @stowage/wasm, compiled (never run) by types.test.mjs.
import init, {
  initSync,
  Linter,
  ConfigError,
  StowageInternalError,
  version,
  rules,
  defaultConfig,
  validateConfig,
  type Diagnostic,
  type LintResult,
  type OptimizeResult,
  type Suggestion,
  type FixResult,
  type ParseResult,
  type RuleInfo,
  type ConfigIssue,
  type Severity,
} from '../../pkg/index.js';

export async function usage(bytes: Uint8Array): Promise<void> {
  await init();
  initSync(bytes);
  initSync({ module: new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>) });
  initSync(new ArrayBuffer(8));
  const v: string = version();
  const rs: RuleInfo[] = rules();
  const docs: string = rs[0].docs;
  const on: boolean = rs[0].defaultEnabled;
  const cfg = defaultConfig();
  const sel: string[] | null = cfg.select;
  const issue: ConfigIssue | null = validateConfig({ select: ['all'] });

  const linter = new Linter();
  new Linter({ select: ['all'], 'extend-select': ['SEC001'], severity: { SEC001: 'error' } });
  new Linter('select = ["all"]', { positionEncoding: 'utf-8' });
  new Linter(null, { positionEncoding: 'utf-16' });

  const res: LintResult = linter.lintDockerfile('FROM alpine\n');
  linter.lintDockerfile('FROM alpine\n', { dockerignore: null });
  const d: Diagnostic = res.diagnostics[0];
  const code: string = d.rule;
  const sev: Severity = d.severity;
  const line: number = d.range.start.line;
  const ch: number = d.range.end.character;
  const [start, end]: [number, number] = d.offsets;
  const help: string | null = d.help;
  const newText: string | undefined = d.fix?.edits[0]?.newText;

  const img: LintResult = linter.lintImage('{"schemaVersion":2}', { imageReference: 'alpine:3.20' });
  linter.lintImage({ schemaVersion: 2 });
  const fixed: FixResult = linter.fix('FROM alpine\n', { unsafe: true });
  const out: string = fixed.output;
  const appliedRule: string = fixed.applied[0].rule;
  const parsed: ParseResult = linter.parse('FROM alpine\n');
  const kw: string = parsed.instructions[0].keyword;
  const advice: OptimizeResult = linter.optimize('FROM node:20\n', { dockerignore: null });
  const first: Suggestion = advice.suggestions[0];
  const saved: number = first.savingBytes + advice.totals[0].bytes;
  const adviceLine: number = first.range.start.line;

  try {
    new Linter({ select: ['x'] });
  } catch (e) {
    if (e instanceof ConfigError) {
      const key: string | null = e.key;
      const msg: string = e.message;
    } else if (e instanceof StowageInternalError) {
      const m: string = e.message;
    }
  }
  linter.free();

  // @ts-expect-error positionEncoding is 'utf-16' | 'utf-8'
  new Linter({}, { positionEncoding: 'latin1' });
  // @ts-expect-error severity values are checked
  new Linter({ severity: { SEC001: 'warn' } });
  // @ts-expect-error the source must be a string
  linter.lintDockerfile(42);
  // @ts-expect-error diagnostics carry `rule`, not `code`
  res.diagnostics[0].code;
  // @ts-expect-error fix options
  linter.fix('FROM a', { unsafe: 'yes' });

  void [v, docs, on, sel, issue, code, sev, line, ch, start, end, help, newText, out, appliedRule, kw];
}
