// Stowage for VS Code: the WASM engine inside the extension, one bundle for the desktop (Node)
// and web extension hosts. Only `vscode.*` APIs: no `fs`, no child processes.
import * as vscode from 'vscode';
import * as stowage from '@stowage/wasm';
import type { Diagnostic as EngineDiagnostic, Linter, RuleInfo } from '@stowage/wasm';
import { ConfigManager, hadolintImport, isHadolintFile, type ConfigProblem } from './config';
import * as m from './mapping';

type Kind = 'dockerfile' | 'image';

interface LintState {
  version: number;
  kind: Kind;
  diagnostics: EngineDiagnostic[];
  linter: Linter;
  /** The build context's .dockerignore text (null: none; undefined: unknown). */
  dockerignore: string | null | undefined;
}

/** What the extension returns from `activate` (used by the tests and other extensions). */
export interface StowageApi {
  engineVersion: string;
  /**
   * The last engine call: document version, its duration, and when the document changed and when
   * the diagnostics were published (`performance.now()` of the extension host).
   */
  lastLint: { uri: string; version: number; ms: number; changedAt: number; publishedAt: number } | null;
  hasImageSupport: boolean;
  /** The engine can read `.hadolint.yaml` (used when there is no stowage.toml). */
  hasHadolintImport: boolean;
  /** The last few errors caught in providers and commands (also in the output channel). */
  errors: string[];
}

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('stowage');
const DEFAULT_IMAGE_GLOB = '**/{manifest,index,config}*.json';

function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }) {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function codeOfDiagnostic(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function basename(uri: vscode.Uri) {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function settings(scope?: vscode.ConfigurationScope) {
  const c = vscode.workspace.getConfiguration('stowage', scope);
  return {
    enable: c.get<boolean>('enable', true),
    run: c.get<'onType' | 'onSave'>('run', 'onType'),
    debounce: Math.max(0, c.get<number>('debounce', 50)),
    imageGlob: c.get<string>('imageGlob', DEFAULT_IMAGE_GLOB),
  };
}

export async function activate(ctx: vscode.ExtensionContext): Promise<StowageApi> {
  const log = vscode.window.createOutputChannel('Stowage', { log: true });
  ctx.subscriptions.push(log);

  const t0 = Date.now();
  const wasmUri = vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'stowage_wasm_bg.wasm');
  try {
    stowage.initSync({ module: await vscode.workspace.fs.readFile(wasmUri) });
  } catch (e) {
    const message = `Stowage: cannot load the WebAssembly engine (${(e as Error).message})`;
    log.error(message);
    void vscode.window.showErrorMessage(message);
    throw e;
  }
  const engineVersion = stowage.version();
  const ruleList: RuleInfo[] = stowage.rules();
  const ruleByCode = new Map(ruleList.map((r) => [r.code, r]));
  log.info(`Stowage engine ${engineVersion} loaded in ${Date.now() - t0} ms (${ruleList.length} rules, host: ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);

  const api: StowageApi = { engineVersion, lastLint: null, hasImageSupport: false, hasHadolintImport: !!hadolintImport(), errors: [] };
  function reportError(where: string, e: unknown) {
    const msg = `${where}: ${(e as Error)?.stack ?? String(e)}`;
    log.error(msg);
    api.errors.push(msg);
    if (api.errors.length > 20) api.errors.shift();
  }
  const probe = new stowage.Linter();
  api.hasImageSupport = typeof (probe as unknown as { lintImage?: unknown }).lintImage === 'function';
  const hasOptimize = typeof (probe as unknown as { optimize?: unknown }).optimize === 'function';
  probe.free();

  const collection = vscode.languages.createDiagnosticCollection('stowage');
  const configCollection = vscode.languages.createDiagnosticCollection('stowage-config');
  const configs = new ConfigManager(log);
  const status = vscode.window.createStatusBarItem('stowage.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Stowage';
  ctx.subscriptions.push(collection, configCollection, configs, status);

  const states = new Map<string, LintState>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When each document last changed (for the latency figures in `lastLint`). */
  const changedAt = new Map<string, number>();
  /** Documents the user asked to analyse as image JSON. */
  const manualImages = new Set<string>();
  const problems = new Map<string, ConfigProblem>();
  let warnedNoImage = false;
  ctx.subscriptions.push({
    dispose: () => {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  });

  function kindOf(doc: vscode.TextDocument): Kind | null {
    if (doc.uri.scheme === 'output' || doc.uri.scheme === 'vscode-settings') return null;
    if (doc.languageId === 'dockerfile') return 'dockerfile';
    const base = basename(doc.uri);
    if (doc.languageId === 'plaintext' && m.isDockerfileName(base) && !/ignore$/i.test(base)) return 'dockerfile';
    if (manualImages.has(doc.uri.toString())) return 'image';
    if (doc.languageId === 'json' || doc.languageId === 'jsonc') {
      const glob = settings(doc.uri).imageGlob;
      if (glob && vscode.languages.match({ pattern: glob }, doc) > 0 && m.looksLikeImageJson(doc.getText(new vscode.Range(0, 0, 200, 0)))) return 'image';
    }
    return null;
  }

  // --- config problems: one clear error (status bar + a diagnostic on the config file) -------
  function setProblem(p: ConfigProblem | undefined, key: string) {
    if (!p) {
      if (problems.delete(key)) refreshConfigDiagnostics();
      return;
    }
    const old = problems.get(key);
    if (old && old.message === p.message && old.uri?.toString() === p.uri?.toString() && (old.range && p.range ? old.range.isEqual(p.range) : old.range === p.range)) return;
    problems.set(key, p);
    refreshConfigDiagnostics();
  }

  function refreshConfigDiagnostics() {
    configCollection.clear();
    const byUri = new Map<string, { uri: vscode.Uri; diags: vscode.Diagnostic[] }>();
    for (const p of problems.values()) {
      if (!p.uri) continue;
      const entry = byUri.get(p.uri.toString()) ?? { uri: p.uri, diags: [] };
      const d = new vscode.Diagnostic(p.range ?? new vscode.Range(0, 0, 0, 0), p.message, vscode.DiagnosticSeverity.Error);
      d.source = 'stowage';
      d.code = 'config';
      if (!entry.diags.some((x) => x.message === d.message)) entry.diags.push(d);
      byUri.set(p.uri.toString(), entry);
    }
    for (const { uri, diags } of byUri.values()) configCollection.set(uri, diags);
    updateStatus();
  }

  function updateStatus() {
    const problem = [...problems.values()][0];
    const editor = vscode.window.activeTextEditor;
    const kind = editor ? kindOf(editor.document) : null;
    if (problem) {
      status.text = '$(error) Stowage: config error';
      status.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      status.tooltip = `${problem.uri ? `${vscode.workspace.asRelativePath(problem.uri)}: ` : 'settings: '}${problem.message}\nLinting continues with the default configuration.`;
      status.command = problem.uri
        ? { title: 'Open config', command: 'vscode.open', arguments: [problem.uri, { selection: problem.range }] }
        : 'stowage.showOutput';
      status.show();
      return;
    }
    status.backgroundColor = undefined;
    status.command = 'stowage.showOutput';
    if (!kind || !editor) {
      status.hide();
      return;
    }
    if (!settings(editor.document.uri).enable) {
      status.text = '$(circle-slash) Stowage';
      status.tooltip = 'Stowage is disabled (stowage.enable)';
      status.show();
      return;
    }
    const st = states.get(editor.document.uri.toString());
    const n = st?.diagnostics.length ?? 0;
    status.text = n ? `$(warning) Stowage ${n}` : '$(check) Stowage';
    status.tooltip = `Stowage ${engineVersion}: ${n} problem${n === 1 ? '' : 's'} in this ${kind === 'image' ? 'image document' : 'Dockerfile'}${vscode.workspace.isTrusted ? '' : '\nRestricted mode: workspace config files are ignored'}`;
    status.show();
  }

  /** A stowage.toml open in an editor is checked as you type (even with no Dockerfile open). */
  function validateConfigDoc(doc: vscode.TextDocument) {
    if (!configs.isConfigFile(doc.uri) || doc.languageId === 'dockerfile') return;
    const key = doc.uri.toString();
    if (!vscode.workspace.isTrusted) return setProblem(undefined, key);
    const text = doc.getText();
    let issue: { message: string; span?: [number, number] | null; key?: string | null; help?: string | null } | null;
    if (isHadolintFile(doc.uri)) {
      const convert = hadolintImport();
      if (!convert) return;
      try {
        convert(text);
        issue = null;
      } catch (e) {
        const err = e as { message: string; span?: [number, number] | null; key?: string | null };
        issue = { message: err.message, span: err.span, key: err.key, help: null }; // ConfigError's message has the help
      }
    } else {
      issue = stowage.validateConfig(text);
    }
    if (!issue) return setProblem(undefined, key);
    const r = m.configErrorRange(text, issue);
    setProblem(
      { uri: doc.uri, message: issue.help ? `${issue.message} (${issue.help})` : issue.message, range: toRange(r) },
      key,
    );
  }

  // --- build context: the .dockerignore next to the Dockerfile (as the CLI reads it) -----------
  const dockerignores = new Map<string, Promise<string | null | undefined>>();
  async function readText(uri: vscode.Uri): Promise<string | null> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return null;
    }
  }
  /** `<Dockerfile>.dockerignore`, else `.dockerignore` in the same folder; null when neither exists. */
  function dockerignoreFor(doc: vscode.Uri): Promise<string | null | undefined> {
    const key = doc.toString();
    let p = dockerignores.get(key);
    if (!p) {
      p = (async () => {
        if (doc.scheme === 'untitled') return undefined; // no build context known
        return (
          (await readText(doc.with({ path: `${doc.path}.dockerignore` }))) ??
          (await readText(vscode.Uri.joinPath(doc, '..', '.dockerignore')))
        );
      })();
      dockerignores.set(key, p);
    }
    return p;
  }
  const ignoreWatcher = vscode.workspace.createFileSystemWatcher('**/*.dockerignore');
  const onIgnore = () => {
    dockerignores.clear();
    relintAll();
  };
  ignoreWatcher.onDidCreate(onIgnore);
  ignoreWatcher.onDidChange(onIgnore);
  ignoreWatcher.onDidDelete(onIgnore);
  ctx.subscriptions.push(ignoreWatcher);

  // --- linting -------------------------------------------------------------------------------
  function toVsDiagnostic(uri: vscode.Uri, d: EngineDiagnostic): vscode.Diagnostic {
    const s = m.toDiagnosticShape(d);
    const diag = new vscode.Diagnostic(toRange(s.range), s.message, s.severity as number as vscode.DiagnosticSeverity);
    diag.source = s.source;
    diag.code = { value: s.code.value, target: vscode.Uri.parse(s.code.target) };
    if (s.related.length) {
      diag.relatedInformation = s.related.map(
        (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message),
      );
    }
    if (s.tags.length) diag.tags = s.tags as number[] as vscode.DiagnosticTag[];
    return diag;
  }

  /** Runs the engine on the document as it is now. `null` when the document is not ours. */
  /**
   * Runs the engine on the document as it is now and, with `publish`, shows the result. Without
   * it (code actions and hovers in `onSave` mode) the result is only returned.
   */
  async function lintNow(doc: vscode.TextDocument, publish = true): Promise<LintState | null> {
    const key = doc.uri.toString();
    const kind = kindOf(doc);
    if (!kind || !settings(doc.uri).enable) {
      states.delete(key);
      collection.delete(doc.uri);
      return null;
    }
    const version = doc.version;
    const resolved = await configs.linterFor(doc.uri);
    const dockerignore = kind === 'dockerfile' ? await dockerignoreFor(doc.uri) : undefined;
    // Problems are cleared when a config or the settings change (configs.onDidChange).
    if (resolved.problem) setProblem(resolved.problem, resolved.problem.uri?.toString() ?? 'settings');
    // Stale: the document changed (or closed) while the config was being read.
    if (doc.isClosed || doc.version !== version) return states.get(key) ?? null;
    const text = doc.getText();
    const t = performance.now();
    let diagnostics: EngineDiagnostic[];
    try {
      if (kind === 'dockerfile') {
        diagnostics = resolved.linter.lintDockerfile(text, { dockerignore }).diagnostics;
      } else {
        const lintImage = (resolved.linter as unknown as { lintImage?: (s: string) => { diagnostics: EngineDiagnostic[] } }).lintImage;
        if (typeof lintImage !== 'function') {
          if (!warnedNoImage) log.warn('this Stowage engine has no lintImage(): image documents are not analysed');
          warnedNoImage = true;
          return null;
        }
        diagnostics = lintImage.call(resolved.linter, text).diagnostics;
      }
    } catch (e) {
      log.error(`lint failed for ${doc.uri.toString(true)}: ${(e as Error).message}`);
      return states.get(key) ?? null;
    }
    const ms = performance.now() - t;
    api.lastLint = { uri: key, version, ms, changedAt: changedAt.get(key) ?? t, publishedAt: 0 };
    log.trace(`linted ${basename(doc.uri)} v${version} in ${ms.toFixed(2)} ms: ${diagnostics.length} diagnostics`);
    const st: LintState = { version, kind, diagnostics, linter: resolved.linter, dockerignore };
    if (!publish) return st;
    states.set(key, st);
    collection.set(doc.uri, diagnostics.map((d) => toVsDiagnostic(doc.uri, d)));
    api.lastLint.publishedAt = performance.now();
    if (vscode.window.activeTextEditor?.document === doc) updateStatus();
    return st;
  }

  function schedule(doc: vscode.TextDocument, delay: number) {
    const key = doc.uri.toString();
    const old = timers.get(key);
    if (old !== undefined) clearTimeout(old);
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        if (!doc.isClosed) void lintNow(doc);
      }, delay),
    );
  }

  /** The lint state for the current version of the document (linting now if it is stale). */
  async function fresh(doc: vscode.TextDocument): Promise<LintState | null> {
    const st = states.get(doc.uri.toString());
    if (st && st.version === doc.version) return st;
    // In onSave mode the shown diagnostics stay those of the last save; actions are computed on
    // the current text (so their edits are right) and only match diagnostics that did not move.
    return lintNow(doc, settings(doc.uri).run !== 'onSave');
  }

  function relintAll() {
    for (const doc of vscode.workspace.textDocuments) {
      if (kindOf(doc)) void lintNow(doc);
      else if (states.has(doc.uri.toString())) {
        states.delete(doc.uri.toString());
        collection.delete(doc.uri);
      }
    }
    updateStatus();
  }

  ctx.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (kindOf(doc)) void lintNow(doc);
      else validateConfigDoc(doc);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      changedAt.set(e.document.uri.toString(), performance.now());
      if (configs.isConfigFile(e.document.uri)) {
        const key = `config:${e.document.uri.toString()}`;
        clearTimeout(timers.get(key));
        timers.set(key, setTimeout(() => validateConfigDoc(e.document), settings().debounce));
        return;
      }
      const s = settings(e.document.uri);
      if (s.run === 'onType' && states.has(e.document.uri.toString())) schedule(e.document, s.debounce);
      else if (s.run === 'onType' && kindOf(e.document)) schedule(e.document, s.debounce);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (settings(doc.uri).run === 'onSave' && kindOf(doc)) void lintNow(doc);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      const timer = timers.get(key);
      if (timer !== undefined) clearTimeout(timer);
      timers.delete(key);
      states.delete(key);
      changedAt.delete(key);
      manualImages.delete(key);
      collection.delete(doc.uri);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    configs.onDidChange(() => {
      problems.clear();
      for (const doc of vscode.workspace.textDocuments) validateConfigDoc(doc);
      refreshConfigDiagnostics();
      relintAll();
    }),
  );

  // --- code actions ----------------------------------------------------------------------------
  async function fixAllEdit(doc: vscode.TextDocument): Promise<vscode.WorkspaceEdit | null> {
    const st = await fresh(doc);
    if (!st || st.kind !== 'dockerfile') return null;
    const text = doc.getText();
    const out = st.linter.fix(text, { dockerignore: st.dockerignore }).output;
    const e = m.minimalEdit(text, out);
    if (!e) return null;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text);
    return edit;
  }

  function lines(doc: vscode.TextDocument): string[] {
    const out: string[] = [];
    for (let i = 0; i < doc.lineCount; i++) out.push(doc.lineAt(i).text);
    return out;
  }

  function editFrom(uri: vscode.Uri, shapes: m.EditShape[]): vscode.WorkspaceEdit {
    const edit = new vscode.WorkspaceEdit();
    for (const s of shapes) edit.replace(uri, toRange(s.range), s.newText);
    return edit;
  }

  const codeActions: vscode.CodeActionProvider = {
    async provideCodeActions(doc, range, context, token) {
      try {
        return await provideCodeActions(doc, range, context, token);
      } catch (e) {
        reportError('code actions', e);
        return [];
      }
    },
  };

  const provideCodeActions: vscode.CodeActionProvider['provideCodeActions'] = async function (doc, range, context) {
    const st = await fresh(doc);
    if (!st) return [];
    const actions: vscode.CodeAction[] = [];
    const only = context.only;
    if (only && only.contains(FIX_ALL_KIND)) {
      // `source`, `source.fixAll` or `source.fixAll.stowage` (editor.codeActionsOnSave).
      const edit = await fixAllEdit(doc);
      if (!edit) return [];
      const a = new vscode.CodeAction('Fix all Stowage problems', FIX_ALL_KIND);
      a.edit = edit;
      return [a];
    }
    if (only && !vscode.CodeActionKind.QuickFix.contains(only) && !only.contains(vscode.CodeActionKind.QuickFix)) return [];

    // `context.diagnostics` comes from the workbench's marker service, which receives our
    // diagnostics asynchronously after `collection.set`: a request right after a lint can see none
    // (it made a CI run fail). Our own collection is current, so its diagnostics in the range count too.
    const ours = context.diagnostics.filter((d) => d.source === 'stowage');
    for (const d of collection.get(doc.uri) ?? []) {
      if (!d.range.intersection(range)) continue;
      if (ours.some((o) => o.range.isEqual(d.range) && codeOfDiagnostic(o) === codeOfDiagnostic(d))) continue;
      ours.push(d);
    }
    const parsed = st.kind === 'dockerfile' ? st.linter.parse(doc.getText()) : null;
    const docLines = lines(doc);
    const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const directives = parsed ? parsed.directives.map((d) => d.line - 1) : [];
    const seenIgnore = new Set<string>();
    for (const vd of ours) {
      const code = codeOfDiagnostic(vd);
      const ed = st.diagnostics.find(
        (d) => d.rule === code && m.sameRange(d.range, { start: vd.range.start, end: vd.range.end }),
      );
      if (!ed) continue;
      if (m.isApplicable(ed.fix)) {
        const a = new vscode.CodeAction(m.fixTitle(ed), vscode.CodeActionKind.QuickFix);
        a.edit = editFrom(doc.uri, m.fixEdits(ed.fix));
        a.diagnostics = [vd];
        a.isPreferred = ed.fix.applicability === 'safe';
        actions.push(a);
      }
      if (st.kind !== 'dockerfile' || seenIgnore.has(code)) continue;
      seenIgnore.add(code);
      const instrLine = m.instructionStartLine(parsed!.instructions, ed.range.start.line);
      const one = instrLine === null ? null : m.ignoreInstructionEdit(docLines, instrLine, code, eol);
      if (one) {
        const a = new vscode.CodeAction(`Ignore ${code} for this instruction`, vscode.CodeActionKind.QuickFix);
        a.edit = editFrom(doc.uri, [one]);
        a.diagnostics = [vd];
        actions.push(a);
      }
      const file = m.ignoreFileEdit(docLines, code, eol, directives);
      if (file) {
        const a = new vscode.CodeAction(`Ignore ${code} for this file`, vscode.CodeActionKind.QuickFix);
        a.edit = editFrom(doc.uri, [file]);
        a.diagnostics = [vd];
        actions.push(a);
      }
    }
    if (ours.length > 0 && st.diagnostics.some((d) => m.isApplicable(d.fix) && d.fix.applicability === 'safe')) {
      const edit = await fixAllEdit(doc);
      if (edit) {
        const a = new vscode.CodeAction('Fix all Stowage problems', vscode.CodeActionKind.QuickFix);
        a.edit = edit;
        actions.push(a);
      }
    }
    return actions;
  };

  const selector: vscode.DocumentSelector = [
    { language: 'dockerfile' },
    { language: 'plaintext', pattern: '**/{Dockerfile*,Containerfile*,*.Dockerfile,*.Containerfile}' },
    { language: 'json' },
    { language: 'jsonc' },
  ];
  ctx.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(selector, codeActions, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
    }),
  );

  // --- hovers ------------------------------------------------------------------------------------
  function ruleDocs(d: EngineDiagnostic): string {
    const r = ruleByCode.get(d.rule);
    const url = m.docsUrl(d.rule, d.name);
    const head = `**[${d.rule}](${url})** \`${d.name}\` · ${d.severity}${r ? ` · ${r.family}` : ''}`;
    const help = d.help ? `\n\n*${d.help}*` : '';
    const fix = d.fix ? `\n\nFix (${d.fix.applicability}): ${d.fix.title}` : '';
    const docs = r ? `\n\n${r.docs.replace(/^##\s/gm, '#### ')}` : '';
    return `${head}${help}${fix}${docs}`;
  }

  function fromHover(doc: vscode.TextDocument, st: LintState, line: number): string | null {
    const parsed = st.linter.parse(doc.getText());
    const froms = parsed.instructions.filter((i) => i.keyword.toUpperCase() === 'FROM');
    const idx = froms.findIndex((i) => i.line - 1 <= line && line <= i.end_line - 1);
    if (idx < 0) return null;
    const from = froms[idx];
    const image = from.value[0];
    if (!image) return null;
    const out: string[] = [];
    const stages = froms.slice(0, idx).map((f) => ({ name: f.value.length >= 3 ? f.value[2] : '', line: f.line }));
    const stage = stages.find((s) => s.name && s.name.toLowerCase() === image.toLowerCase());
    const platform = from.flags.find((f) => f.startsWith('--platform='));
    if (stage) {
      out.push(`**Stage** \`${stage.name}\` (FROM on line ${stage.line})`);
    } else {
      const ref = m.parseImageRef(image);
      out.push(`**Image** \`${ref.raw}\``);
      if (ref.special === 'scratch') out.push('\n\nThe empty base image (`scratch`).');
      else {
        out.push('\n\n| | |\n|---|---|');
        out.push(`\n| Registry | \`${ref.registry}\` |`);
        out.push(`\n| Repository | \`${ref.repository}\` |`);
        out.push(`\n| Tag | ${ref.tag ? `\`${ref.tag}\`` : ref.digest ? '*none*' : '*none — defaults to `latest`*'} |`);
        out.push(`\n| Digest | ${ref.digest ? `\`${ref.digest}\`` : '*not pinned*'} |`);
        if (platform) out.push(`\n| Platform | \`${platform.slice('--platform='.length)}\` |`);
        out.push(`\n\nResolves to \`${ref.canonical}\``);
        if (ref.special === 'variable') out.push(' (contains build arguments, resolved at build time)');
      }
    }
    if (from.value.length >= 3) out.push(`\n\nNames stage \`${from.value[2]}\`.`);
    // Size advice: the optimizer when the engine has one, and the size findings of this stage.
    const end = idx + 1 < froms.length ? froms[idx + 1].line - 1 : doc.lineCount;
    const advice: string[] = [];
    if (hasOptimize) {
      try {
        const res = (st.linter as unknown as { optimize: (s: string) => unknown }).optimize(doc.getText()) as {
          suggestions?: { message?: string; title?: string; range?: { start: { line: number } } }[];
          advice?: { message?: string; title?: string; range?: { start: { line: number } } }[];
        };
        for (const s of res?.suggestions ?? res?.advice ?? []) {
          const l = s.range?.start.line;
          if (l === undefined || (l >= from.line - 1 && l < end)) advice.push(s.message ?? s.title ?? '');
        }
      } catch (e) {
        log.warn(`optimize failed: ${(e as Error).message}`);
      }
    }
    for (const d of st.diagnostics) {
      const fam = ruleByCode.get(d.rule)?.family;
      if (fam === 'size' && d.range.start.line >= from.line - 1 && d.range.start.line < end) {
        advice.push(`${d.message} (line ${d.range.start.line + 1}, ${d.rule})`);
      }
    }
    if (advice.length) out.push(`\n\n**Size advice for this stage**\n${advice.filter(Boolean).map((a) => `\n- ${a}`).join('')}`);
    return out.join('');
  }

  ctx.subscriptions.push(
    vscode.languages.registerHoverProvider(selector, {
      async provideHover(doc, position) {
        try {
          return await hoverAt(doc, position);
        } catch (e) {
          reportError('hover', e);
          return null;
        }
      },
    }),
  );

  async function hoverAt(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | null> {
    const st = await fresh(doc);
    if (!st) return null;
    const parts: string[] = [];
    const seen = new Set<string>();
    let range: vscode.Range | undefined;
    for (const d of st.diagnostics) {
      if (!m.containsPosition(d.range, position.line, position.character) || seen.has(d.rule)) continue;
      seen.add(d.rule);
      parts.push(ruleDocs(d));
      range ??= toRange(d.range);
    }
    if (st.kind === 'dockerfile') {
      const f = fromHover(doc, st, position.line);
      if (f) parts.unshift(f);
    }
    if (!parts.length) return null;
    const md = new vscode.MarkdownString(parts.join('\n\n---\n\n'));
    md.isTrusted = false;
    return new vscode.Hover(md, range);
  }

  // --- commands ----------------------------------------------------------------------------------
  ctx.subscriptions.push(
    vscode.commands.registerCommand('stowage.showOutput', () => log.show(true)),
    vscode.commands.registerCommand('stowage.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const edit = await fixAllEdit(editor.document);
      if (!edit) return false;
      return vscode.workspace.applyEdit(edit);
    }),
    vscode.commands.registerCommand('stowage.analyzeImage', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!doc) {
        void vscode.window.showInformationMessage('Stowage: open an image manifest, index, config or `docker inspect` JSON first.');
        return null;
      }
      if (!api.hasImageSupport) {
        void vscode.window.showWarningMessage('Stowage: this engine build cannot analyse image documents yet (no lintImage).');
        return null;
      }
      manualImages.add(doc.uri.toString());
      const st = await lintNow(doc);
      const n = st?.diagnostics.length ?? 0;
      void vscode.window.showInformationMessage(`Stowage: ${n} finding${n === 1 ? '' : 's'} in ${basename(doc.uri)}.`);
      return n;
    }),
  );

  for (const doc of vscode.workspace.textDocuments) {
    if (kindOf(doc)) void lintNow(doc);
    else validateConfigDoc(doc);
  }
  updateStatus();
  return api;
}

export function deactivate() {}
