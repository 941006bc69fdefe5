// Finds and loads the configuration for a document: settings + the workspace's stowage.toml,
// through vscode.workspace.fs only (so it works on vscode.dev and virtual file systems).
import * as vscode from 'vscode';
import * as stowage from '@stowage/wasm';
import { Linter, validateConfig } from '@stowage/wasm';
import { parse as parseToml } from 'smol-toml';
import { configErrorRange, hasOverrides, mergeConfig, type SettingsOverrides } from './mapping';

export const CONFIG_NAMES = ['stowage.toml', '.stowage.toml'];
/** hadolint's config, used when there is no stowage.toml and the engine can convert it. */
export const HADOLINT_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

type HadolintImport = (yaml: string) => Record<string, unknown>;
/**
 * The engine's hadolint YAML import, when this build of @stowage/wasm has one
 * (`configFromHadolint(yamlText) → config object`, throwing ConfigError like `new Linter`).
 */
export function hadolintImport(): HadolintImport | undefined {
  const f = (stowage as unknown as Record<string, unknown>).configFromHadolint;
  return typeof f === 'function' ? (f as HadolintImport) : undefined;
}

export function isHadolintFile(uri: vscode.Uri): boolean {
  return HADOLINT_NAMES.includes(uri.path.slice(uri.path.lastIndexOf('/') + 1));
}

export interface ConfigProblem {
  /** The config file, or undefined when the problem is in the settings. */
  uri?: vscode.Uri;
  message: string;
  range?: vscode.Range;
}

export interface ResolvedLinter {
  linter: Linter;
  /** The config file in use, if any. */
  configUri?: vscode.Uri;
  problem?: ConfigProblem;
}

interface Settings extends SettingsOverrides {
  configPath: string;
}

function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('stowage', scope);
  return {
    select: c.get<string[]>('select') ?? [],
    ignore: c.get<string[]>('ignore') ?? [],
    severity: c.get<Record<string, string>>('severity') ?? {},
    configPath: c.get<string>('configPath') ?? '',
  };
}

const decoder = new TextDecoder();

export class ConfigManager implements vscode.Disposable {
  /** directory URI → config file URI (or null when none up to the workspace folder). */
  private lookups = new Map<string, Promise<vscode.Uri | null>>();
  private linters = new Map<string, Promise<ResolvedLinter>>();
  private disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a config file or the settings change: relint everything. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${[...CONFIG_NAMES, ...HADOLINT_NAMES].join(',')}}`);
    const onFs = (uri: vscode.Uri) => {
      this.log.info(`config file changed: ${uri.toString(true)}`);
      this.invalidate();
    };
    watcher.onDidCreate(onFs);
    watcher.onDidChange(onFs);
    watcher.onDidDelete(onFs);
    this.disposables.push(
      watcher,
      this.changed,
      // Belt and braces: file systems without watch support still tell us about saves.
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.isConfigFile(d.uri)) onFs(d.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('stowage')) this.invalidate();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.log.info('workspace trusted: using workspace config files');
        this.invalidate();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()),
    );
    this.watchConfigPath();
  }

  private extraWatcher?: vscode.Disposable;

  private watchConfigPath() {
    this.extraWatcher?.dispose();
    this.extraWatcher = undefined;
    const p = readSettings().configPath;
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!p || !folder) return;
    const uri = this.resolvePath(p, folder.uri);
    const dir = vscode.Uri.joinPath(uri, '..');
    const base = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, base));
    const on = () => this.invalidate();
    w.onDidChange(on);
    w.onDidCreate(on);
    w.onDidDelete(on);
    this.extraWatcher = w;
  }

  isConfigFile(uri: vscode.Uri): boolean {
    const base = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    if (CONFIG_NAMES.includes(base) || (HADOLINT_NAMES.includes(base) && !!hadolintImport())) return true;
    const p = readSettings().configPath;
    return !!p && uri.path.endsWith(p.replace(/^\.?\//, ''));
  }

  invalidate() {
    this.lookups.clear();
    for (const l of this.linters.values()) void l.then((r) => r.linter.free()).catch(() => undefined);
    this.linters.clear();
    this.watchConfigPath();
    this.changed.fire();
  }

  private resolvePath(p: string, base: vscode.Uri): vscode.Uri {
    if (/^[a-z][a-z0-9+.-]+:/i.test(p)) return vscode.Uri.parse(p);
    if (p.startsWith('/')) return base.with({ path: p });
    return vscode.Uri.joinPath(base, p);
  }

  private async exists(uri: vscode.Uri): Promise<boolean> {
    try {
      const st = await vscode.workspace.fs.stat(uri);
      return (st.type & vscode.FileType.File) !== 0;
    } catch {
      return false;
    }
  }

  /** The config file for a document: `stowage.configPath`, else the nearest `stowage.toml`. */
  private async findConfig(doc: vscode.Uri): Promise<vscode.Uri | null> {
    if (!vscode.workspace.isTrusted) return null; // restricted mode: workspace config is ignored
    const folder = vscode.workspace.getWorkspaceFolder(doc);
    const settings = readSettings(doc);
    if (settings.configPath) {
      const uri = this.resolvePath(settings.configPath, folder?.uri ?? vscode.Uri.joinPath(doc, '..'));
      if (await this.exists(uri)) return uri;
      this.log.warn(`stowage.configPath ${settings.configPath} not found (${uri.toString(true)})`);
      return null;
    }
    let dir = vscode.Uri.joinPath(doc, '..');
    const stop = folder?.uri.path.replace(/\/$/, '');
    for (let depth = 0; depth < 32; depth++) {
      const key = dir.toString();
      let hit = this.lookups.get(key);
      if (!hit) {
        const here = dir;
        hit = (async () => {
          for (const name of hadolintImport() ? [...CONFIG_NAMES, ...HADOLINT_NAMES] : CONFIG_NAMES) {
            const uri = vscode.Uri.joinPath(here, name);
            if (await this.exists(uri)) return uri;
          }
          return null;
        })();
        this.lookups.set(key, hit);
      }
      const found = await hit;
      if (found) return found;
      const path = dir.path.replace(/\/$/, '');
      if (!folder || path === stop || path === '' || path === '/') return null;
      dir = vscode.Uri.joinPath(dir, '..');
    }
    return null;
  }

  /** A linter for the document's config (cached per config file and settings). */
  async linterFor(doc: vscode.Uri): Promise<ResolvedLinter> {
    const configUri = await this.findConfig(doc);
    const settings = readSettings(doc);
    const key = `${configUri?.toString() ?? ''}\u0000${JSON.stringify([settings.select, settings.ignore, settings.severity])}`;
    let l = this.linters.get(key);
    if (!l) {
      l = this.build(configUri, settings);
      this.linters.set(key, l);
    }
    return l;
  }

  private async build(configUri: vscode.Uri | null, s: Settings): Promise<ResolvedLinter> {
    const opts = { positionEncoding: 'utf-16' as const };
    let text: string | null = null;
    let problem: ConfigProblem | undefined;
    if (configUri) {
      try {
        text = decoder.decode(await vscode.workspace.fs.readFile(configUri));
      } catch (e) {
        this.log.warn(`cannot read ${configUri.toString(true)}: ${String(e)}`);
      }
    }
    let base: Record<string, unknown> | null = null;
    const fromHadolint = text !== null && configUri && isHadolintFile(configUri) ? hadolintImport() : undefined;
    if (text !== null && fromHadolint) {
      try {
        base = fromHadolint(text);
        this.log.info(`config: ${configUri!.toString(true)} (hadolint, converted)`);
      } catch (e) {
        const err = e as { message: string; span?: [number, number] | null; key?: string | null };
        const r = configErrorRange(text, err);
        problem = { uri: configUri!, message: err.message, range: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) };
        this.log.error(`${configUri!.toString(true)}:${r.start.line + 1}:${r.start.character + 1}: ${err.message}`);
      }
      text = null;
    }
    if (text !== null) {
      const issue = validateConfig(text);
      if (issue) {
        const r = configErrorRange(text, issue);
        const message = issue.help ? `${issue.message} (${issue.help})` : issue.message;
        problem = {
          uri: configUri!,
          message,
          range: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
        };
        this.log.error(`${configUri!.toString(true)}:${r.start.line + 1}:${r.start.character + 1}: ${message}`);
        text = null; // lint with the defaults (plus settings)
      }
    }
    const overrides = hasOverrides(s);
    try {
      if (text !== null && !overrides && !base) {
        this.log.info(`config: ${configUri!.toString(true)}`);
        return { linter: new Linter(text, opts), configUri: configUri ?? undefined, problem };
      }
      if (text !== null) base = parseToml(text) as Record<string, unknown>;
      const merged = mergeConfig(base, s);
      this.log.info(`config: ${configUri ? configUri.toString(true) : 'defaults'} + settings ${JSON.stringify(merged)}`);
      return { linter: new Linter(merged, opts), configUri: configUri ?? undefined, problem };
    } catch (e) {
      const message = `invalid Stowage settings: ${(e as Error).message}`;
      this.log.error(message);
      let linter: Linter;
      try {
        linter = text !== null ? new Linter(text, opts) : new Linter(null, opts);
      } catch {
        linter = new Linter(null, opts);
      }
      return { linter, configUri: configUri ?? undefined, problem: problem ?? { message } };
    }
  }

  dispose() {
    this.extraWatcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
