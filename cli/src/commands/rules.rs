//! `stowage rules`, `stowage explain` and `stowage generate-docs`.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Value, json};
use stowage_core::config::Selector;
use stowage_core::rules::docs::{all_pages, render};
use stowage_core::rules::{Family, FixAvailability, RuleMeta, find, registry};

use crate::CmdResult;
use crate::args::{ExplainArgs, GenerateDocsArgs, RulesArgs, RulesFormat};
use crate::error::CliError;
use crate::out;

const fn fix_str(f: FixAvailability) -> &'static str {
    match f {
        FixAvailability::None => "none",
        FixAvailability::Sometimes => "sometimes",
        FixAvailability::Always => "always",
    }
}

/// A rule as JSON: the `stowage rules --format json` contract.
fn rule_json(m: &RuleMeta) -> Value {
    json!({
        "id": m.code,
        "name": m.name,
        "family": m.family.as_str(),
        "severity": m.severity.as_str(),
        "default_enabled": m.default_enabled,
        "fixable": m.fix != FixAvailability::None,
        "fix": fix_str(m.fix),
        "summary": m.summary,
        "aliases": m.aliases,
        "url": crate::formats::docs_url(m.code),
        "docs": render(m),
    })
}

/// The project's `[[custom-rules]]`, as the configuration `lint` would use here resolves them.
fn custom_rules(args: &RulesArgs) -> Result<Vec<Value>, CliError> {
    let mut resolver = crate::config::ConfigResolver::new(
        args.config.clone(),
        false,
        crate::config::Overrides::default(),
    );
    let dir = std::env::current_dir()
        .map_err(|e| CliError::new(format!("cannot read the current directory: {e}")))?;
    let resolved = resolver.for_dir(&dir)?;
    Ok(resolved
        .linter
        .custom_rules()
        .iter()
        .map(|c| {
            json!({
                "id": c.code,
                "name": c.name,
                "family": "policy",
                "severity": c.severity.as_str(),
                "default_enabled": c.enabled,
                "fixable": c.rule.fix.is_some(),
                "fix": if c.rule.fix.is_some() { "always" } else { "none" },
                "summary": c.rule.message,
                "aliases": Vec::<String>::new(),
                "custom": true,
            })
        })
        .collect())
}

pub fn run_rules(args: &RulesArgs) -> CmdResult {
    let metas: Vec<&RuleMeta> = registry().iter().map(|r| r.meta()).collect();
    let custom = custom_rules(args)?;
    let text = match args.format {
        RulesFormat::Json => {
            let mut v: Vec<Value> = metas.iter().map(|m| rule_json(m)).collect();
            v.extend(custom);
            let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
            s.push('\n');
            s
        }
        RulesFormat::Text => {
            let mut t = table(&metas);
            if !custom.is_empty() {
                t.push_str("\nCustom rules from the configuration:\n");
                for c in &custom {
                    let _ = writeln!(
                        t,
                        "{}  {}  {}  {}",
                        c["id"].as_str().unwrap_or(""),
                        c["name"].as_str().unwrap_or(""),
                        c["severity"].as_str().unwrap_or(""),
                        c["summary"].as_str().unwrap_or("")
                    );
                }
            }
            t
        }
    };
    out::stdout(&text)?;
    Ok(0)
}

fn table(metas: &[&RuleMeta]) -> String {
    let header = [
        "CODE", "NAME", "FAMILY", "SEVERITY", "DEFAULT", "FIX", "SUMMARY",
    ];
    let mut rows: Vec<[String; 7]> = vec![header.map(str::to_owned)];
    for m in metas {
        rows.push([
            m.code.to_owned(),
            m.name.to_owned(),
            m.family.as_str().to_owned(),
            m.severity.as_str().to_owned(),
            if m.default_enabled { "on" } else { "opt-in" }.to_owned(),
            match m.fix {
                FixAvailability::None => "-",
                FixAvailability::Sometimes => "some",
                FixAvailability::Always => "yes",
            }
            .to_owned(),
            m.summary.to_owned(),
        ]);
    }
    let mut widths = [0usize; 7];
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut s = String::new();
    for r in &rows {
        let mut line = String::new();
        for (i, (c, w)) in r.iter().zip(widths).enumerate() {
            if i + 1 == r.len() {
                line.push_str(c);
            } else {
                let _ = write!(line, "{c:w$}  ");
            }
        }
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

pub fn run_explain(args: &ExplainArgs) -> CmdResult {
    let sel = args.rule.trim();
    if let Some(rule) = find(sel) {
        let mut text = render(rule.meta());
        let _ = writeln!(
            text,
            "\nDocs: {}",
            crate::formats::docs_url(rule.meta().code)
        );
        out::stdout(&text)?;
        return Ok(0);
    }
    if let Some(f) = Family::parse(sel) {
        let mut text = format!("`{}` is a family of rules:\n\n", f.as_str());
        let metas: Vec<&RuleMeta> = registry()
            .iter()
            .map(|r| r.meta())
            .filter(|m| m.family == f)
            .collect();
        text.push_str(&table(&metas));
        text.push_str("\nRun `stowage explain CODE` for one of them.\n");
        out::stdout(&text)?;
        return Ok(0);
    }
    let mut err = CliError::new(format!("unknown rule `{sel}`"));
    err = match Selector::parse(sel) {
        Err(e) if e.suggestion.is_some() => err.with_detail(format!(
            "  help: did you mean `{}`?",
            e.suggestion.unwrap_or_default()
        )),
        _ => err.with_detail("  help: run `stowage rules` to list every rule code and name"),
    };
    Err(err)
}

pub fn run_generate_docs(args: &GenerateDocsArgs) -> CmdResult {
    let dir: &Path = &args.dir;
    let pages = all_pages();
    let wanted: std::collections::BTreeSet<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    // Stale generated pages: `CODE-name.md` files that no rule produces any more.
    let stale: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| looks_generated(n) && !wanted.contains(n.as_str()))
        .collect();
    if args.check {
        let mut drift = Vec::new();
        for (name, content) in &pages {
            match std::fs::read_to_string(dir.join(name)) {
                Ok(old) if old == *content => {}
                Ok(_) => drift.push(format!("  changed: {}", dir.join(name).display())),
                Err(_) => drift.push(format!("  missing: {}", dir.join(name).display())),
            }
        }
        drift.extend(
            stale
                .iter()
                .map(|n| format!("  stale:   {}", dir.join(n).display())),
        );
        if drift.is_empty() {
            out::stderr(&format!(
                "{} rule pages in {} are up to date\n",
                pages.len(),
                dir.display()
            ));
            return Ok(0);
        }
        let mut msg = format!(
            "the rule docs in {} are out of date; run `stowage generate-docs --dir {}`:\n",
            dir.display(),
            dir.display()
        );
        for d in drift {
            msg.push_str(&d);
            msg.push('\n');
        }
        out::stderr(&msg);
        return Ok(1);
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| CliError::new(format!("cannot create {}: {e}", dir.display())))?;
    let mut written = 0;
    for (name, content) in &pages {
        let path = dir.join(name);
        if std::fs::read_to_string(&path).is_ok_and(|old| old == *content) {
            continue;
        }
        std::fs::write(&path, content)
            .map_err(|e| CliError::new(format!("cannot write {}: {e}", path.display())))?;
        written += 1;
    }
    for n in &stale {
        let path = dir.join(n);
        std::fs::remove_file(&path)
            .map_err(|e| CliError::new(format!("cannot remove {}: {e}", path.display())))?;
    }
    out::stderr(&format!(
        "wrote {written} of {} pages to {}, removed {} stale\n",
        pages.len(),
        dir.display(),
        stale.len()
    ));
    Ok(0)
}

/// `SEC001-root-user.md`: upper-case letters, digits, a dash, a name.
fn looks_generated(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".md") else {
        return false;
    };
    let Some((code, rest)) = stem.split_once('-') else {
        return false;
    };
    !rest.is_empty()
        && code.len() >= 4
        && code.chars().take_while(char::is_ascii_uppercase).count() >= 2
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && code.chars().any(|c| c.is_ascii_digit())
}
