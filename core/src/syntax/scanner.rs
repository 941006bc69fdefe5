//! Phase 1 and 2 of parsing: physical lines → directives, comments, blank lines and logical
//! instruction lines (continuations joined, inner comments skipped, heredoc bodies attached),
//! following BuildKit's scanner line by line.

use crate::text::TextRange;

use super::ast::{
    Comment, Directive, Dockerfile, Heredoc, Item, ItemKind, SyntaxError, SyntaxErrorKind,
};
use super::instruction::parse_instruction;
use super::logical::{LogicalLine, to_u32};

/// One physical line: `range` without the terminator, `full` with it.
#[derive(Clone, Copy, Debug)]
struct Line {
    /// Content with trailing `\r`/`\n` removed (BuildKit's `trimNewline`).
    content: TextRange,
    /// Up to and including the `\n`.
    full: TextRange,
}

fn split_lines(src: &str) -> Vec<Line> {
    let bytes = src.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 40 + 1);
    let mut start = 0;
    while start < bytes.len() {
        let nl = bytes
            .get(start..)
            .and_then(|rest| crate::util::text::find_either(rest, b'\n', b'\n'))
            .map(|i| start + i);
        let full_end = nl.map_or(bytes.len(), |i| i + 1);
        let mut end = full_end;
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        lines.push(Line {
            content: TextRange::from_usize(start, end),
            full: TextRange::from_usize(start, full_end),
        });
        start = full_end;
    }
    lines
}

/// Offset of the first non-whitespace char of `s` (Go's `TrimLeftFunc(unicode.IsSpace)`).
/// Runs on every line, which nearly always starts with a letter or `#`: a plain byte loop, with
/// the Unicode tables only at a non-ASCII byte.
fn leading_ws(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if !matches!(c, b'\t'..=b'\r' | b' ') {
            if !c.is_ascii() {
                return s.len() - s.get(i..).unwrap_or_default().trim_start().len();
            }
            break;
        }
        i += 1;
    }
    i
}

/// BuildKit's `([^E])E[ \t]*$` for escape char `E`: the offset of the escape char when the line
/// continues. An escaped escape (`\\` at the end) does not continue; a lone escape does. The
/// escape char is `\\` or `` ` ``, so bytes suffice: an ASCII byte is never inside a longer
/// character.
fn continuation_at(s: &str, escape: char) -> Option<usize> {
    let b = s.as_bytes();
    let escape = u8::try_from(escape).ok()?;
    let mut end = b.len();
    while end > 0 && matches!(b.get(end - 1), Some(b' ' | b'\t')) {
        end -= 1;
    }
    let at = end.checked_sub(1)?;
    if !matches!(b.get(at), Some(&c) if c == escape) {
        return None;
    }
    match at.checked_sub(1).and_then(|p| b.get(p)) {
        Some(&prev) if prev == escape => None,
        _ => Some(at),
    }
}

struct DirectiveParser {
    done: bool,
}

impl DirectiveParser {
    /// BuildKit's `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` with names syntax/escape/check.
    fn parse(&mut self, src: &str, line: TextRange) -> Option<Directive> {
        if self.done {
            return None;
        }
        let text = line.slice(src);
        let lead = leading_ws(text);
        let body = &text[lead..];
        let Some(rest) = body.strip_prefix('#') else {
            self.done = true;
            return None;
        };
        let after_hash = lead + 1 + leading_ws(rest);
        let rest = &text[after_hash..];
        let name_len = rest
            .char_indices()
            .take_while(|(i, c)| {
                if *i == 0 {
                    c.is_ascii_alphabetic()
                } else {
                    c.is_ascii_alphanumeric()
                }
            })
            .count();
        let name = &rest[..name_len];
        let after_name = &rest[name_len..];
        let eq = leading_ws(after_name);
        let lower = name.to_ascii_lowercase();
        if name.is_empty()
            || !after_name[eq..].starts_with('=')
            || !matches!(lower.as_str(), "syntax" | "escape" | "check")
        {
            self.done = true;
            return None;
        }
        let value_part = &after_name[eq + 1..];
        let vlead = leading_ws(value_part);
        let value = crate::util::text::trim_end(&value_part[vlead..]);
        if value.is_empty() {
            self.done = true;
            return None;
        }
        let base = line.start_usize() + after_hash;
        let value_start = base + name_len + eq + 1 + vlead;
        Some(Directive {
            range: line,
            name: lower,
            name_range: TextRange::from_usize(base, base + name_len),
            value: value.to_owned(),
            value_range: TextRange::from_usize(value_start, value_start + value.len()),
        })
    }
}

/// Decodes bytes as UTF-8. Invalid sequences become U+FFFD and the first one is reported
/// (positioned in the returned text), so a Latin-1 file is still checked.
#[must_use]
pub fn decode(bytes: &[u8]) -> (String, Option<SyntaxError>) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), None),
        Err(e) => {
            let valid = e.valid_up_to();
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad_len = '\u{FFFD}'.len_utf8();
            let error = SyntaxError {
                kind: SyntaxErrorKind::InvalidUtf8,
                range: TextRange::from_usize(valid, (valid + bad_len).min(text.len())),
                message: format!("the file is not valid UTF-8 (byte {valid})"),
                help: Some(
                    "save the Dockerfile as UTF-8; Stowage read the bad bytes as U+FFFD".into(),
                ),
            };
            (text, Some(error))
        }
    }
}

/// Parses bytes that may not be valid UTF-8; returns the decoded text and its parse.
#[must_use]
pub fn parse_bytes(bytes: &[u8]) -> (String, Dockerfile) {
    let (text, error) = decode(bytes);
    let mut df = parse(&text);
    if let Some(e) = error {
        df.errors.insert(0, e);
    }
    (text, df)
}

/// Parses a whole Dockerfile. Never fails: problems become [`SyntaxError`]s.
#[must_use]
pub fn parse(src: &str) -> Dockerfile {
    let mut df = Dockerfile {
        escape: '\\',
        ..Dockerfile::default()
    };
    if src.len() > u32::MAX as usize {
        df.errors.push(SyntaxError {
            kind: SyntaxErrorKind::Invalid,
            range: TextRange::default(),
            message: "file is larger than 4 GiB".into(),
            help: Some("split the Dockerfile; Stowage only reads files under 4 GiB".into()),
        });
        return df;
    }
    let lines = split_lines(src);
    // A slice: indexing the `Vec` is a call per access in the size-optimised build.
    let lines = lines.as_slice();
    let mut directives = DirectiveParser { done: false };
    let bom_len = if src.starts_with('\u{feff}') { 3 } else { 0 };
    df.bom = bom_len > 0;
    // The file ranges of the current logical line's pieces (one per physical line).
    let mut pieces: Vec<TextRange> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let mut content = line.content;
        if i == 0 {
            content.start += bom_len;
            content.start = content.start.min(content.end);
        }
        let text = content.slice(src);
        // Directives first: they are only valid before anything else.
        if let Some(d) = directives.parse(src, content) {
            if d.name == "escape" {
                match d.value.as_str() {
                    "\\" => df.escape = '\\',
                    "`" => df.escape = '`',
                    _ => df.errors.push(SyntaxError {
                        kind: SyntaxErrorKind::InvalidDirective,
                        range: d.value_range,
                        message: format!("invalid escape character '{}'", d.value),
                        help: Some("the escape directive accepts only `\\` or `` ` ``".into()),
                    }),
                }
            }
            if df.directives.iter().any(|x| x.name == d.name) {
                df.errors.push(SyntaxError {
                    kind: SyntaxErrorKind::InvalidDirective,
                    range: d.range,
                    message: format!("the `{}` directive is given twice", d.name),
                    help: Some(
                        "keep only one; Docker refuses to build with duplicate directives".into(),
                    ),
                });
            }
            df.items.push(Item {
                range: line.full,
                kind: ItemKind::Directive(df.directives.len()),
            });
            df.directives.push(d);
            i += 1;
            continue;
        }
        let lead = leading_ws(text);
        if matches!(text.as_bytes().get(lead), Some(b'#')) {
            let body = crate::util::text::trim(&text[lead + 1..]);
            let body_start = content.start_usize() + lead + 1 + leading_ws(&text[lead + 1..]);
            df.items.push(Item {
                range: line.full,
                kind: ItemKind::Comment(Comment {
                    range: TextRange::from_usize(content.start_usize() + lead, content.end_usize()),
                    text_range: TextRange::from_usize(body_start, body_start + body.len()),
                    inside_instruction: false,
                }),
            });
            i += 1;
            continue;
        }
        let start = content.start_usize() + lead;
        let first = TextRange::from_usize(start, content.end_usize());
        let first_text = first.slice(src);
        let cont = continuation_at(first_text, df.escape);
        if cont.is_none() && first_text.is_empty() {
            df.items.push(Item {
                range: line.full,
                kind: ItemKind::Blank,
            });
            i += 1;
            continue;
        }
        // A logical instruction line. Its pieces are found first, so its text is allocated
        // once at its full size (pushing line by line grew it several times in long RUNs).
        pieces.clear();
        pieces.push(TextRange::from_usize(
            start,
            start + cont.unwrap_or(first_text.len()),
        ));
        let start_line = to_u32(i);
        let mut end_range_end = content.end;
        let mut empty_continuations = Vec::new();
        let mut continues = cont.is_some();
        i += 1;
        while continues && i < lines.len() {
            let l = lines[i];
            let t = l.content.slice(src);
            i += 1;
            // One whitespace scan answers both: a comment line, or an empty one.
            let lead = leading_ws(t);
            if matches!(t.as_bytes().get(lead), Some(b'#')) {
                end_range_end = l.content.end;
                continue;
            }
            if lead == t.len() {
                empty_continuations.push(l.content);
                continue;
            }
            end_range_end = l.content.end;
            let c = continuation_at(t, df.escape);
            pieces.push(TextRange::new(
                l.content.start,
                l.content.start + to_u32(c.unwrap_or(t.len())),
            ));
            continues = c.is_some();
        }
        let mut logical = LogicalLine::with_capacity(
            pieces.iter().map(|p| p.end_usize() - p.start_usize()).sum(),
            pieces.len(),
        );
        for &piece in &pieces {
            logical.push(src, piece);
        }
        let mut end_line = to_u32(i - 1);
        let mut ins = parse_instruction(logical, df.escape, &mut df.errors, 0);
        // Heredoc bodies follow the instruction line.
        if matches!(
            ins.keyword,
            super::Keyword::Run | super::Keyword::Copy | super::Keyword::Add
        ) {
            let markers = super::heredoc::find_markers(ins.line.as_str());
            let has_args = !ins.args_range.is_empty();
            let json = matches!(
                &ins.args,
                super::Args::Run {
                    command: Some(super::CommandForm::Exec(_)),
                    ..
                } | super::Args::Copy { json: true, .. }
            );
            if has_args && !json {
                for marker in markers {
                    let body_start = lines.get(i).map_or(to_u32(src.len()), |l| l.full.start);
                    let mut terminator = None;
                    while i < lines.len() {
                        let l = lines[i];
                        i += 1;
                        let mut t = l.content.slice(src);
                        if marker.chomp {
                            t = t.trim_start_matches('\t');
                        }
                        if t == marker.name {
                            terminator = Some(l.content);
                            break;
                        }
                    }
                    let body_end = match terminator {
                        Some(t) => {
                            end_range_end = t.end;
                            t.start
                        }
                        None => {
                            end_range_end = to_u32(src.len());
                            to_u32(src.len())
                        }
                    };
                    let content_range = TextRange::new(body_start, body_end.max(body_start));
                    let marker_range = ins
                        .line
                        .range_to_file(TextRange::from_usize(marker.start, marker.end));
                    if terminator.is_none() {
                        df.errors.push(SyntaxError {
                            kind: SyntaxErrorKind::UnterminatedHeredoc,
                            range: marker_range,
                            message: format!("heredoc `{}` is never terminated", marker.name),
                            help: Some(format!(
                                "add a line containing only `{}` after the heredoc body",
                                marker.name
                            )),
                        });
                    }
                    ins.heredocs.push(Heredoc {
                        name: marker.name,
                        marker_range,
                        file_descriptor: marker.fd,
                        chomp: marker.chomp,
                        quoted: marker.quoted,
                        content: content_range.slice(src).to_owned(),
                        content_range,
                        terminator_range: terminator,
                    });
                    end_line = to_u32(i.saturating_sub(1));
                }
            }
        }
        ins.start_line = start_line;
        ins.end_line = end_line;
        ins.range = TextRange::new(to_u32(start), end_range_end.max(to_u32(start)));
        ins.empty_continuation_lines = empty_continuations;
        // The item covers whole physical lines, so items tile the file.
        let item_start = lines[start_line as usize].full.start;
        let item_end = lines
            .get(end_line as usize)
            .map_or(to_u32(src.len()), |l| l.full.end);
        df.items.push(Item {
            range: TextRange::new(item_start, item_end),
            kind: ItemKind::Instruction(Box::new(ins)),
        });
    }
    if bom_len > 0
        && let Some(first) = df.items.first_mut()
    {
        first.range.start = 0;
    }
    super::validate::validate(src, &mut df);
    df
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_tile_the_input() {
        let src = "# syntax=docker/dockerfile:1\n\nFROM a \\\n # c\n\n  AS b\nRUN <<EOF\nx\nEOF\n";
        let df = parse(src);
        let mut at = 0;
        for item in &df.items {
            assert_eq!(item.range.start, at);
            at = item.range.end;
        }
        assert_eq!(at as usize, src.len());
    }
}
