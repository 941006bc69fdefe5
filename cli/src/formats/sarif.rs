//! SARIF 2.1.0 (validated against the OASIS schema in the tests). Columns are Unicode code
//! points (`columnKind: unicodeCodePoints`), end columns exclusive, as SARIF defines them.

use serde_json::{Value, json};
use stowage_core::Severity;
use stowage_core::rules::docs::render as render_docs;
use stowage_core::rules::{FixAvailability, registry};

use super::{FileReport, docs_url};
use crate::position::Span;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

const fn level(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Style => "note",
    }
}

/// A relative path as a URI reference: `/` separators, everything else unreserved
/// percent-encoded.
pub fn path_to_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(s: Span) -> Value {
    json!({
        "startLine": s.line,
        "startColumn": s.column,
        "endLine": s.end_line,
        "endColumn": s.end_column,
    })
}

fn rules_json() -> Vec<Value> {
    registry()
        .iter()
        .map(|r| {
            let m = r.meta();
            let mut tags = vec![m.family.as_str().to_owned()];
            tags.extend(m.aliases.iter().map(|a| (*a).to_owned()));
            let docs = render_docs(m);
            json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": { "text": m.summary },
                "fullDescription": { "text": m.summary, "markdown": m.markdown().trim() },
                "help": { "text": m.summary, "markdown": docs },
                "helpUri": docs_url(m.code),
                "defaultConfiguration": {
                    "level": level(m.severity),
                    "enabled": m.default_enabled,
                },
                "properties": {
                    "tags": tags,
                    "family": m.family.as_str(),
                    "aliases": m.aliases,
                    "severity": m.severity.as_str(),
                    "fixable": m.fix != FixAvailability::None,
                },
            })
        })
        .collect()
}

pub fn render(reports: &[FileReport]) -> String {
    let index_of = |code: &str| registry().iter().position(|r| r.meta().code == code);
    let mut results = Vec::new();
    for r in reports {
        let map = r.map();
        let uri = path_to_uri(&r.path);
        for d in &r.diagnostics {
            let mut result = json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": { "text": match &d.help {
                    Some(h) => format!("{}\nhelp: {h}", d.message),
                    None => d.message.clone(),
                } },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri, "uriBaseId": "%SRCROOT%" },
                        "region": region(map.span(d.range)),
                    }
                }],
                "properties": { "name": d.name, "severity": d.severity.as_str() },
            });
            if let Some(i) = index_of(d.code) {
                result["ruleIndex"] = json!(i);
            }
            if !d.labels.is_empty() {
                result["relatedLocations"] = d
                    .labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        json!({
                            "id": i,
                            "message": { "text": l.message },
                            "physicalLocation": {
                                "artifactLocation": { "uri": uri, "uriBaseId": "%SRCROOT%" },
                                "region": region(map.span(l.range)),
                            }
                        })
                    })
                    .collect();
            }
            if let Some(fix) = &d.fix {
                result["fixes"] = json!([{
                    "description": { "text": fix.title },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri, "uriBaseId": "%SRCROOT%" },
                        "replacements": fix.edits.iter().map(|e| json!({
                            "deletedRegion": region(map.span(e.range)),
                            "insertedContent": { "text": e.content },
                        })).collect::<Vec<_>>(),
                    }],
                    "properties": { "applicability": fix.applicability.as_str() },
                }]);
            }
            results.push(result);
        }
    }
    let root = std::env::current_dir()
        .ok()
        .map(|d| {
            let mut s = d.to_string_lossy().replace('\\', "/");
            if !s.ends_with('/') {
                s.push('/');
            }
            if !s.starts_with('/') {
                s.insert(0, '/');
            }
            format!("file://{}", path_to_uri(&s))
        })
        .unwrap_or_else(|| "file:///".to_owned());
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "stowage",
                "version": stowage_core::VERSION,
                "semanticVersion": stowage_core::VERSION,
                "informationUri": "https://stowage.dev",
                "rules": rules_json(),
            }},
            "originalUriBaseIds": { "%SRCROOT%": { "uri": root } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}
