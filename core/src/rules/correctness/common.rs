//! Helpers shared by the correctness and style rules.

use crate::model::{BaseKind, Model};
use crate::syntax::{Args, Instruction, Keyword};
use crate::text::TextRange;

/// The whole physical lines of `range`: from the line start (when only blanks precede it) to
/// just after the line terminator. Used to delete an instruction without leaving a blank line.
#[must_use]
pub(crate) fn whole_lines(source: &str, range: TextRange) -> TextRange {
    let bytes = source.as_bytes();
    let mut start = range.start_usize().min(bytes.len());
    while start > 0 && matches!(bytes.get(start - 1), Some(b' ' | b'\t')) {
        start -= 1;
    }
    if start > 0 && !matches!(bytes.get(start - 1), Some(b'\n')) {
        // Something else precedes the range on its line: keep the line start as is.
        start = range.start_usize();
    }
    let mut end = range.end_usize().min(bytes.len());
    if matches!(bytes.get(end), Some(b'\r')) {
        end += 1;
    }
    if matches!(bytes.get(end), Some(b'\n')) {
        end += 1;
    }
    TextRange::from_usize(start, end)
}

/// The start of the physical line holding `offset`.
#[must_use]
pub(crate) fn line_start(source: &str, offset: u32) -> u32 {
    let upto = source.get(..offset as usize).unwrap_or("");
    upto.rfind('\n')
        .map_or(0, |i| u32::try_from(i + 1).unwrap_or(offset))
}

/// The leading blanks of the physical line holding `offset`.
#[must_use]
pub(crate) fn line_indent(source: &str, offset: u32) -> &str {
    let start = line_start(source, offset) as usize;
    let rest = source.get(start..).unwrap_or("");
    let n = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    rest.get(..n).unwrap_or("")
}

/// The stage indices from `stage` up its FROM chain (the stage itself first).
#[must_use]
pub(crate) fn stage_chain(model: &Model<'_>, stage: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut cur = Some(stage);
    while let Some(s) = cur {
        if out.contains(&s) || out.len() > model.stages.len() {
            break;
        }
        out.push(s);
        cur = match model.stages.get(s).map(|st| &st.base.kind) {
            Some(BaseKind::Stage(p)) if *p < s => Some(*p),
            _ => None,
        };
    }
    out
}

/// The base kind at the root of a stage chain.
#[must_use]
pub(crate) fn root_base<'m>(model: &'m Model<'_>, stage: usize) -> Option<&'m BaseKind> {
    let chain = stage_chain(model, stage);
    let root = *chain.last()?;
    model.stages.get(root).map(|s| &s.base.kind)
}

/// Whether a path is absolute on Linux or Windows (`/x`, `\x`, `C:\x`, `C:/x`).
#[must_use]
pub(crate) fn is_absolute_path(path: &str) -> bool {
    if path.starts_with('/') || path.starts_with('\\') {
        return true;
    }
    let b = path.as_bytes();
    b.len() >= 2
        && b.first().is_some_and(u8::is_ascii_alphabetic)
        && matches!(b.get(1), Some(b':'))
        && (b.len() == 2 || matches!(b.get(2), Some(b'\\' | b'/')))
}

/// Top-level instructions of a stage body with the given keyword.
pub(crate) fn stage_instructions<'m>(
    model: &'m Model<'_>,
    stage: usize,
    keyword: Keyword,
) -> impl Iterator<Item = (usize, &'m Instruction)> + 'm {
    let body = model
        .stages
        .get(stage)
        .map_or(0..0, crate::model::Stage::body);
    body.filter_map(move |i| {
        let ins = *model.instructions.get(i)?;
        (ins.keyword == keyword).then_some((i, ins))
    })
}

/// COPY/ADD paths split into sources and destination.
#[must_use]
pub(crate) fn copy_paths(
    ins: &Instruction,
) -> Option<(&[crate::syntax::Word], &crate::syntax::Word, bool)> {
    let Args::Copy { paths, json } = &ins.args else {
        return None;
    };
    let (dest, sources) = paths.split_last()?;
    Some((sources, dest, *json))
}

/// Where to insert text at the end of a word's value: before a closing quote when the word is
/// quoted in the file, at its end when it is written bare. `None` when the file text is not a
/// plain rendering of the value (continuations, escapes).
#[must_use]
pub(crate) fn value_end(source: &str, range: TextRange, value: &str) -> Option<u32> {
    let raw = range.slice(source);
    if raw == value {
        return Some(range.end);
    }
    for q in ['"', '\''] {
        if let Some(inner) = raw.strip_prefix(q).and_then(|r| r.strip_suffix(q))
            && inner == value.trim_matches(q)
            && !inner.contains(q)
        {
            return Some(range.end - 1);
        }
    }
    None
}

/// A reference to another stage (or image) by name: `COPY --from=x`, `RUN --mount=from=x`.
#[derive(Clone, Debug)]
pub(crate) struct StageRef {
    /// Top-level instruction index.
    pub index: usize,
    /// The value as written (before variable expansion).
    pub value: String,
    /// The value's range in the file.
    pub range: TextRange,
}

/// The stage references of one instruction (see [`Context::stage_refs`](crate::rules::Context::stage_refs)).
#[must_use]
pub(crate) fn instruction_refs(ins: &Instruction, source: &str, index: usize) -> Vec<StageRef> {
    let mut out = Vec::new();
    if matches!(ins.keyword, Keyword::Copy | Keyword::Add)
        && let Some(f) = ins.flag("from")
        && let (Some(v), Some(r)) = (&f.value, f.value_range)
    {
        out.push(StageRef {
            index,
            value: v.clone(),
            range: r,
        });
    }
    if ins.keyword == Keyword::Run {
        for f in ins.flags.iter().filter(|f| f.name == "mount") {
            let (Some(value), Some(vr)) = (&f.value, f.value_range) else {
                continue;
            };
            let raw = vr.slice(source);
            if raw != value {
                continue;
            }
            let mut offset = 0usize;
            for field in raw.split(',') {
                if let Some((k, v)) = field.split_once('=')
                    && k.trim().eq_ignore_ascii_case("from")
                {
                    let start = vr.start_usize() + offset + k.len() + 1;
                    out.push(StageRef {
                        index,
                        value: v.to_owned(),
                        range: TextRange::from_usize(start, start + v.len()),
                    });
                }
                offset += field.len() + 1;
            }
        }
    }
    out
}

/// Reports every instruction of `keyword` in a stage except the last one, which is the one
/// Docker keeps. The fix deletes the ignored instruction.
pub(crate) fn report_overridden(cx: &mut crate::rules::Context<'_>, keyword: Keyword) {
    let model = cx.model;
    for s in 0..model.stages.len() {
        let all: Vec<(usize, &Instruction)> = stage_instructions(model, s, keyword).collect();
        let Some((&(_, last), earlier)) = all.split_last() else {
            continue;
        };
        let name = keyword.as_str();
        for &(_, ins) in earlier {
            let fix = crate::fix::Fix::unsafe_(
                format!("Remove the ignored {name}"),
                vec![crate::fix::Edit::delete(whole_lines(cx.source, ins.range))],
            );
            cx.report(
                ins.keyword_range,
                format!("this {name} is ignored: a later {name} in the same stage overrides it"),
            )
            .set_help(format!("keep a single {name} per stage"))
            .add_label(last.keyword_range, format!("this {name} wins"))
            .set_fix(fix);
        }
    }
}
