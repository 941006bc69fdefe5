//! `stowage parse`: the parser's view of a Dockerfile, as JSON (a contract) or a tree.

use std::fmt::Write as _;

use serde_json::{Value, json};
use stowage_core::syntax;
use stowage_core::{Config, Inputs, LineIndex, Linter, Severity};

use crate::CmdResult;
use crate::args::{ParseArgs, ParseFormat};
use crate::error::CliError;
use crate::out;
use crate::position::SourceMap;

pub fn run(args: &ParseArgs) -> CmdResult {
    let bytes = super::read_input(&args.file)?;
    let (text, df) = syntax::parse_bytes(&bytes);
    let linter = Linter::new(Config {
        select: Some(vec!["syntax".to_owned()]),
        ..Config::default()
    })
    .map_err(|e| CliError::new(format!("internal configuration error: {e}")))?;
    let result = linter.lint_parsed(&text, &df, &Inputs::default());
    let dump = syntax::dump(&text, &df, &LineIndex::new(&text));
    let map = SourceMap::new(&text);
    let diagnostics: Vec<Value> = result
        .diagnostics
        .iter()
        .map(|d| {
            let s = map.span(d.range);
            json!({
                "rule": d.code,
                "name": d.name,
                "severity": d.severity.as_str(),
                "message": d.message,
                "line": s.line,
                "column": s.column,
                "end_line": s.end_line,
                "end_column": s.end_column,
                "offset": d.range.start,
                "end_offset": d.range.end,
                "help": d.help,
            })
        })
        .collect();
    let output = match args.format {
        ParseFormat::Json => {
            let mut v = serde_json::to_value(&dump)
                .map_err(|e| CliError::new(format!("cannot serialise the parse: {e}")))?;
            if let Value::Object(map) = &mut v {
                map.insert("diagnostics".into(), Value::Array(diagnostics));
            }
            let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
            s.push('\n');
            s
        }
        ParseFormat::Tree => {
            let v = serde_json::to_value(&dump).unwrap_or_default();
            tree(&v, &diagnostics)
        }
    };
    out::stdout(&output)?;
    let errors = result
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    Ok(u8::from(errors))
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn tree(dump: &Value, diagnostics: &[Value]) -> String {
    let str_of = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    let mut s = String::new();
    let _ = writeln!(s, "Dockerfile (escape {})", quote(&str_of(&dump["escape"])));
    for d in dump["directives"].as_array().into_iter().flatten() {
        let _ = writeln!(
            s,
            "├─ directive {} = {} (line {})",
            str_of(&d["name"]),
            quote(&str_of(&d["value"])),
            d["line"]
        );
    }
    let instructions = dump["instructions"].as_array().cloned().unwrap_or_default();
    let n = instructions.len();
    for (i, ins) in instructions.iter().enumerate() {
        let last = i + 1 == n && diagnostics.is_empty();
        instruction(
            &mut s,
            ins,
            if last { "└─ " } else { "├─ " },
            if last { "   " } else { "│  " },
        );
    }
    if !diagnostics.is_empty() {
        let _ = writeln!(s, "└─ diagnostics");
        for (i, d) in diagnostics.iter().enumerate() {
            let branch = if i + 1 == diagnostics.len() {
                "└─ "
            } else {
                "├─ "
            };
            let _ = writeln!(
                s,
                "   {branch}{}:{} {} [{}] {}",
                d["line"],
                d["column"],
                str_of(&d["rule"]),
                str_of(&d["severity"]),
                str_of(&d["message"])
            );
        }
    }
    s
}

fn instruction(s: &mut String, ins: &Value, branch: &str, indent: &str) {
    let (line, end_line) = (
        ins["line"].as_u64().unwrap_or(0),
        ins["end_line"].as_u64().unwrap_or(0),
    );
    let lines = if end_line > line {
        format!("lines {line}-{end_line}")
    } else {
        format!("line {line}")
    };
    let _ = writeln!(
        s,
        "{branch}{} ({lines}){}",
        ins["keyword"].as_str().unwrap_or_default(),
        if ins["json"].as_bool() == Some(true) {
            " [exec form]"
        } else {
            ""
        }
    );
    let mut children: Vec<String> = Vec::new();
    for f in ins["flags"].as_array().into_iter().flatten() {
        children.push(format!("flag {}", f.as_str().unwrap_or_default()));
    }
    for v in ins["value"].as_array().into_iter().flatten() {
        children.push(format!("value {}", quote(v.as_str().unwrap_or_default())));
    }
    for h in ins["heredocs"].as_array().into_iter().flatten() {
        children.push(format!(
            "heredoc <<{}{} (lines {}-{}): {}",
            if h["chomp"].as_bool() == Some(true) {
                "-"
            } else {
                ""
            },
            h["name"].as_str().unwrap_or_default(),
            h["line"],
            h["end_line"],
            quote(h["content"].as_str().unwrap_or_default())
        ));
    }
    let onbuild = ins.get("onbuild").filter(|v| v.is_object());
    for (i, c) in children.iter().enumerate() {
        let last = i + 1 == children.len() && onbuild.is_none();
        let _ = writeln!(s, "{indent}{}{c}", if last { "└─ " } else { "├─ " });
    }
    if let Some(inner) = onbuild {
        instruction(
            s,
            inner,
            &format!("{indent}└─ trigger: "),
            &format!("{indent}   "),
        );
    }
}
