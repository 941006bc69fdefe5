// Syntax highlighting: a small Dockerfile StreamLanguage (instructions, flags, variables, strings,
// comments, parser directives, heredocs, `\` or `` ` `` continuations) plus TOML and JSON from
// @codemirror/legacy-modes.
import { StreamLanguage, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { toml } from '@codemirror/legacy-modes/mode/toml';

const INSTRUCTIONS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

const dockerfileMode = {
  name: 'dockerfile',
  startState: () => ({
    escape: '\\',
    directives: true, // parser directives are only allowed before anything else
    cont: false, // this line continues the previous instruction
    keyword: null, // the current instruction
    expectKeyword: false, // after ONBUILD
    heredocs: [], // pending heredoc terminators
    inHeredoc: null,
  }),
  copyState: (s) => ({ ...s, heredocs: s.heredocs.slice() }),
  token(stream, state) {
    if (stream.sol()) {
      if (state.inHeredoc) {
        const line = stream.string.replace(/^\t+/, '');
        if (line === state.inHeredoc) {
          stream.skipToEnd();
          state.inHeredoc = state.heredocs.shift() || null;
          return 'meta';
        }
        stream.skipToEnd();
        return 'string.special';
      }
      const trimmed = stream.string.trim();
      const isComment = trimmed.startsWith('#');
      if (!state.cont && !isComment && trimmed) {
        state.keyword = null;
        state.expectKeyword = true;
      }
      if (trimmed && !isComment) {
        const esc = state.escape === '`' ? '`' : '\\\\';
        state.nextCont = new RegExp(`${esc}\\s*$`).test(stream.string);
      } else {
        state.nextCont = state.cont;
      }
    }
    if (stream.eatSpace()) return null;

    if (stream.peek() === '#' && (state.expectKeyword || stream.string.trim().startsWith('#'))) {
      const m = state.directives && stream.match(/^#\s*(syntax|escape|check)\s*=\s*(\S*)\s*$/i, false);
      stream.skipToEnd();
      if (m) {
        if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) state.escape = m[2];
        return 'meta';
      }
      state.directives = false;
      return 'comment';
    }
    state.directives = false;

    if (state.expectKeyword) {
      const m = stream.match(/^[A-Za-z]+/);
      if (m) {
        state.expectKeyword = false;
        const word = m[0].toUpperCase();
        state.keyword = word;
        if (word === 'ONBUILD') state.expectKeyword = true;
        return INSTRUCTIONS.has(word) ? 'keyword' : 'invalid';
      }
      state.expectKeyword = false;
    }

    if (stream.match(/^--[A-Za-z][\w-]*(=)?/)) return 'attributeName';
    if (stream.match(/^\$\{[^}\s]*\}?/) || stream.match(/^\$[A-Za-z_][A-Za-z0-9_]*/)) return 'variableName.special';
    if (stream.match(/^<<-?(["']?)([A-Za-z_][\w]*)\1/)) {
      const name = stream.current().replace(/^<<-?["']?/, '').replace(/["']$/, '');
      state.heredocs.push(name);
      return 'meta';
    }
    const ch = stream.peek();
    if (ch === '"' || ch === "'") {
      stream.next();
      let escaped = false;
      while (!stream.eol()) {
        const c = stream.next();
        if (c === ch && !escaped) break;
        escaped = !escaped && c === state.escape && ch === '"';
      }
      return 'string';
    }
    if (state.keyword === 'FROM' && stream.match(/^as\b/i)) return 'keyword';
    if (stream.match(/^(&&|\|\||[;|])/)) return 'operator';
    if (stream.match(/^\d+(\.\d+)*\b/)) return 'number';
    if (stream.match(/^[^\s"'$\\`&|;]+/)) return null;
    stream.next();
    return null;
  },
  blankLine(state) {
    // A blank line inside a continuation does not end the instruction.
    if (!state.inHeredoc) state.nextCont = state.cont;
  },
  languageData: { commentTokens: { line: '#' } },
};

// The end-of-line bookkeeping: CodeMirror calls token() until eol; we fold the continuation
// and pending heredocs into the state when a line is done.
const baseToken = dockerfileMode.token;
dockerfileMode.token = (stream, state) => {
  const style = baseToken(stream, state);
  if (stream.eol()) {
    if (!state.inHeredoc && state.heredocs.length) state.inHeredoc = state.heredocs.shift();
    state.cont = !!state.nextCont;
  }
  return style;
};

export const dockerfile = StreamLanguage.define(dockerfileMode);
export const tomlLang = StreamLanguage.define(toml);
// A small JSON mode (the legacy JavaScript mode is 10x larger): keys, strings, numbers, literals.
export const jsonLang = StreamLanguage.define({
  name: 'json',
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return stream.match(/^\s*:/, false) ? 'propertyName' : 'string';
    if (stream.match(/^-?\d+(\.\d+)?([eE][+-]?\d+)?/)) return 'number';
    if (stream.match(/^(true|false|null)\b/)) return 'atom';
    if (stream.match(/^[{}[\]]/)) return 'bracket';
    stream.next();
    return null;
  },
});

export const highlight = syntaxHighlighting(
  HighlightStyle.define([
    { tag: t.keyword, color: 'var(--hl-keyword)', fontWeight: '600' },
    { tag: t.comment, color: 'var(--hl-comment)', fontStyle: 'italic' },
    { tag: [t.string, t.special(t.string)], color: 'var(--hl-string)' },
    { tag: t.meta, color: 'var(--hl-meta)' },
    { tag: t.attributeName, color: 'var(--hl-flag)' },
    { tag: [t.special(t.variableName), t.variableName], color: 'var(--hl-var)' },
    { tag: [t.number, t.bool, t.atom], color: 'var(--hl-number)' },
    { tag: [t.propertyName, t.definition(t.propertyName)], color: 'var(--hl-keyword)' },
    { tag: t.operator, color: 'var(--hl-op)' },
    { tag: t.invalid, color: 'var(--sev-error)' },
    { tag: [t.heading, t.typeName], color: 'var(--hl-flag)', fontWeight: '600' },
  ]),
);
