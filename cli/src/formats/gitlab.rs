//! GitLab Code Quality (a JSON array) and Code Climate engine output (JSON objects, each
//! followed by a NUL byte, as the engine specification requires).

use serde_json::{Value, json};
use stowage_core::Severity;
use stowage_core::rules::Family;

use super::{FileReport, docs_url, fingerprint, meta_of};

const fn cc_severity(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "critical",
        Severity::Warning => "major",
        Severity::Info => "minor",
        Severity::Style => "info",
    }
}

const fn category(f: Family) -> &'static str {
    match f {
        Family::Syntax | Family::Correctness => "Bug Risk",
        Family::Security | Family::Image => "Security",
        Family::Size => "Performance",
        Family::Reproducibility => "Compatibility",
        Family::Style => "Style",
        Family::Policy => "Clarity",
    }
}

/// Issues with fingerprints that survive edits elsewhere in the file: path, rule, the
/// flagged text and how many identical findings came before.
fn issues(reports: &[FileReport], engine: bool) -> Vec<Value> {
    let mut out = Vec::new();
    for r in reports {
        let map = r.map();
        let mut seen: std::collections::HashMap<(String, String), usize> =
            std::collections::HashMap::new();
        for d in &r.diagnostics {
            let span = map.span(d.range);
            let text = d.range.slice(&r.source).trim().to_owned();
            let n = seen.entry((d.code.to_owned(), text.clone())).or_insert(0);
            *n += 1;
            let fp = fingerprint(&[&r.path, d.code, &text, &d.message, &n.to_string()]);
            let family = meta_of(d).map_or(Family::Correctness, |m| m.family);
            let mut issue = json!({
                "description": format!("{}: {}", d.code, d.message),
                "check_name": d.code,
                "fingerprint": fp,
                "severity": cc_severity(d.severity),
                "categories": [category(family)],
                "location": {
                    "path": r.path,
                    "lines": { "begin": span.line, "end": span.end_line },
                },
            });
            if engine {
                issue["type"] = json!("issue");
                issue["location"] = json!({
                    "path": r.path,
                    "positions": {
                        "begin": { "line": span.line, "column": span.column },
                        "end": { "line": span.end_line, "column": span.end_column },
                    },
                });
                let body = match &d.help {
                    Some(h) => format!("{h}\n\nSee {}", docs_url(d.code)),
                    None => format!("See {}", docs_url(d.code)),
                };
                issue["content"] = json!({ "body": body });
            }
            out.push(issue);
        }
    }
    out
}

pub fn render_gitlab(reports: &[FileReport]) -> String {
    let mut s = serde_json::to_string_pretty(&issues(reports, false)).unwrap_or_default();
    s.push('\n');
    s
}

pub fn render_codeclimate(reports: &[FileReport]) -> String {
    let mut s = String::new();
    for issue in issues(reports, true) {
        s.push_str(&issue.to_string());
        s.push('\0');
    }
    s
}
