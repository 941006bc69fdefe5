//! GNU style: `file:line.col-line.col: severity: message [CODE]` (Emacs, Vim quickfix).

use std::fmt::Write as _;

use super::FileReport;

pub fn render(reports: &[FileReport]) -> String {
    let mut s = String::new();
    for r in reports {
        let map = r.map();
        for d in &r.diagnostics {
            let sp = map.span(d.range);
            let _ = writeln!(
                s,
                "{}:{}.{}-{}.{}: {}: {} [{}]",
                r.path,
                sp.line,
                sp.column,
                sp.end_line,
                sp.end_column,
                d.severity,
                d.message.replace('\n', " "),
                d.code
            );
        }
    }
    s
}
