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
                let text = c.text(src);
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

/// The suppressions by where they apply and what they name, so that each finding is checked
/// in logarithmic time: checking every finding against every suppression is quadratic on a
/// file with thousands of both.
pub struct SuppressionIndex {
    /// (scope, rule index, suppression), file-wide ones under [`WIDE`], sorted by scope start,
    /// then rule. BuildKit's `all` is listed under each rule it covers.
    entries: Vec<(TextRange, usize, usize)>,
    /// For each run of equal (scope, rule) in `entries`, at its first entry: its suppressions
    /// are already marked used, so later findings need not mark them again.
    marked: Vec<bool>,
}

/// The scope key of file-wide suppressions: sorts before every instruction's scope and is
/// never found as one (an instruction's scope holds at least its keyword).
pub(crate) const WIDE: TextRange = TextRange::new(0, 0);

impl SuppressionIndex {
    /// Indexes `sups` (as returned by [`collect`]) by the rules they name.
    #[must_use]
    pub fn new(sups: &[Suppression]) -> Self {
        // The rules BuildKit's `all` covers, found only when a file says `all`: scanning the
        // registry's aliases on every lint was a visible share of linting a small file.
        let mut buildkit_rules: Option<Vec<usize>> = None;
        let mut entries = Vec::new();
        for (k, s) in sups.iter().enumerate() {
            let scope = s.scope.unwrap_or(WIDE);
            entries.extend(s.rules.iter().map(|&r| (scope, r, k)));
            if s.origin == Origin::BuildKit && s.code.eq_ignore_ascii_case("all") {
                let covered = buildkit_rules.get_or_insert_with(|| {
                    let rules = registry();
                    (0..rules.len())
                        .filter(|&i| rules[i].meta().aliases.iter().any(|a| is_buildkit_name(a)))
                        .collect()
                });
                entries.extend(covered.iter().map(|&r| (scope, r, k)));
            }
        }
        Self::from_entries(entries)
    }

    /// Indexes the suppressions `sups[k]` that name something under `key`, given as
    /// (scope, key, k) with file-wide ones under [`WIDE`]; custom rules use their own keys.
    #[must_use]
    pub(crate) fn from_entries(mut entries: Vec<(TextRange, usize, usize)>) -> Self {
        crate::util::sort::sort_by_key(&mut entries, |&(scope, r, k)| {
            (scope.start, scope.end, r, k)
        });
        let marked = vec![false; entries.len()];
        Self { entries, marked }
    }

    /// Whether a diagnostic of rule `rule_index` at `range` is suppressed; marks what was used.
    pub fn is_suppressed(
        &mut self,
        sups: &mut [Suppression],
        rule_index: usize,
        range: TextRange,
    ) -> bool {
        let wide = self.mark(sups, WIDE, rule_index);
        // Scopes are instructions, which do not overlap: only the last one starting at or
        // before the finding can hold it.
        let after = self
            .entries
            .partition_point(|(scope, _, _)| scope.start <= range.start);
        let scope = match after.checked_sub(1).and_then(|i| self.entries.get(i)) {
            Some(&(scope, _, _)) if scope != WIDE => scope,
            _ => return wide,
        };
        let applies = scope.contains(range.start) || (range.is_empty() && scope.end == range.start);
        let scoped = applies && self.mark(sups, scope, rule_index);
        wide || scoped
    }

    /// Marks the suppressions listed under (`scope`, `rule`) used; whether there are any.
    fn mark(&mut self, sups: &mut [Suppression], scope: TextRange, rule: usize) -> bool {
        let key = (scope.start, scope.end, rule);
        let first = self
            .entries
            .partition_point(|&(s, r, _)| (s.start, s.end, r) < key);
        if !self
            .entries
            .get(first)
            .is_some_and(|&(s, r, _)| s == scope && r == rule)
        {
            return false;
        }
        // The run is walked once, by the first finding it suppresses.
        if !self.marked[first] {
            self.marked[first] = true;
            for &(_, _, k) in self.entries[first..]
                .iter()
                .take_while(|&&(s, r, _)| s == scope && r == rule)
            {
                if let Some(s) = sups.get_mut(k) {
                    s.used = true;
                }
            }
        }
        true
    }
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

    /// The former check, every suppression against every finding: the index must agree with
    /// it on the answer and on which suppressions end up used.
    fn reference(sups: &mut [super::Suppression], rule_index: usize, range: TextRange) -> bool {
        let meta = crate::rules::registry()[rule_index].meta();
        let mut hit = false;
        for s in sups.iter_mut() {
            let applies = s.scope.is_none_or(|scope| {
                scope.contains(range.start) || (range.is_empty() && scope.end == range.start)
            });
            let matches = s.rules.contains(&rule_index)
                || (s.origin == super::Origin::BuildKit
                    && s.code.eq_ignore_ascii_case("all")
                    && meta.aliases.iter().any(|a| super::is_buildkit_name(a)));
            if applies && matches {
                s.used = true;
                hit = true;
            }
        }
        hit
    }

    use crate::text::TextRange;

    #[test]
    fn the_index_agrees_with_checking_every_suppression() {
        let parts = [
            "# stowage ignore=SEC001,REP001\n",
            "# hadolint ignore=DL3008\n",
            "# hadolint global ignore=DL3018\n",
            "# check=skip=all\n",
            "# check=skip=JSONArgsRecommended\n",
            "# stowage ignore-file=apk-no-cache\n",
            "FROM alpine\n",
            "RUN apk add curl\n",
            "CMD x\n",
            "\n",
            "RUN a \\\n  b\n",
        ];
        let mut rng = crate::util::test_rng();
        let rules = crate::rules::registry().len() as u64;
        // Half the findings are of rules the parts name, so that many are suppressed.
        let named: Vec<usize> = [
            "SEC001",
            "REP001",
            "DL3008",
            "DL3018",
            "apk-no-cache",
            "JSONArgsRecommended",
        ]
        .iter()
        .flat_map(|c| {
            super::Selector::find(c)
                .map(super::Selector::rules)
                .unwrap_or_default()
        })
        .collect();
        let mut hits = 0;
        for _ in 0..300 {
            let src = crate::util::random_text(&mut rng, &parts, 30);
            let df = crate::syntax::parse(&src);
            let mut a = super::collect(&src, &df);
            let mut b = a.clone();
            let mut index = super::SuppressionIndex::new(&a);
            let len = src.len() as u64 + 1;
            for _ in 0..40 {
                let rule = if rng() % 2 == 0 {
                    named[(rng() % named.len() as u64) as usize]
                } else {
                    (rng() % rules) as usize
                };
                let start = (rng() % len) as u32;
                let end = if rng() % 4 == 0 {
                    start
                } else {
                    start + (rng() % 8) as u32
                };
                let range = TextRange::new(start, end);
                let hit = index.is_suppressed(&mut a, rule, range);
                assert_eq!(
                    hit,
                    reference(&mut b, rule, range),
                    "{src:?} rule {rule} {range:?}"
                );
                hits += usize::from(hit);
            }
            let used = |v: &[super::Suppression]| v.iter().map(|s| s.used).collect::<Vec<_>>();
            assert_eq!(used(&a), used(&b), "{src:?}");
        }
        assert!(hits > 1000, "{hits} suppressed findings");
    }
}
