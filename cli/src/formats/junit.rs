//! JUnit XML: a test suite per file, a failing test case per finding (a passing one for a
//! clean file).

use std::fmt::Write as _;

use super::{FileReport, xml_escape};

pub fn render(reports: &[FileReport]) -> String {
    let total: usize = reports.iter().map(|r| r.diagnostics.len().max(1)).sum();
    let failures: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        s,
        "<testsuites name=\"stowage\" tests=\"{total}\" failures=\"{failures}\" errors=\"0\">"
    );
    for r in reports {
        let path = xml_escape(&r.path);
        let n = r.diagnostics.len();
        let _ = writeln!(
            s,
            "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{n}\" errors=\"0\" skipped=\"0\">",
            n.max(1)
        );
        if n == 0 {
            let _ = writeln!(s, "    <testcase name=\"{path}\" classname=\"{path}\"/>");
        }
        let map = r.map();
        for d in &r.diagnostics {
            let sp = map.span(d.range);
            let _ = writeln!(
                s,
                "    <testcase name=\"{}:{}:{} {}\" classname=\"{path}\">",
                path,
                sp.line,
                sp.column,
                xml_escape(d.code)
            );
            let _ = writeln!(
                s,
                "      <failure message=\"{}\" type=\"{}\">{}:{}:{}: {} [{}] {}</failure>",
                xml_escape(&d.message),
                d.severity,
                path,
                sp.line,
                sp.column,
                xml_escape(d.code),
                d.severity,
                xml_escape(&d.message)
            );
            s.push_str("    </testcase>\n");
        }
        s.push_str("  </testsuite>\n");
    }
    s.push_str("</testsuites>\n");
    s
}
