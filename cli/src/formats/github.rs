//! GitHub Actions workflow commands: one annotation per finding.

use std::fmt::Write as _;

use stowage_core::Severity;

use super::FileReport;

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(reports: &[FileReport]) -> String {
    let mut s = String::new();
    for r in reports {
        let map = r.map();
        for d in &r.diagnostics {
            let sp = map.span(d.range);
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Style => "notice",
            };
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                let _ = write!(message, "\nhelp: {h}");
            }
            let _ = writeln!(
                s,
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&r.path),
                sp.line,
                sp.column,
                sp.end_line,
                sp.end_column,
                escape_property(&format!("{} ({})", d.code, d.name)),
                escape_data(&message)
            );
        }
    }
    s
}
