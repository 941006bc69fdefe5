//! The human-readable report: a header per finding and a code frame with carets under the
//! exact range, like rustc and ruff.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use stowage_core::Diagnostic;
use stowage_core::fix::Applicability;

use super::{FileReport, meta_of};
use crate::out::Paint;
use crate::position::SourceMap;

const TAB_WIDTH: usize = 4;

pub fn render(reports: &[FileReport], paint: Paint) -> String {
    let mut s = String::new();
    for r in reports {
        let map = r.map();
        for d in &r.diagnostics {
            render_one(&mut s, &r.path, &map, d, paint);
        }
    }
    s
}

fn render_one(s: &mut String, path: &str, map: &SourceMap<'_>, d: &Diagnostic, p: Paint) {
    let span = map.span(d.range);
    let _ = writeln!(
        s,
        "{}: {} {} {}",
        p.bold(&format!("{path}:{}:{}", span.line, span.column)),
        p.severity(d.severity, d.code),
        p.severity(d.severity, &format!("[{}]", d.severity)),
        p.bold(&d.message)
    );
    let gutter_width = span.end_line.to_string().len();
    let pad = " ".repeat(gutter_width);
    let bar = p.blue("|");
    let _ = writeln!(s, "{pad} {bar}");
    let last = span.end_line.min(map.line_count());
    let first = span.line;
    let multiline = last > first;
    // Lines to show: the first and last of the range, with `...` between when they are apart.
    let mut shown = vec![first];
    if multiline {
        if last > first + 1 {
            if last == first + 2 {
                shown.push(first + 1);
            } else {
                shown.push(0);
            }
        }
        shown.push(last);
    }
    for line in shown {
        if line == 0 {
            let _ = writeln!(s, "{}", p.blue("..."));
            continue;
        }
        let line_range = map.index.line_range(line - 1, map.source);
        let text = line_range.slice(map.source);
        // The carets' byte range in this line; none on a middle line.
        let carets = if !multiline {
            Some((d.range.start, d.range.end))
        } else if line == first {
            Some((d.range.start, line_range.end))
        } else if line == last {
            let indent = text
                .char_indices()
                .find(|(_, c)| !c.is_whitespace())
                .map_or(text.len(), |(i, _)| i);
            let indent = line_range.start + u32::try_from(indent).unwrap_or(0);
            Some((indent.min(d.range.end), d.range.end))
        } else {
            None
        };
        let (a, b) = carets.unwrap_or((line_range.start, line_range.start));
        let local =
            |x: u32| (x.clamp(line_range.start, line_range.end) - line_range.start) as usize;
        let (a, b) = (local(a), local(b));
        let b = b.max(a);
        let (view, at) = window(text, a);
        let (shown_text, cols) = expand(view);
        let num = format!("{line:>gutter_width$}");
        let before = if at > 0 { "…" } else { "" };
        let after = if at + view.len() < text.len() {
            "…"
        } else {
            ""
        };
        let _ = writeln!(s, "{} {bar} {before}{shown_text}{after}", p.blue(&num));
        if carets.is_none() {
            continue;
        }
        let chars = |x: usize| {
            view.get(..x.clamp(at, at + view.len()) - at)
                .map_or(0, |t| t.chars().count())
        };
        let (from, to) = (chars(a), chars(b));
        let start_col = cols[from] + before.chars().count();
        let width = (cols[to] + before.chars().count() - start_col).max(1);
        let carets = "^".repeat(width);
        let _ = writeln!(
            s,
            "{pad} {bar} {}{}",
            " ".repeat(start_col),
            p.severity(d.severity, &carets)
        );
    }
    for label in &d.labels {
        let ls = map.span(label.range);
        let _ = writeln!(
            s,
            "{pad} {} {}: {}",
            p.blue("="),
            p.bold("note"),
            format_args!("line {}:{}: {}", ls.line, ls.column, label.message)
        );
    }
    if let Some(help) = &d.help {
        let _ = writeln!(s, "{pad} {} {}: {help}", p.blue("="), p.bold("help"));
    }
    if let Some(fix) = &d.fix {
        let kind = match fix.applicability {
            Applicability::Safe => "fix available".to_owned(),
            Applicability::Unsafe => "fix available with --unsafe-fixes".to_owned(),
            Applicability::DisplayOnly => "suggestion".to_owned(),
        };
        let _ = writeln!(s, "{pad} {} {}: {}", p.blue("="), p.green(&kind), fix.title);
    }
    s.push('\n');
}

/// Lines up to this many bytes are shown whole; longer ones as a window around the carets,
/// so a finding on a huge line (a RUN merged into one line, minified JSON) prints a bounded
/// frame: the whole line per finding made the report quadratic in the line's length.
const LONG_LINE: usize = 500;
/// Bytes shown before the carets, and in all, in a window.
const CONTEXT: usize = 100;
const WINDOW: usize = 300;

/// The part of `text` to show for carets starting at byte `a`, and where it starts.
fn window(text: &str, a: usize) -> (&str, usize) {
    if text.len() <= LONG_LINE {
        return (text, 0);
    }
    let floor = |mut i: usize| {
        while i > 0 && !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(a.saturating_sub(CONTEXT));
    let end = floor((start + WINDOW).min(text.len()));
    (text.get(start..end).unwrap_or(""), start)
}

/// Expands tabs and returns the display text plus the display column where each character
/// starts (one extra entry for the end of the line).
fn expand(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut cols = Vec::with_capacity(text.len() + 1);
    let mut col = 0;
    for c in text.chars() {
        cols.push(col);
        if c == '\t' {
            let n = TAB_WIDTH - col % TAB_WIDTH;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else if c.is_control() {
            out.push(' ');
            col += 1;
        } else {
            out.push(c);
            col += char_width(c);
        }
    }
    cols.push(col);
    (out, cols)
}

/// Terminal cell width: 2 for East Asian wide characters and most emoji, 0 for combining
/// marks and joiners, else 1.
fn char_width(c: char) -> usize {
    let u = c as u32;
    match u {
        0x0300..=0x036F | 0x200B..=0x200F | 0xFE00..=0xFE0F | 0x20D0..=0x20FF => 0,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x1F680..=0x1F6FF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// `N problems (E errors, W warnings, …), F fixable with --fix`.
pub fn summary_line(reports: &[FileReport], paint: Paint, unsafe_fixes: bool) -> String {
    let all: Vec<&Diagnostic> = reports.iter().flat_map(|r| &r.diagnostics).collect();
    if all.is_empty() {
        let files = reports.len();
        return format!(
            "{} ({files} file{} checked)\n",
            paint.green("No problems found"),
            if files == 1 { "" } else { "s" }
        );
    }
    let mut parts = Vec::new();
    for sev in super::SEVERITIES {
        let n = all.iter().filter(|d| d.severity == sev).count();
        if n > 0 {
            let word = match sev {
                stowage_core::Severity::Error => plural(n, "error", "errors"),
                stowage_core::Severity::Warning => plural(n, "warning", "warnings"),
                stowage_core::Severity::Info => "info",
                stowage_core::Severity::Style => "style",
            };
            parts.push(format!("{n} {word}"));
        }
    }
    let safe = all
        .iter()
        .filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Safe)
        })
        .count();
    let unsafe_n = all
        .iter()
        .filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Unsafe)
        })
        .count();
    let n = all.len();
    let mut s = format!(
        "{} ({})",
        paint.bold(&format!("{n} {}", plural(n, "problem", "problems"))),
        parts.join(", ")
    );
    let fixable = if unsafe_fixes { safe + unsafe_n } else { safe };
    if fixable > 0 {
        let how = if unsafe_fixes {
            "--fix --unsafe-fixes"
        } else {
            "--fix"
        };
        let _ = write!(s, ", {fixable} fixable with {how}");
    }
    if !unsafe_fixes && unsafe_n > 0 {
        let _ = write!(s, " ({unsafe_n} more with --unsafe-fixes)");
    }
    s.push('\n');
    s
}

const fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// `--statistics` as text: count, code, name, fixability, most frequent first.
pub fn statistics_text(reports: &[FileReport], paint: Paint) -> String {
    let rows = statistics(reports);
    let mut s = String::new();
    let width = rows
        .iter()
        .map(|r| r.count.to_string().len())
        .max()
        .unwrap_or(1);
    let code_w = rows.iter().map(|r| r.code.len()).max().unwrap_or(0);
    let name_w = rows.iter().map(|r| r.name.len()).max().unwrap_or(0);
    for r in &rows {
        let _ = writeln!(
            s,
            "{:>width$}  {}  {:name_w$}  {}",
            r.count,
            paint.severity(r.severity, &format!("{:code_w$}", r.code)),
            r.name,
            if r.fixable > 0 { "[*]" } else { "" }
        );
    }
    s
}

/// One `--statistics` row.
#[derive(serde::Serialize)]
pub struct StatRow {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: stowage_core::Severity,
    pub count: usize,
    /// How many of the findings carry a fix.
    pub fixable: usize,
}

/// Findings per rule, most frequent first (then by code).
pub fn statistics(reports: &[FileReport]) -> Vec<StatRow> {
    let mut by_code: BTreeMap<&'static str, StatRow> = BTreeMap::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        let row = by_code.entry(d.code).or_insert_with(|| StatRow {
            code: d.code,
            name: d.name,
            severity: meta_of(d).map_or(d.severity, |m| m.severity),
            count: 0,
            fixable: 0,
        });
        row.count += 1;
        row.severity = row.severity.max(d.severity);
        if d.fix.is_some() {
            row.fixable += 1;
        }
    }
    let mut rows: Vec<StatRow> = by_code.into_values().collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    rows
}
