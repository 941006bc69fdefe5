use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::model::expand::referenced_names;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Keyword, Word};
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Reports an `ENV` value that uses a variable set earlier in the same `ENV` instruction,
    /// such as `ENV DIR=/opt/app BIN=$DIR/bin`.
    ///
    /// ## Why is this bad?
    /// Docker expands every value of one `ENV` with the variables as they were *before* the
    /// instruction: `$DIR` is empty (or an older value) in `BIN`, not `/opt/app`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ENV DIR=/opt/app BIN=$DIR/bin
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ENV DIR=/opt/app
    /// ENV BIN=$DIR/bin
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: splits the instruction so the value sees the new variable, which changes the
    /// value that was actually set (to the one that was meant). Offered when only blanks and
    /// line continuations separate the two assignments.
    pub EnvSelfReference {
        code: "COR017",
        name: "env-self-reference",
        family: Correctness,
        severity: Error,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3044"],
        summary: "ENV value uses a variable set in the same ENV instruction",
    }
}

/// The range of the first `$name` / `${name…` in the word, or the word.
pub(crate) fn var_range(source: &str, word: &Word, name: &str) -> TextRange {
    let raw = word.range.slice(source);
    let bytes = raw.as_bytes();
    let mut from = 0;
    while let Some(pos) = raw.get(from..).and_then(|r| r.find('$')).map(|p| p + from) {
        let rest = raw.get(pos + 1..).unwrap_or("");
        let (len, ok) = if let Some(inner) = rest.strip_prefix('{') {
            let ok = inner.starts_with(name)
                && !inner[name.len()..]
                    .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
            let close = inner.find('}').map_or(inner.len(), |c| c + 1);
            (close + 2, ok)
        } else {
            let ok = rest.starts_with(name)
                && !rest[name.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
            (name.len() + 1, ok)
        };
        if ok && pos + len <= bytes.len() {
            let start = word.range.start + u32::try_from(pos).unwrap_or(0);
            return TextRange::new(start, start + u32::try_from(len).unwrap_or(0));
        }
        from = pos + 1;
    }
    word.range
}

impl Rule for EnvSelfReference {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let escape = cx.dockerfile.escape;
        for (_, ins, onbuild) in cx.instructions_with(Keyword::Env) {
            let Args::Env(pairs) = &ins.args else {
                continue;
            };
            for (j, pair) in pairs.iter().enumerate() {
                let names = referenced_names(&pair.value.text, escape);
                let Some((name, def)) = names
                    .iter()
                    .find_map(|n| pairs[..j].iter().find(|p| &p.key.text == n).map(|p| (n, p)))
                else {
                    continue;
                };
                let range = var_range(cx.source, &pair.value, name);
                let fix = pairs.get(j.wrapping_sub(1)).and_then(|prev| {
                    let gap = TextRange::new(prev.range.end, pair.range.start);
                    let ok = cx
                        .text(gap)
                        .chars()
                        .all(|c| matches!(c, ' ' | '\t' | '\r' | '\n') || c == escape);
                    let kw = if onbuild { "ONBUILD ENV " } else { "ENV " };
                    let indent = super::common::line_indent(cx.source, ins.range.start);
                    ok.then(|| {
                        Fix::unsafe_(
                            format!("Set `{}` in its own ENV", pair.key.text),
                            vec![Edit::replace(gap, format!("\n{indent}{kw}"))],
                        )
                    })
                });
                let d = cx.report(
                    range,
                    format!(
                        "`{name}` is set in this same ENV, so `{}` gets its previous value",
                        pair.key.text
                    ),
                );
                d.set_help(format!(
                    "set `{}` in a separate ENV after `{name}`",
                    pair.key.text
                ));
                d.add_label(def.key.range, "set here");
                if let Some(f) = fix {
                    d.set_fix(f);
                }
            }
        }
    }
}
