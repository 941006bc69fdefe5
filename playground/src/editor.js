// CodeMirror setup shared by the three editors (Dockerfile, stowage.toml, image JSON).
import { EditorState } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
  highlightSpecialChars, dropCursor,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching } from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { highlight } from './lang.js';

export const theme = EditorView.theme({
  '&': { color: 'var(--fg)', backgroundColor: 'var(--editor-bg)', height: '100%', fontSize: '13.5px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.6' },
  '.cm-content': { caretColor: 'var(--accent)', padding: '8px 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--accent)', borderLeftWidth: '2px' },
  '&.cm-focused': { outline: 'none' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: 'var(--selection) !important' },
  '.cm-gutters': { backgroundColor: 'var(--editor-gutter)', color: 'var(--muted)', border: 'none', borderRight: '1px solid var(--border)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)', color: 'var(--fg)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 10px 0 12px', minWidth: '32px' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--fg)', border: '1px solid var(--border)', borderRadius: '8px', boxShadow: 'var(--shadow)', overflow: 'hidden' },
  '.cm-tooltip-lint': { padding: '0', maxWidth: 'min(560px, 92vw)' },
  '.cm-diagnostic': { padding: '8px 12px', borderLeftWidth: '4px', fontFamily: 'var(--sans)', fontSize: '13px', lineHeight: '1.45' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--sev-error)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--sev-warning)' },
  '.cm-diagnostic-info': { borderLeftColor: 'var(--sev-info)' },
  '.cm-diagnostic-hint': { borderLeftColor: 'var(--sev-style)' },
  '.cm-diagnosticAction': { backgroundColor: 'var(--accent)', color: 'var(--accent-fg)', borderRadius: '6px', padding: '3px 10px', marginTop: '6px', font: '600 12px var(--sans)', marginLeft: '0', marginRight: '8px' },
  '.cm-diagnosticAction:focus-visible': { outline: '2px solid var(--focus)', outlineOffset: '2px' },
  '.cm-panels': { backgroundColor: 'var(--surface)', color: 'var(--fg)' },
  '.cm-lintPoint-warning:after': { borderBottomColor: 'var(--sev-warning)' },
  '.cm-lintPoint-error:after': { borderBottomColor: 'var(--sev-error)' },
  '.cm-lintPoint-info:after': { borderBottomColor: 'var(--sev-info)' },
  '.cm-lintPoint-hint:after': { borderBottomColor: 'var(--sev-style)' },
});

export function createEditor({ parent, doc, language, onChange, label, extra = [], gutter = true }) {
  const extensions = [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    dropCursor(),
    bracketMatching(),
    highlightActiveLine(),
    keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
    language,
    highlight,
    theme,
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true', spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged && onChange) onChange(u);
    }),
    ...extra,
  ];
  if (gutter) extensions.splice(1, 0, lintGutter());
  return new EditorView({ parent, state: EditorState.create({ doc, extensions }) });
}

/** A 0-based {line, character} (UTF-16) → document offset, clamped. */
export function toOffset(doc, pos) {
  if (pos.line >= doc.lines) return doc.length;
  const line = doc.line(pos.line + 1);
  return Math.min(line.from + pos.character, line.to);
}

/** Replaces the whole document with `text` as one minimal change (keeps the cursor where it can). */
export function replaceAll(view, text) {
  const old = view.state.doc.toString();
  if (old === text) return false;
  let start = 0;
  while (start < old.length && start < text.length && old[start] === text[start]) start++;
  let endOld = old.length;
  let endNew = text.length;
  while (endOld > start && endNew > start && old[endOld - 1] === text[endNew - 1]) {
    endOld--;
    endNew--;
  }
  view.dispatch({ changes: { from: start, to: endOld, insert: text.slice(start, endNew) }, userEvent: 'input.fix' });
  return true;
}
