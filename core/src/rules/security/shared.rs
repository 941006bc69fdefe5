//! Helpers shared by the security rules: variable assignments seen anywhere (ENV, ARG, RUN),
//! word deletion edits, masking.

use crate::fix::Edit;
use crate::rules::{Context, RunScript};
use crate::shell::{Command, Word};
use crate::syntax::{Args, Keyword};
use crate::text::TextRange;

/// Where a variable assignment was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VarOrigin {
    Env,
    Arg,
    /// `NAME=value cmd`, `export NAME=value`, `env NAME=value cmd` in a RUN.
    Run,
}

/// One `NAME=value` assignment, with file ranges.
#[derive(Clone, Debug)]
pub(crate) struct VarSet<'a> {
    pub origin: VarOrigin,
    pub name: &'a str,
    /// The value with surrounding quotes removed; `None` for `ARG NAME` without default.
    pub value: Option<&'a str>,
    pub name_range: TextRange,
    /// The whole `NAME=value` (or `NAME` alone).
    pub range: TextRange,
}

/// Removes one level of matching surrounding quotes (ENV/LABEL values keep them).
pub(super) fn unquote(s: &str) -> &str {
    let b = s.as_bytes();
    if b.len() >= 2 && (b[0] == b'"' || b[0] == b'\'') && b.last() == Some(&b[0]) {
        s.get(1..s.len() - 1).unwrap_or(s)
    } else {
        s
    }
}

fn split_assignment(value: &str) -> Option<(&str, &str)> {
    let (name, v) = value.split_once('=')?;
    let ok = name
        .bytes()
        .enumerate()
        .all(|(i, c)| c == b'_' || c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit()));
    (ok && !name.is_empty()).then_some((name, v))
}

fn push_shell_assignment<'a>(out: &mut Vec<VarSet<'a>>, run: &RunScript<'_>, w: &'a Word) {
    let Some((name, value)) = split_assignment(&w.value) else {
        return;
    };
    let range = run.file_range(w.range);
    let name_range = TextRange::new(
        range.start,
        range
            .start
            .saturating_add(u32::try_from(name.len()).unwrap_or(0))
            .min(range.end),
    );
    out.push(VarSet {
        origin: VarOrigin::Run,
        name,
        value: Some(value),
        name_range,
        range,
    });
}

/// Every assignment in ENV, ARG and RUN scripts (ONBUILD triggers included), in file order.
/// Six rules read them: use [`Context::var_settings`], which computes this once per lint.
pub(crate) fn var_settings<'a>(cx: &Context<'a>) -> Vec<VarSet<'a>> {
    let mut out = Vec::new();
    for (_, ins, _) in cx.instructions_with(Keyword::Env) {
        if let Args::Env(kvs) = &ins.args {
            for kv in kvs {
                out.push(VarSet {
                    origin: VarOrigin::Env,
                    name: &kv.key.text,
                    value: Some(unquote(&kv.value.text)),
                    name_range: kv.key.range,
                    range: kv.range,
                });
            }
        }
    }
    for (_, ins, _) in cx.instructions_with(Keyword::Arg) {
        if let Args::Arg(decls) = &ins.args {
            for d in decls {
                out.push(VarSet {
                    origin: VarOrigin::Arg,
                    name: &d.name.text,
                    value: d.default.as_ref().map(|v| unquote(&v.text)),
                    name_range: d.name.range,
                    range: d.range,
                });
            }
        }
    }
    for run in cx.scripts {
        for cmd in &run.script.commands {
            for w in &cmd.assignments {
                push_shell_assignment(&mut out, run, w);
            }
            for w in &cmd.wrappers {
                push_shell_assignment(&mut out, run, w);
            }
            // The first byte first: most commands are none of these four.
            let name = cmd.name_str();
            if !cmd.args.is_empty()
                && matches!(name.as_bytes().first(), Some(b'e' | b'd' | b't' | b'r'))
                && matches!(name, "export" | "declare" | "typeset" | "readonly")
            {
                for w in &cmd.args {
                    push_shell_assignment(&mut out, run, w);
                }
            }
        }
    }
    crate::util::sort::sort_by_key(&mut out, |v| v.range.start);
    out
}

/// `0`, `false`, `no`, `off` (case-insensitive).
pub(super) fn is_falsy(v: &str) -> bool {
    matches!(
        v.trim().to_ascii_lowercase().as_str(),
        "0" | "false" | "no" | "off"
    )
}

/// An edit deleting a word and one blank before it.
pub(super) fn delete_word(source: &str, range: TextRange) -> Edit {
    let start = range.start_usize();
    let s = if start > 0 && matches!(source.as_bytes().get(start - 1), Some(b' ' | b'\t')) {
        start - 1
    } else {
        start
    };
    Edit::delete(TextRange::from_usize(s, range.end_usize()))
}

/// The file range of the command name (or the whole command when it has none).
pub(super) fn name_range(run: &RunScript<'_>, cmd: &Command) -> TextRange {
    run.file_range(cmd.name.as_ref().map_or(cmd.range, |w| w.range))
}

/// Masks a secret: the first 4 characters of long values, nothing of short ones.
pub(super) fn mask(secret: &str) -> String {
    if secret.chars().count() >= 12 {
        let head: String = secret.chars().take(4).collect();
        format!("{head}…")
    } else {
        "****".to_owned()
    }
}

/// A host that is the local machine (plain HTTP to it is not a network risk).
pub(super) fn is_local_host(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or(authority);
    let host = if host_port.starts_with('[') {
        host_port
            .split(']')
            .next()
            .unwrap_or("")
            .trim_start_matches('[')
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    let host = host.to_ascii_lowercase();
    host == "localhost"
        || host.ends_with(".localhost")
        || host.starts_with("127.")
        || host == "::1"
        || host == "0.0.0.0"
        || host == "host.docker.internal"
}

/// Whether a URL uses plain `http://` to a remote host.
pub(super) fn is_plain_http(url: &str) -> bool {
    let lower = url.get(..7).map(str::to_ascii_lowercase);
    lower.as_deref() == Some("http://") && !is_local_host(url)
}

/// Whether instruction `index` ends up in the shipped image (ONBUILD triggers always may).
pub(super) fn ships(cx: &Context<'_>, index: usize, onbuild: bool) -> bool {
    onbuild || cx.model.is_shipped(index)
}

/// The here-document bodies a command reads, as (file range, text): bodies inside the script
/// and, for a RUN's shell form, the Dockerfile heredocs its `<<NAME` redirects refer to.
pub(super) fn heredoc_bodies<'s>(
    source: &'s str,
    run: &'s RunScript<'_>,
    cmd: &Command,
) -> Vec<(TextRange, &'s str)> {
    let mut out = Vec::new();
    for r in &cmd.redirects {
        if !r.op.starts_with("<<") || r.op == "<<<" {
            continue;
        }
        if let Some(body) = r.heredoc_body {
            let file = run.file_range(body);
            if file.len() == body.len() {
                out.push((file, body.slice(run.text())));
            }
        } else if let Some(t) = &r.target {
            let name = t.value.trim_matches(['\'', '"']);
            if let Some(doc) = run.instruction.heredocs.iter().find(|d| d.name == name) {
                out.push((doc.content_range, doc.content_range.slice(source)));
            }
        }
    }
    out
}
