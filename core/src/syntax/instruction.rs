//! Phase 3: one logical line → a typed [`Instruction`], with BuildKit's per-keyword argument rules.

use crate::text::TextRange;
use crate::util::text::{trim, trim_end, trim_start};

use super::ast::{
    ArgDecl, Args, CommandForm, ExecForm, Flag, Healthcheck, Instruction, KeyValue, Keyword,
    ShellForm, SyntaxError, SyntaxErrorKind, Word,
};
use super::flags::parse_mount;
use super::json::{JsonArray, parse_json_array};
use super::logical::LogicalLine;
use super::words::{RawWord, extract_flags, is_ws_class, parse_words, split_whitespace_class};

/// Maps words found in a logical line to file-positioned [`Word`]s.
struct Ctx<'a> {
    line: &'a LogicalLine,
    errors: &'a mut Vec<SyntaxError>,
}

impl Ctx<'_> {
    fn range(&self, start: usize, end: usize) -> TextRange {
        self.line.range_to_file(TextRange::from_usize(start, end))
    }

    fn word(&self, w: RawWord) -> Word {
        Word {
            range: self.range(w.start, w.end),
            text: w.text,
        }
    }

    fn error(&mut self, kind: SyntaxErrorKind, range: TextRange, message: String, help: &str) {
        self.errors.push(SyntaxError {
            kind,
            range,
            message,
            help: Some(help.to_owned()),
        });
    }
}

/// Parses one logical line. `depth` is 1 inside ONBUILD (no deeper nesting is parsed).
pub(crate) fn parse_instruction(
    line: LogicalLine,
    escape: char,
    errors: &mut Vec<SyntaxError>,
    depth: u32,
) -> Instruction {
    let text = line.as_str();
    let trimmed_start = text.len() - trim_start(text).len();
    let trimmed_end = trim_end(text).len().max(trimmed_start);
    let body = &text[trimmed_start..trimmed_end];
    let kw_len = body.bytes().position(is_ws_class).unwrap_or(body.len());
    let keyword_text = &body[..kw_len];
    let keyword = Keyword::parse(keyword_text);
    let mut cx = Ctx {
        line: &line,
        errors,
    };
    let keyword_range = cx.range(trimmed_start, trimmed_start + kw_len);

    // Flags, then the argument text.
    let after_kw = trimmed_start + kw_len;
    let rest = &text[after_kw..trimmed_end];
    let (raw_flags, args_off) = extract_flags(rest, after_kw);
    let args_start = after_kw + args_off;
    let args_str = trim(&text[args_start..trimmed_end]);
    let args_start = args_start
        + (text[args_start..trimmed_end].len() - trim_start(&text[args_start..trimmed_end]).len());
    let args_end = args_start + args_str.len();
    let args_range = TextRange::from_usize(args_start, args_end);
    let flags: Vec<Flag> = raw_flags.into_iter().map(|w| make_flag(&cx, w)).collect();

    let args = match keyword {
        Keyword::From => {
            let words = ws_words(args_str, args_start);
            let mut it = words.into_iter().map(|w| cx.word(w));
            let image = it.next();
            let as_keyword = it.next();
            let alias = it.next();
            Args::From {
                image,
                as_keyword,
                alias,
                extra: it.collect(),
            }
        }
        Keyword::Run => {
            let mounts = flags
                .iter()
                .filter(|f| f.name == "mount")
                .map(|f| parse_mount(f.value.as_deref().unwrap_or(""), f.range))
                .collect();
            Args::Run {
                command: maybe_json(&mut cx, args_str, args_start, true),
                mounts,
            }
        }
        Keyword::Cmd => Args::Cmd(maybe_json(&mut cx, args_str, args_start, true)),
        Keyword::Entrypoint => Args::Entrypoint(maybe_json(&mut cx, args_str, args_start, true)),
        Keyword::Shell => Args::Shell(maybe_json(&mut cx, args_str, args_start, true)),
        Keyword::Copy | Keyword::Add => {
            let (paths, json) = maybe_json_list(&mut cx, args_str, args_start);
            Args::Copy { paths, json }
        }
        Keyword::Volume => {
            let (paths, json) = maybe_json_list(&mut cx, args_str, args_start);
            Args::Volume { paths, json }
        }
        Keyword::Expose => Args::Expose(
            ws_words(args_str, args_start)
                .into_iter()
                .map(|w| cx.word(w))
                .collect(),
        ),
        Keyword::Env | Keyword::Label => {
            let pairs = name_values(&mut cx, args_str, args_start, escape, keyword);
            if keyword == Keyword::Env {
                Args::Env(pairs)
            } else {
                Args::Label(pairs)
            }
        }
        Keyword::Arg => Args::Arg(
            parse_words(args_str, escape, args_start)
                .into_iter()
                .map(|w| {
                    let range = cx.range(w.start, w.end);
                    match w.text.split_once('=') {
                        Some((name, default)) => {
                            let eq = w.start + name.len();
                            ArgDecl {
                                range,
                                name: Word {
                                    range: cx.range(w.start, eq),
                                    text: name.to_owned(),
                                },
                                default: Some(Word {
                                    range: cx.range(eq + 1, w.end),
                                    text: default.to_owned(),
                                }),
                            }
                        }
                        None => ArgDecl {
                            range,
                            name: Word {
                                range,
                                text: w.text,
                            },
                            default: None,
                        },
                    }
                })
                .collect(),
        ),
        Keyword::Maintainer => Args::Maintainer(single(&cx, args_str, args_start)),
        Keyword::Workdir => Args::Workdir(single(&cx, args_str, args_start)),
        Keyword::User => Args::User(single(&cx, args_str, args_start)),
        Keyword::Stopsignal => Args::Stopsignal(single(&cx, args_str, args_start)),
        Keyword::Onbuild => {
            if args_str.is_empty() || depth > 0 {
                Args::Onbuild(None)
            } else {
                let inner_line = line.slice(TextRange::from_usize(args_start, args_end));
                let inner = parse_instruction(inner_line, escape, cx.errors, depth + 1);
                Args::Onbuild(Some(Box::new(inner)))
            }
        }
        Keyword::Healthcheck => Args::Healthcheck(healthcheck(&mut cx, args_str, args_start)),
        Keyword::Unknown => Args::Unknown,
    };

    let range = line.file_range();
    Instruction {
        range,
        keyword,
        keyword_at: TextRange::from_usize(trimmed_start, trimmed_start + kw_len),
        keyword_range,
        flags,
        args,
        args_range,
        line,
        heredocs: Vec::new(),
        start_line: 0,
        end_line: 0,
        empty_continuation_lines: Vec::new(),
    }
}

fn make_flag(cx: &Ctx<'_>, w: RawWord) -> Flag {
    let range = cx.range(w.start, w.end);
    let body = w.text.trim_start_matches('-');
    let dashes = w.text.len() - body.len();
    let (name, value) = match body.split_once('=') {
        Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
        None => (body.to_owned(), None),
    };
    // Positions inside the flag are exact when it holds no quotes or escapes (the usual case).
    let raw_len = w.end - w.start;
    let exact = raw_len == w.text.len();
    let name_range = if exact {
        cx.range(w.start + dashes, w.start + dashes + name.len())
    } else {
        range
    };
    let value_range = value.as_ref().map(|v| {
        if exact {
            cx.range(w.end - v.len(), w.end)
        } else {
            range
        }
    });
    Flag {
        range,
        text: w.text,
        name,
        name_range,
        value,
        value_range,
    }
}

fn ws_words(args: &str, base: usize) -> Vec<RawWord> {
    if args.is_empty() {
        return Vec::new();
    }
    split_whitespace_class(args, base)
}

fn single(cx: &Ctx<'_>, args: &str, base: usize) -> Option<Word> {
    (!args.is_empty()).then(|| Word {
        range: cx.range(base, base + args.len()),
        text: args.to_owned(),
    })
}

/// RUN/CMD/ENTRYPOINT/SHELL: exec form when the text is a JSON array of strings, else shell form.
fn maybe_json(
    cx: &mut Ctx<'_>,
    args: &str,
    base: usize,
    _allow_shell: bool,
) -> Option<CommandForm> {
    if args.is_empty() {
        return None;
    }
    match parse_json_array(args, base) {
        JsonArray::Strings { items, start, end } => {
            let trailing_text = &args[end - base..];
            let trailing = (!trim(trailing_text).is_empty()).then(|| {
                let t0 = end + (trailing_text.len() - trim_start(trailing_text).len());
                cx.range(t0, base + trim_end(args).len())
            });
            Some(CommandForm::Exec(ExecForm {
                range: cx.range(start, end),
                args: items.into_iter().map(|w| cx.word(w)).collect(),
                trailing,
            }))
        }
        JsonArray::NotStrings { start, end } => {
            let range = cx.range(start, end);
            cx.error(
                SyntaxErrorKind::Invalid,
                range,
                "a JSON array here must contain only strings".into(),
                "quote every element, e.g. [\"sh\", \"-c\", \"echo 1\"]",
            );
            Some(CommandForm::Exec(ExecForm {
                range,
                args: Vec::new(),
                trailing: None,
            }))
        }
        JsonArray::Invalid => {
            let looks_like_json = args.starts_with('[') && trim_end(args).ends_with(']');
            Some(CommandForm::Shell(ShellForm {
                text: cx
                    .line
                    .slice(TextRange::from_usize(base, base + args.len())),
                looks_like_json,
            }))
        }
    }
}

/// COPY/ADD/VOLUME: a JSON array of strings, or whitespace-separated words.
fn maybe_json_list(cx: &mut Ctx<'_>, args: &str, base: usize) -> (Vec<Word>, bool) {
    match parse_json_array(args, base) {
        JsonArray::Strings { items, .. } => (items.into_iter().map(|w| cx.word(w)).collect(), true),
        JsonArray::NotStrings { start, end } => {
            let range = cx.range(start, end);
            cx.error(
                SyntaxErrorKind::Invalid,
                range,
                "a JSON array here must contain only strings".into(),
                "quote every path, e.g. [\"src\", \"/dst/\"]",
            );
            (Vec::new(), true)
        }
        JsonArray::Invalid => (
            ws_words(args, base)
                .into_iter()
                .map(|w| cx.word(w))
                .collect(),
            false,
        ),
    }
}

/// ENV and LABEL: `k=v k2=v2` or the legacy `k v`.
fn name_values(
    cx: &mut Ctx<'_>,
    args: &str,
    base: usize,
    escape: char,
    keyword: Keyword,
) -> Vec<KeyValue> {
    let words = parse_words(args, escape, base);
    let Some(first) = words.first() else {
        return Vec::new();
    };
    if !first.text.contains('=') {
        // Legacy form: the first whitespace run splits key from value; the value is the rest.
        let key_len = args.bytes().position(is_ws_class).unwrap_or(args.len());
        let value_start = key_len
            + args[key_len..]
                .bytes()
                .take_while(|b| is_ws_class(*b))
                .count();
        let key = Word {
            range: cx.range(base, base + key_len),
            text: args[..key_len].to_owned(),
        };
        if value_start >= args.len() {
            let range = key.range;
            cx.error(
                SyntaxErrorKind::MissingArguments,
                range,
                format!("{} `{}` has no value", keyword.as_str(), key.text),
                "write it as KEY=value (an empty value is KEY=\"\")",
            );
            return vec![KeyValue {
                range,
                value: Word {
                    range: TextRange::empty(range.end),
                    text: String::new(),
                },
                key,
                legacy: true,
            }];
        }
        let value = Word {
            range: cx.range(base + value_start, base + args.len()),
            text: args[value_start..].to_owned(),
        };
        return vec![KeyValue {
            range: cx.range(base, base + args.len()),
            key,
            value,
            legacy: true,
        }];
    }
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let range = cx.range(w.start, w.end);
        let Some((k, v)) = w.text.split_once('=') else {
            cx.error(
                SyntaxErrorKind::Invalid,
                range,
                format!("`{}` is not of the form name=value", w.text),
                "mixing `KEY value` and `KEY=value` in one instruction is not allowed; add `=`",
            );
            continue;
        };
        // The key never contains quotes in practice; offsets inside the raw word are exact then.
        let eq = w.start + k.len();
        let exact = w.end - w.start == w.text.len();
        let key = Word {
            range: if exact { cx.range(w.start, eq) } else { range },
            text: k.to_owned(),
        };
        let value = Word {
            range: if exact {
                cx.range(eq + 1, w.end)
            } else {
                range
            },
            text: v.to_owned(),
        };
        if k.is_empty() {
            cx.error(
                SyntaxErrorKind::Invalid,
                range,
                format!("{} name can not be blank", keyword.as_str()),
                "give the variable a name before `=`",
            );
        }
        out.push(KeyValue {
            range,
            key,
            value,
            legacy: false,
        });
    }
    out
}

fn healthcheck(cx: &mut Ctx<'_>, args: &str, base: usize) -> Healthcheck {
    let sep = args
        .bytes()
        .position(|b| b.is_ascii_whitespace())
        .unwrap_or(args.len());
    if sep == 0 {
        return Healthcheck::Missing;
    }
    let typ = Word {
        range: cx.range(base, base + sep),
        text: args[..sep].to_owned(),
    };
    let next = sep
        + args[sep..]
            .bytes()
            .take_while(u8::is_ascii_whitespace)
            .count();
    match typ.text.to_ascii_uppercase().as_str() {
        "NONE" => {
            if next < args.len() {
                let range = cx.range(base + next, base + args.len());
                cx.error(
                    SyntaxErrorKind::ExtraArguments,
                    range,
                    "HEALTHCHECK NONE takes no arguments".into(),
                    "remove the text after NONE",
                );
            }
            Healthcheck::None(typ)
        }
        "CMD" => {
            let command = maybe_json(cx, &args[next..], base + next, true);
            Healthcheck::Cmd {
                cmd_keyword: typ,
                command,
            }
        }
        _ => Healthcheck::Invalid {
            kind: typ,
            command: maybe_json(cx, &args[next..], base + next, true),
        },
    }
}
