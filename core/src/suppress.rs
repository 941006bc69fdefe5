//! Inline suppressions. Stowage's own form and the other tools' forms, so teams can switch
//! without editing their files:
//!
//! - `# stowage ignore=CODE[,CODE] [-- reason]` — the next instruction;
//! - `# stowage ignore-file=CODE[,CODE] [-- reason]` — the whole file;
//! - `# hadolint ignore=DL3008,SC2086` (next instruction), `# hadolint global ignore=…` (file);
//! - `# check=skip=Rule[,Rule]` as the parser directive (file) or right above an instruction;
//! - `# checkov:skip=CKV_DOCKER_3[:reason]` (file, as Checkov scopes Dockerfile skips).

use crate::config::Selector;
use crate::rules::registry;
use crate::syntax::{Dockerfile, ItemKind};
use crate::text::TextRange;

/// Which tool's syntax a suppression used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Stowage,
    Hadolint,
    BuildKit,
    Checkov,
}

/// One code named in a suppression comment.
#[derive(Clone, Debug)]
pub struct Suppression {
    pub origin: Origin,
    pub code: String,
    pub code_range: TextRange,
    /// The rules it resolves to (registry indices); empty when the code is unknown.
    pub rules: Vec<usize>,
    /// `None` for file-wide; else the range of the instruction it covers.
    pub scope: Option<TextRange>,
    pub used: bool,
}

fn split_codes(list: &str, base: usize) -> Vec<(String, TextRange)> {
    let mut out = Vec::new();
    let mut at = 0;
    for part in list.split(',') {
        let lead = part.len() - part.trim_start().len();
        let code = part.trim();
        if !code.is_empty() {
            let start = base + at + lead;
            out.push((
                code.to_owned(),
                TextRange::from_usize(start, start + code.len()),
            ));
        }
        at += part.len() + 1;
    }
    out
}

/// The rules a suppression code names: a code, a name, or another tool's alias.
fn resolve(code: &str) -> Vec<usize> {
    match Selector::find(code) {
        Some(sel @ (Selector::Rule(_) | Selector::Alias(_))) => sel.rules(),
        _ => Vec::new(),
    }
}

/// Finds every suppression in the file.
#[must_use]
pub fn collect(src: &str, df: &Dockerfile) -> Vec<Suppression> {
    let mut out = Vec::new();
    let mut pending: Vec<Suppression> = Vec::new();
    for item in &df.items {
        match &item.kind {
            ItemKind::Comment(c) => {
                let text = c.text.as_str();
                let base = c.text_range.start_usize();
                let mut add = |origin,
                               list: &str,
                               offset: usize,
                               file_wide: bool,
                               pending: &mut Vec<Suppression>| {
                    for (code, range) in split_codes(list, base + offset) {
                        let rules = resolve(&code);
                        let s = Suppression {
                            origin,
                            code,
                            code_range: range,
                            rules,
                            scope: None,
                            used: false,
                        };
                        if file_wide {
                            out.push(s)
                        } else {
                            pending.push(s)
                        }
                    }
                };
                if let Some(rest) = text.strip_prefix("stowage ") {
                    let rest_trim = rest.trim_start();
                    let off = text.len() - rest_trim.len();
                    let (list_part, _reason) =
                        rest_trim.split_once(" -- ").unwrap_or((rest_trim, ""));
                    if let Some(list) = list_part.strip_prefix("ignore-file=") {
                        add(
                            Origin::Stowage,
                            list.trim_end(),
                            off + "ignore-file=".len(),
                            true,
                            &mut pending,
                        );
                    } else if let Some(list) = list_part.strip_prefix("ignore=") {
                        add(
                            Origin::Stowage,
                            list.trim_end(),
                            off + "ignore=".len(),
                            false,
                            &mut pending,
                        );
                    }
                } else if let Some(rest) = text.strip_prefix("hadolint ") {
                    let rest_trim = rest.trim_start();
                    let off = text.len() - rest_trim.len();
                    let list_of = |s: &str| s.split_whitespace().next().unwrap_or("").to_owned();
                    if let Some(list) = rest_trim.strip_prefix("global ignore=") {
                        add(
                            Origin::Hadolint,
                            &list_of(list),
                            off + "global ignore=".len(),
                            true,
                            &mut pending,
                        );
                    } else if let Some(list) = rest_trim.strip_prefix("ignore=") {
                        add(
                            Origin::Hadolint,
                            &list_of(list),
                            off + "ignore=".len(),
                            false,
                            &mut pending,
                        );
                    }
                } else if let Some(list) = text.strip_prefix("check=skip=") {
                    let list = list.split(';').next().unwrap_or("");
                    add(
                        Origin::BuildKit,
                        list,
                        "check=skip=".len(),
                        false,
                        &mut pending,
                    );
                } else if let Some(rest) = text.strip_prefix("checkov:skip=") {
                    let code = rest.split(':').next().unwrap_or("");
                    add(
                        Origin::Checkov,
                        code,
                        "checkov:skip=".len(),
                        true,
                        &mut pending,
                    );
                }
            }
            ItemKind::Directive(i) => {
                if let Some(d) = df.directives.get(*i)
                    && d.name == "check"
                {
                    for part in d.value.split(';') {
                        let part_trim = part.trim();
                        if let Some(list) = part_trim.strip_prefix("skip=") {
                            let off = d.value_range.start_usize()
                                + (part.as_ptr() as usize - d.value.as_ptr() as usize)
                                + (part.len() - part.trim_start().len())
                                + "skip=".len();
                            for (code, range) in split_codes(list, off) {
                                let rules = resolve(&code);
                                out.push(Suppression {
                                    origin: Origin::BuildKit,
                                    code,
                                    code_range: range,
                                    rules,
                                    scope: None,
                                    used: false,
                                });
                            }
                        }
                    }
                }
            }
            ItemKind::Instruction(ins) => {
                for mut s in pending.drain(..) {
                    s.scope = Some(TextRange::new(item.range.start, ins.range.end));
                    out.push(s);
                }
            }
            ItemKind::Blank => {}
        }
    }
    let _ = src;
    out
}

/// Whether a diagnostic of rule `rule_index` at `range` is suppressed; marks what was used.
pub fn is_suppressed(sups: &mut [Suppression], rule_index: usize, range: TextRange) -> bool {
    let meta = registry()[rule_index].meta();
    let mut hit = false;
    for s in sups.iter_mut() {
        let applies = match s.scope {
            None => true,
            Some(scope) => {
                scope.contains(range.start) || (range.is_empty() && scope.end == range.start)
            }
        };
        if !applies {
            continue;
        }
        let matches = s.rules.contains(&rule_index)
            || (s.origin == Origin::BuildKit
                && s.code.eq_ignore_ascii_case("all")
                && meta.aliases.iter().any(|a| is_buildkit_name(a)));
        if matches {
            s.used = true;
            hit = true;
        }
    }
    hit
}

/// BuildKit check names are CamelCase words (`JSONArgsRecommended`). The aliases are ours and
/// ASCII: the ASCII tests answer the same without Unicode case tables in the .wasm.
fn is_buildkit_name(alias: &str) -> bool {
    alias.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && alias.bytes().all(|b| b.is_ascii_alphanumeric())
        && alias.bytes().any(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    /// `is_buildkit_name` tests bytes: it relies on every alias being ASCII.
    #[test]
    fn aliases_are_ascii() {
        for rule in crate::rules::registry() {
            for alias in rule.meta().aliases {
                assert!(alias.is_ascii(), "{alias}");
            }
        }
        assert!(super::is_buildkit_name("JSONArgsRecommended"));
        assert!(!super::is_buildkit_name("DL3000"));
    }
}
