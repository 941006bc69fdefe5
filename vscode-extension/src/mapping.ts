// Pure mapping code: engine results → the shapes VS Code needs, text edits for suppressions,
// image references, config locations. No `vscode` import, so it runs under `node:test`.
import type { Diagnostic as EngineDiagnostic, Fix, Range, Severity } from '@stowage/wasm';

export const DOCS_BASE_URL = 'https://stowage.dev/docs/rules/';

/** Same numbers as `vscode.DiagnosticSeverity`. */
export const enum Sev {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

/** Same numbers as `vscode.DiagnosticTag`. */
export const enum Tag {
  Unnecessary = 1,
  Deprecated = 2,
}

export function mapSeverity(s: Severity | string): Sev {
  switch (s) {
    case 'error':
      return Sev.Error;
    case 'warning':
      return Sev.Warning;
    case 'info':
      return Sev.Information;
    case 'style':
      return Sev.Hint;
    default:
      return Sev.Warning;
  }
}

/** The rule's documentation page, as the CLI links it (`docs/rules/CODE-name.md`). */
export function docsUrl(code: string, name?: string | null): string {
  return name ? `${DOCS_BASE_URL}${code}-${name}.md` : `${DOCS_BASE_URL}${code}.md`;
}

export interface DiagnosticShape {
  range: Range;
  severity: Sev;
  message: string;
  source: 'stowage';
  code: { value: string; target: string };
  related: { range: Range; message: string }[];
  tags: Tag[];
}

export function toDiagnosticShape(d: EngineDiagnostic): DiagnosticShape {
  const tags: Tag[] = [];
  if (/(^|-)unused(-|$)/.test(d.name)) tags.push(Tag.Unnecessary);
  if (/(^|-)deprecated(-|$)/.test(d.name)) tags.push(Tag.Deprecated);
  return {
    range: d.range,
    severity: mapSeverity(d.severity),
    message: d.message,
    source: 'stowage',
    code: { value: d.rule, target: docsUrl(d.rule, d.name) },
    related: (d.labels ?? []).map((l) => ({ range: l.range, message: l.message })),
    tags,
  };
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

export function containsPosition(r: Range, line: number, character: number): boolean {
  if (line < r.start.line || line > r.end.line) return false;
  if (line === r.start.line && character < r.start.character) return false;
  if (line === r.end.line && character > r.end.character) return false;
  return true;
}

export interface EditShape {
  range: Range;
  newText: string;
}

/** A fix the editor can offer: display-only fixes are not applicable. */
export function isApplicable(fix: Fix | null | undefined): fix is Fix {
  return !!fix && fix.applicability !== 'display-only' && fix.edits.length > 0;
}

export function fixTitle(d: EngineDiagnostic): string {
  const fix = d.fix!;
  const unsafe = fix.applicability === 'unsafe' ? ' (unsafe)' : '';
  return `${fix.title}${unsafe} [${d.rule}]`;
}

export function fixEdits(fix: Fix): EditShape[] {
  return fix.edits.map((e) => ({ range: e.range, newText: e.newText }));
}

function pos(line: number, character: number) {
  return { line, character };
}

function insertAt(line: number, character: number, newText: string): EditShape {
  return { range: { start: pos(line, character), end: pos(line, character) }, newText };
}

const IGNORE_RE = /^(\s*#\s*stowage\s+ignore=)([^\s]*)/;
const IGNORE_FILE_RE = /^(\s*#\s*stowage\s+ignore-file=)([^\s]*)/;

function appendCode(lineText: string, re: RegExp, line: number, code: string): EditShape | null {
  const m = re.exec(lineText)!;
  const codes = m[2].split(',').map((c) => c.trim()).filter(Boolean);
  if (codes.some((c) => c.toUpperCase() === code.toUpperCase())) return null; // already there
  const at = m[1].length + m[2].length;
  return insertAt(line, at, codes.length ? `,${code}` : code);
}

/**
 * `# stowage ignore=CODE` above the instruction starting on `instrLine` (0-based), indented like
 * it. When the line above already is a `# stowage ignore=` comment, the code is added to it.
 * `null` when the code is already there.
 */
export function ignoreInstructionEdit(
  lines: string[],
  instrLine: number,
  code: string,
  eol = '\n',
): EditShape | null {
  const above = instrLine > 0 ? lines[instrLine - 1] : undefined;
  if (above !== undefined && IGNORE_RE.test(above)) return appendCode(above, IGNORE_RE, instrLine - 1, code);
  const indent = /^[ \t]*/.exec(lines[instrLine] ?? '')![0];
  return insertAt(instrLine, 0, `${indent}# stowage ignore=${code}${eol}`);
}

const DIRECTIVE_RE = /^\s*#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*\S.*$/;
const DIRECTIVE_NAMES = new Set(['syntax', 'escape', 'check']);

/** 0-based lines of the parser directives at the top (`# syntax=`, `# escape=`, `# check=`). */
export function directiveLines(lines: string[]): number[] {
  const out: number[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const m = DIRECTIVE_RE.exec(i === 0 ? lines[i].replace(/^\uFEFF/, '') : lines[i]);
    if (!m) break;
    const name = m[1].toLowerCase();
    if (!DIRECTIVE_NAMES.has(name) || seen.has(name)) break;
    seen.add(name);
    out.push(i);
  }
  return out;
}

/**
 * `# stowage ignore-file=CODE` at the top of the file, after any parser directives (a comment
 * before them would turn them into plain comments). Reuses an existing `ignore-file=` comment in
 * the leading comment block. `null` when the code is already there.
 */
export function ignoreFileEdit(lines: string[], code: string, eol = '\n', directives?: number[]): EditShape | null {
  const dirs = directives ?? directiveLines(lines);
  const after = dirs.length ? Math.max(...dirs) + 1 : 0;
  for (let i = after; i < lines.length && /^\s*(#.*)?$/.test(lines[i]); i++) {
    if (IGNORE_FILE_RE.test(lines[i])) return appendCode(lines[i], IGNORE_FILE_RE, i, code);
  }
  return insertAt(after, 0, `# stowage ignore-file=${code}${eol}`);
}

export interface InstructionSpan {
  /** 1-based, as `parse()` reports. */
  line: number;
  end_line: number;
}

/** The 0-based first line of the instruction covering `line`; null outside instructions (directives, comments). */
export function instructionStartLine(instructions: InstructionSpan[], line: number): number | null {
  for (const ins of instructions) {
    if (ins.line - 1 <= line && line <= ins.end_line - 1) return ins.line - 1;
  }
  return null;
}

/** The smallest single replacement turning `a` into `b`: offsets into `a`. */
export function minimalEdit(a: string, b: string): { start: number; end: number; text: string } | null {
  if (a === b) return null;
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  // Do not split a surrogate pair.
  if (p > 0 && isHighSurrogate(a.charCodeAt(p - 1))) p--;
  if (s > 0 && isLowSurrogate(a.charCodeAt(a.length - s))) s--;
  return { start: p, end: a.length - s, text: b.slice(p, b.length - s) };
}

function isHighSurrogate(c: number) {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number) {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** A UTF-8 byte offset into `text` → 0-based line and UTF-16 character. */
export function byteOffsetToPosition(text: string, byteOffset: number) {
  let bytes = 0;
  let line = 0;
  let character = 0;
  for (let i = 0; i < text.length; i++) {
    if (bytes >= byteOffset) break;
    const c = text.codePointAt(i)!;
    const len = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    bytes += len;
    if (c === 0x0a) {
      line++;
      character = 0;
    } else {
      character += c >= 0x10000 ? 2 : 1;
    }
    if (c >= 0x10000) i++;
  }
  return { line, character };
}

/**
 * Where a config error points: the engine's byte span when it has one, else the line defining
 * `key` (the last dotted part, e.g. `SEC001` of `severity.SEC001`), else the top of the file.
 */
export function configErrorRange(
  text: string,
  err: { span?: [number, number] | null; key?: string | null },
): Range {
  if (err.span) {
    return { start: byteOffsetToPosition(text, err.span[0]), end: byteOffsetToPosition(text, err.span[1]) };
  }
  const lines = text.split(/\r?\n/);
  if (err.key) {
    const parts = err.key.split('.');
    for (let k = parts.length - 1; k >= 0; k--) {
      const key = parts[k].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(`^(\\s*)(["']?${key}["']?)\\s*=`);
      const table = new RegExp(`^(\\s*\\[+\\s*)(["']?${key}["']?)\\s*\\]`);
      for (let i = 0; i < lines.length; i++) {
        const m = re.exec(lines[i]) ?? table.exec(lines[i]);
        if (m) return { start: pos(i, m[1].length), end: pos(i, m[1].length + m[2].length) };
      }
    }
  }
  return { start: pos(0, 0), end: pos(0, lines[0]?.length ?? 0) };
}

export interface SettingsOverrides {
  select?: string[] | null;
  ignore?: string[] | null;
  severity?: Record<string, string> | null;
}

export function hasOverrides(s: SettingsOverrides): boolean {
  return !!(s.select?.length || s.ignore?.length || (s.severity && Object.keys(s.severity).length));
}

/**
 * Settings on top of a config object: `stowage.select` replaces `select`, `stowage.ignore` adds to
 * `ignore`, `stowage.severity` overrides per rule.
 */
export function mergeConfig(base: Record<string, unknown> | null, s: SettingsOverrides): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(base ?? {}) };
  if (s.select?.length) out.select = [...s.select];
  if (s.ignore?.length) out.ignore = [...((out.ignore as string[] | undefined) ?? []), ...s.ignore];
  if (s.severity && Object.keys(s.severity).length) {
    out.severity = { ...((out.severity as Record<string, string> | undefined) ?? {}), ...s.severity };
  }
  return out;
}

export interface ImageRef {
  /** As written. */
  raw: string;
  registry: string;
  repository: string;
  tag: string | null;
  digest: string | null;
  /** Defaults filled in: `docker.io/library/ubuntu:latest`. */
  canonical: string;
  /** `scratch`, or it contains build args (`$VAR`) resolved at build time. */
  special: 'scratch' | 'variable' | null;
}

/** Parses a Docker image reference (`[registry/]repo[:tag][@digest]`) with Docker's defaults. */
export function parseImageRef(raw: string): ImageRef {
  let rest = raw.trim();
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry = 'docker.io';
  let repository = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      registry = first;
      repository = rest.slice(slash + 1);
    }
  }
  if (registry === 'index.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  const special = raw.trim().toLowerCase() === 'scratch' ? 'scratch' : raw.includes('$') ? 'variable' : null;
  const canonical = `${registry}/${repository}${tag !== null ? `:${tag}` : digest ? '' : ':latest'}${digest ? `@${digest}` : ''}`;
  return { raw, registry, repository, tag, digest, canonical, special };
}

/** Whether JSON text looks like an image manifest, index, config or `docker inspect` output. */
export function looksLikeImageJson(text: string): boolean {
  const head = text.slice(0, 4096);
  if (!/^\s*[[{]/.test(head)) return false;
  return /"(schemaVersion|mediaType|manifests|layers|rootfs|RootFS|architecture|Architecture|config|Config|history)"\s*:/.test(head);
}

/** `Dockerfile*`, `*.Dockerfile`, `Containerfile*`, `*.Containerfile` (case-insensitive). */
export function isDockerfileName(basename: string): boolean {
  return /^(dockerfile|containerfile)/i.test(basename) || /\.(dockerfile|containerfile)$/i.test(basename);
}
