//! Checkstyle XML (for Jenkins and other CI dashboards).

use std::fmt::Write as _;

use stowage_core::Severity;

use super::{FileReport, xml_escape};

pub fn render(reports: &[FileReport]) -> String {
    let mut s =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    for r in reports {
        let map = r.map();
        let _ = writeln!(s, "  <file name=\"{}\">", xml_escape(&r.path));
        for d in &r.diagnostics {
            let span = map.span(d.range);
            let sev = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Style => "info",
            };
            let _ = writeln!(
                s,
                "    <error line=\"{}\" column=\"{}\" severity=\"{sev}\" message=\"{}\" source=\"stowage.{}\"/>",
                span.line,
                span.column,
                xml_escape(&d.message),
                xml_escape(d.code)
            );
        }
        s.push_str("  </file>\n");
    }
    s.push_str("</checkstyle>\n");
    s
}
