//! The JSON report: one array of findings. This is a contract that tools rely on; add fields,
//! never rename or remove them.

use serde_json::{Value, json};
use stowage_core::Diagnostic;

use super::{FileReport, docs_url};
use crate::position::SourceMap;

/// One finding as JSON. Lines and columns are 1-based, columns count characters, `end_column`
/// is exclusive; `offset`/`end_offset` are byte offsets into the file.
pub fn diagnostic_json(file: &str, map: &SourceMap<'_>, d: &Diagnostic) -> Value {
    let span = map.span(d.range);
    let fix = d.fix.as_ref().map(|f| {
        json!({
            "title": f.title,
            "applicability": f.applicability.as_str(),
            "edits": f.edits.iter().map(|e| {
                let s = map.span(e.range);
                json!({
                    "line": s.line,
                    "column": s.column,
                    "end_line": s.end_line,
                    "end_column": s.end_column,
                    "offset": e.range.start,
                    "end_offset": e.range.end,
                    "content": e.content,
                })
            }).collect::<Vec<_>>(),
        })
    });
    let labels: Vec<Value> = d
        .labels
        .iter()
        .map(|l| {
            let s = map.span(l.range);
            json!({
                "message": l.message,
                "line": s.line,
                "column": s.column,
                "end_line": s.end_line,
                "end_column": s.end_column,
                "offset": l.range.start,
                "end_offset": l.range.end,
            })
        })
        .collect();
    json!({
        "file": file,
        "rule": d.code,
        "name": d.name,
        "severity": d.severity.as_str(),
        "message": d.message,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "offset": d.range.start,
        "end_offset": d.range.end,
        "help": d.help,
        "labels": labels,
        "url": docs_url(d.code),
        "fix": fix,
    })
}

pub fn render(reports: &[FileReport]) -> String {
    let all: Vec<Value> = reports
        .iter()
        .flat_map(|r| {
            let map = r.map();
            r.diagnostics
                .iter()
                .map(|d| diagnostic_json(&r.path, &map, d))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&Value::Array(all)).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}
