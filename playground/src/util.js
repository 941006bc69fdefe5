// Small helpers: a Markdown renderer for rule docs, a line diff, byte/UTF-16 offset mapping.

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function inline(text) {
  // Code spans first, so their contents are not formatted.
  const parts = text.split(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/);
  let html = '';
  for (let i = 0; i < parts.length; i++) {
    if (i % 3 === 0) {
      html += escapeHtml(parts[i])
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
        .replace(/(^|[\s(])_([^_\s][^_]*)_(?=[\s).,;:]|$)/g, '$1<em>$2</em>')
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (m, label, href) =>
          /^(https?:|#)/.test(href.replace(/&amp;/g, '&'))
            ? `<a href="${href}" target="_blank" rel="noopener noreferrer">${label}</a>`
            : label,
        );
    } else if (i % 3 === 2) {
      html += `<code>${escapeHtml(parts[i])}</code>`;
    }
  }
  return html;
}

/** Markdown → HTML for the rule docs: headings, paragraphs, lists, fenced code, quotes, inline code/emphasis/links. */
export function markdown(src) {
  const lines = String(src).replace(/\r\n?/g, '\n').split('\n');
  let html = '';
  let para = [];
  let list = null; // 'ul' | 'ol'
  const flush = () => {
    if (para.length) html += `<p>${inline(para.join(' '))}</p>`;
    para = [];
  };
  const closeList = () => {
    if (list) html += `</${list}>`;
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = line.match(/^\s*(```|~~~)\s*([\w+-]*)/);
    if (fence) {
      flush();
      closeList();
      const body = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(fence[1])) body.push(lines[i++]);
      const lang = fence[2] ? ` data-lang="${escapeHtml(fence[2])}"` : '';
      html += `<pre class="code"${lang}><code>${escapeHtml(body.join('\n'))}</code></pre>`;
      continue;
    }
    const h = line.match(/^(#{1,6})\s+(.*)$/);
    if (h) {
      flush();
      closeList();
      const level = Math.min(6, h[1].length + 2); // docs use ##; render as h4 inside a rule card
      html += `<h${level}>${inline(h[2])}</h${level}>`;
      continue;
    }
    const li = line.match(/^\s*([-*+]|\d+[.)])\s+(.*)$/);
    if (li) {
      flush();
      const kind = /\d/.test(li[1]) ? 'ol' : 'ul';
      if (list !== kind) {
        closeList();
        html += `<${kind}>`;
        list = kind;
      }
      html += `<li>${inline(li[2])}</li>`;
      continue;
    }
    if (/^\s*>/.test(line)) {
      flush();
      closeList();
      html += `<blockquote>${inline(line.replace(/^\s*>\s?/, ''))}</blockquote>`;
      continue;
    }
    if (!line.trim()) {
      flush();
      closeList();
      continue;
    }
    if (list && /^\s{2,}/.test(line)) {
      html = html.replace(/<\/li>$/, ` ${inline(line.trim())}</li>`);
      continue;
    }
    closeList();
    para.push(line.trim());
  }
  flush();
  closeList();
  return html;
}

/** Line diff (LCS) → [{ op: ' ' | '-' | '+', text, a, b }] with 1-based line numbers. */
export function lineDiff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  // Trim the common prefix and suffix; the remaining middle is small in practice.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  const out = [];
  for (let i = 0; i < start; i++) out.push({ op: ' ', text: a[i], a: i + 1, b: i + 1 });
  if (n * m > 4_000_000) {
    for (let i = start; i < endA; i++) out.push({ op: '-', text: a[i], a: i + 1 });
    for (let j = start; j < endB; j++) out.push({ op: '+', text: b[j], b: j + 1 });
  } else {
    const w = m + 1;
    const dp = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        dp[i * w + j] = a[start + i] === b[start + j] ? dp[(i + 1) * w + j + 1] + 1 : Math.max(dp[(i + 1) * w + j], dp[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        out.push({ op: ' ', text: a[start + i], a: start + i + 1, b: start + j + 1 });
        i++;
        j++;
      } else if (i < n && (j === m || dp[(i + 1) * w + j] >= dp[i * w + j + 1])) {
        out.push({ op: '-', text: a[start + i], a: start + i + 1 });
        i++;
      } else {
        out.push({ op: '+', text: b[start + j], b: start + j + 1 });
        j++;
      }
    }
  }
  for (let k = 0; k < a.length - endA; k++) out.push({ op: ' ', text: a[endA + k], a: endA + k + 1, b: endB + k + 1 });
  return out;
}

/** UTF-8 byte offset in `text` → UTF-16 index. */
export function byteToIndex(text, byte) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    if (bytes >= byte) return i;
    const c = text.codePointAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c >= 0x10000) i++;
  }
  return text.length;
}

export function debounce(fn, ms) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Text with `code spans` → DOM nodes (engine messages use backticks). */
export function richText(text) {
  const parts = String(text).split(/`([^`]+)`/);
  return parts.map((part, i) => (i % 2 ? h('code', { text: part }) : document.createTextNode(part)));
}
