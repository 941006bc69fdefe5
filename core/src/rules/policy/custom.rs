//! `[[custom-rules]]`: declarative rules from the configuration. They behave like built-in
//! rules: a code and name, a severity (overridable in `[severity]`), selectable by id, name,
//! `policy` or `all`, suppressible with `# stowage ignore=ID`, optionally with a fix.

use std::sync::{Mutex, OnceLock};

use regex_lite::Regex;

use crate::config::{Config, CustomRule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::{Edit, Fix};
use crate::model::Model;
use crate::rules::RunScript;
use crate::suppress::{Suppression, SuppressionIndex, WIDE};
use crate::syntax::{Args, Keyword};
use crate::text::TextRange;

/// A custom rule ready to run.
#[derive(Clone, Debug)]
pub struct Compiled {
    pub code: &'static str,
    pub name: &'static str,
    pub rule: CustomRule,
    pub severity: Severity,
    pub enabled: bool,
    keywords: Vec<Keyword>,
    pattern: Option<Regex>,
    args: Option<Regex>,
}

/// Diagnostics carry `&'static str` codes: custom ids are interned once per distinct id.
fn intern(s: &str) -> &'static str {
    // A sorted Vec rather than a BTreeSet: a few ids, and no BTree code in the .wasm.
    static POOL: OnceLock<Mutex<Vec<&'static str>>> = OnceLock::new();
    let pool = POOL.get_or_init(|| Mutex::new(Vec::new()));
    let Ok(mut set) = pool.lock() else {
        return "CUSTOM";
    };
    match set.binary_search(&s) {
        Ok(i) => set[i],
        Err(i) => {
            let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
            set.insert(i, leaked);
            leaked
        }
    }
}

fn specificity(s: &str, rule: &CustomRule) -> Option<u8> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("all") {
        Some(0)
    } else if s.eq_ignore_ascii_case("policy") {
        Some(1)
    } else if rule.is_named(s) {
        Some(2)
    } else {
        None
    }
}

/// Whether a custom rule runs under `config`'s selection (the built-in rules' logic: on by
/// default; `select` replaces; the more specific of `extend-select`/`ignore` wins).
#[must_use]
pub fn is_enabled(config: &Config, rule: &CustomRule) -> bool {
    let mut on = config
        .select
        .as_ref()
        .is_none_or(|list| list.iter().any(|s| specificity(s, rule).is_some()));
    let best = |list: &[String]| list.iter().filter_map(|s| specificity(s, rule)).max();
    match (best(&config.extend_select), best(&config.ignore)) {
        (Some(a), Some(b)) => on = a > b,
        (Some(_), None) => on = true,
        (None, Some(_)) => on = false,
        (None, None) => {}
    }
    on
}

/// Compiles the configuration's custom rules (invalid ones were rejected by validation and
/// are skipped here).
#[must_use]
pub fn compile(config: &Config) -> Vec<Compiled> {
    let mut out = Vec::new();
    for rule in &config.custom_rules {
        let pattern = rule.pattern.as_deref().and_then(|p| Regex::new(p).ok());
        let args = rule.args.as_deref().and_then(|p| Regex::new(p).ok());
        if rule.pattern.is_some() && pattern.is_none() {
            continue;
        }
        let keywords = match &rule.instructions {
            Some(list) => list.iter().map(|k| Keyword::parse(k)).collect(),
            None if rule.command.is_some() => vec![Keyword::Run],
            None => Vec::new(),
        };
        let severity = config
            .severity
            .iter()
            .find(|(k, _)| rule.is_named(k))
            .map(|(_, s)| *s)
            .or(rule.severity)
            .unwrap_or(Severity::Warning);
        out.push(Compiled {
            code: intern(&rule.id),
            name: intern(&rule.name()),
            rule: rule.clone(),
            severity,
            enabled: is_enabled(config, rule),
            keywords,
            pattern,
            args,
        });
    }
    out
}

/// Runs the enabled custom rules; drops (and marks used) what inline suppressions cover.
#[must_use]
pub fn check(
    rules: &[Compiled],
    source: &str,
    model: &Model<'_>,
    scripts: &[RunScript<'_>],
    sups: &mut [Suppression],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for c in rules {
        // Suppressions naming a custom rule are known ones (unused, not unknown, when the rule
        // finds nothing): a sentinel no rule index equals.
        let named: Vec<usize> = (0..sups.len())
            .filter(|&k| c.rule.is_named(&sups[k].code))
            .collect();
        for &k in &named {
            if sups[k].rules.is_empty() {
                sups[k].rules.push(usize::MAX);
            }
        }
        if !c.enabled {
            continue;
        }
        let mut found = Vec::new();
        if let Some(re) = &c.pattern {
            check_pattern(c, re, source, model, &mut found);
        } else if let Some(cmd) = &c.rule.command {
            check_command(c, cmd, scripts, &mut found);
        }
        if found.is_empty() {
            continue;
        }
        let mut index = SuppressionIndex::from_entries(
            named
                .iter()
                .map(|&k| (sups[k].scope.unwrap_or(WIDE), 0, k))
                .collect(),
        );
        out.extend(
            found
                .into_iter()
                .filter(|d| !index.is_suppressed(sups, 0, d.range)),
        );
    }
    out
}

fn new_diag(c: &Compiled, range: TextRange) -> Diagnostic {
    let mut d = Diagnostic::new(c.code, c.name, c.severity, c.rule.message.clone(), range);
    if let Some(h) = &c.rule.help {
        d.help = Some(h.clone());
    }
    d
}

fn check_pattern(
    c: &Compiled,
    re: &Regex,
    source: &str,
    model: &Model<'_>,
    out: &mut Vec<Diagnostic>,
) {
    for ins in &model.instructions {
        let ins = match &ins.args {
            Args::Onbuild(Some(inner)) if !c.keywords.contains(&Keyword::Onbuild) => &**inner,
            _ => *ins,
        };
        if !c.keywords.is_empty() && !c.keywords.contains(&ins.keyword) {
            continue;
        }
        let line = ins.line.as_str();
        // Arguments: everything after the keyword (flags included, continuations joined).
        let kw_len = line
            .char_indices()
            .find(|(_, ch)| ch.is_whitespace())
            .map_or(line.len(), |(i, _)| i);
        let rest = &line[kw_len..];
        let lead = rest.len() - rest.trim_start().len();
        let start = kw_len + lead;
        let args = &line[start..];
        for caps in re.captures_iter(args) {
            let Some(m) = caps.get(0) else { continue };
            let rel = TextRange::from_usize(start + m.start(), start + m.end());
            let range = ins.line.range_to_file(rel);
            let mut d = new_diag(c, range);
            if let Some(fix) = &c.rule.fix {
                // Only when the match is contiguous in the file (no line continuation inside).
                if range.slice(source) == m.as_str() {
                    let mut replacement = String::new();
                    caps.expand(fix, &mut replacement);
                    if replacement != m.as_str() {
                        d.fix = Some(Fix::unsafe_(
                            format!("Replace with `{replacement}`"),
                            vec![Edit::replace(range, replacement)],
                        ));
                    }
                }
            }
            out.push(d);
        }
    }
}

fn check_command(c: &Compiled, name: &str, scripts: &[RunScript<'_>], out: &mut Vec<Diagnostic>) {
    for run in scripts {
        if !c.keywords.contains(&Keyword::Run) {
            continue;
        }
        let text = run.text();
        for cmd in &run.script.commands {
            let Some(word) = &cmd.name else { continue };
            if cmd.name_str() != name && crate::shell::basename(&word.value) != name {
                continue;
            }
            let range = match &c.args {
                None => word.range,
                Some(re) => {
                    let (Some(first), Some(last)) = (cmd.args.first(), cmd.args.last()) else {
                        continue;
                    };
                    let args_range = TextRange::new(first.range.start, last.range.end);
                    let args_text = args_range.slice(text);
                    let Some(m) = re.find(args_text) else {
                        continue;
                    };
                    let s = args_range.start_usize();
                    TextRange::from_usize(s + m.start(), s + m.end())
                }
            };
            let range = if range.is_empty() { word.range } else { range };
            out.push(new_diag(c, run.file_range(range)));
        }
    }
}
