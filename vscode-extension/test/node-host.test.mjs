// The desktop extension host runs the bundle in Node. No desktop VS Code can be downloaded here,
// so this loads dist/extension.js in Node with a small stand-in for the `vscode` module and checks
// that it activates (the .wasm read through workspace.fs), lints a document and publishes exact
// diagnostics. The real-VS-Code coverage is the web suite; this catches Node-only breakage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Module, { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);

class Emitter {
  listeners = new Set();
  event = (fn) => {
    this.listeners.add(fn);
    return { dispose: () => this.listeners.delete(fn) };
  };
  fire(v) {
    for (const l of this.listeners) l(v);
  }
  dispose() {}
}

class Uri {
  constructor(scheme, path, authority = '') {
    this.scheme = scheme;
    this.path = path;
    this.authority = authority;
  }
  static file(p) {
    return new Uri('file', p);
  }
  static parse(s) {
    const m = /^([a-z][a-z0-9+.-]*):(?:\/\/([^/]*))?(.*)$/i.exec(s);
    return new Uri(m[1], m[3], m[2] ?? '');
  }
  static joinPath(u, ...parts) {
    return new Uri(u.scheme, path.posix.normalize(path.posix.join(u.path, ...parts)), u.authority);
  }
  with(c) {
    return new Uri(c.scheme ?? this.scheme, c.path ?? this.path, this.authority);
  }
  toString() {
    return `${this.scheme}://${this.authority}${this.path}`;
  }
  get fsPath() {
    return this.path;
  }
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
}
class Range {
  constructor(a, b, c, d) {
    this.start = new Position(a, b);
    this.end = new Position(c, d);
  }
  isEqual(o) {
    return JSON.stringify(this) === JSON.stringify(o);
  }
}
class Kind {
  constructor(value) {
    this.value = value;
  }
  append(p) {
    return new Kind(`${this.value}.${p}`);
  }
  contains(o) {
    return o.value === this.value || o.value.startsWith(`${this.value}.`);
  }
}

const published = new Map();
const events = { open: new Emitter(), change: new Emitter() };
const noop = () => ({ dispose() {} });
const settings = { enable: true, run: 'onType', debounce: 0, imageGlob: '', select: [], ignore: [], severity: {}, configPath: '' };

const vscode = {
  Uri,
  Position,
  Range,
  EventEmitter: Emitter,
  Disposable: { from: () => ({ dispose() {} }) },
  ThemeColor: class {},
  MarkdownString: class {},
  Hover: class {},
  WorkspaceEdit: class {},
  CodeAction: class {},
  Location: class {
    constructor(uri, range) {
      Object.assign(this, { uri, range });
    }
  },
  DiagnosticRelatedInformation: class {
    constructor(location, message) {
      Object.assign(this, { location, message });
    }
  },
  Diagnostic: class {
    constructor(range, message, severity) {
      Object.assign(this, { range, message, severity });
    }
  },
  RelativePattern: class {},
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  FileType: { File: 1, Directory: 2 },
  UIKind: { Desktop: 1, Web: 2 },
  EndOfLine: { LF: 1, CRLF: 2 },
  CodeActionKind: { QuickFix: new Kind('quickfix'), SourceFixAll: new Kind('source.fixAll'), Source: new Kind('source') },
  env: { uiKind: 1 },
  window: {
    createOutputChannel: () => ({ info() {}, warn() {}, error() {}, trace() {}, show() {}, dispose() {} }),
    createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }),
    activeTextEditor: undefined,
    onDidChangeActiveTextEditor: noop,
  },
  workspace: {
    isTrusted: true,
    textDocuments: [],
    workspaceFolders: undefined,
    fs: {
      readFile: async (uri) => new Uint8Array(fs.readFileSync(uri.path)), // as the desktop host does
      stat: async (uri) => {
        const st = fs.statSync(uri.path);
        return { type: st.isFile() ? 1 : 2 };
      },
    },
    getConfiguration: () => ({ get: (k, d) => (k in settings ? settings[k] : d) }),
    getWorkspaceFolder: () => undefined,
    asRelativePath: (u) => u.path,
    createFileSystemWatcher: () => ({ onDidCreate: noop, onDidChange: noop, onDidDelete: noop, dispose() {} }),
    onDidOpenTextDocument: events.open.event,
    onDidChangeTextDocument: events.change.event,
    onDidSaveTextDocument: noop,
    onDidCloseTextDocument: noop,
    onDidChangeConfiguration: noop,
    onDidGrantWorkspaceTrust: noop,
    onDidChangeWorkspaceFolders: noop,
  },
  languages: {
    createDiagnosticCollection: () => ({
      set: (uri, d) => published.set(uri.toString(), d),
      delete: (uri) => published.delete(uri.toString()),
      clear: () => published.clear(),
      dispose() {},
    }),
    registerCodeActionsProvider: noop,
    registerHoverProvider: noop,
    match: () => 0,
  },
  commands: { registerCommand: noop },
};

function textDocument(uri, text, languageId = 'dockerfile') {
  const lines = text.split('\n');
  return {
    uri,
    languageId,
    version: 1,
    isClosed: false,
    eol: 1,
    getText: () => text,
    get lineCount() {
      return lines.length;
    },
    lineAt: (i) => ({ text: lines[i] }),
  };
}

test('the bundle activates and lints in a Node extension host', async () => {
  const bundle = path.join(root, 'dist/extension.js');
  assert.ok(fs.existsSync(bundle), 'run node scripts/build.mjs first');
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
  let ext;
  try {
    ext = require(bundle);
  } finally {
    Module._load = load;
  }
  const ctx = { subscriptions: [], extensionUri: Uri.file(root) };
  const api = await ext.activate(ctx);
  assert.match(api.engineVersion, /^\d+\.\d+\.\d+/);

  const dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'stowage-node-host-'));
  const file = path.join(dir, 'Dockerfile');
  const text = 'FROM alpine:3.20\nMAINTAINER someone\n';
  fs.writeFileSync(file, text);
  const doc = textDocument(Uri.file(file), text);
  vscode.workspace.textDocuments.push(doc);
  events.open.fire(doc);
  for (let i = 0; i < 100 && !published.has(doc.uri.toString()); i++) await new Promise((r) => setTimeout(r, 10));
  const diags = published.get(doc.uri.toString());
  assert.ok(diags, 'diagnostics published');
  const cor = diags.find((d) => d.code.value === 'COR001');
  assert.ok(cor, `COR001 in ${JSON.stringify(diags.map((d) => d.code.value))}`);
  assert.deepEqual([cor.range.start.line, cor.range.start.character, cor.range.end.line, cor.range.end.character], [1, 0, 1, 10]);
  assert.equal(cor.severity, vscode.DiagnosticSeverity.Warning);
  assert.equal(cor.code.target.toString(), 'https://stowage.dev/docs/rules/COR001-maintainer-deprecated.md');
  for (const s of ctx.subscriptions) s.dispose?.();
  fs.rmSync(dir, { recursive: true, force: true });
});
