//! Helpers of the version-pinning rules.

use crate::shell::commands::Package;

/// A package operand that cannot or need not carry a version: an expansion (`$PKGS`), a local
/// file or URL, a release selector (`pkg/bookworm-backports`).
#[must_use]
pub(crate) fn is_not_a_plain_package(p: &Package<'_>) -> bool {
    let v = p.word.value.as_str();
    p.word.has_expansion
        || v.is_empty()
        || v.contains('/')
        || v.contains("://")
        || v.starts_with(['.', '@', '-'])
        || v.contains(['(', '*', '?'])
        || [".deb", ".rpm", ".apk", ".gem", ".tgz", ".tar.gz"]
            .iter()
            .any(|e| v.ends_with(e))
}

/// The shared check of the RPM-family pinning rules (yum, dnf/microdnf, zypper): report every
/// installed package without a version, with `separator` showing how to pin (`-` or `=`).
pub(crate) fn report_unpinned_rpm(
    cx: &mut crate::rules::Context<'_>,
    tools: &[crate::shell::commands::rpm::RpmTool],
    separator: char,
) {
    for (run, r) in cx.views().rpm_commands() {
        if !tools.contains(&r.tool) || !r.is_install() {
            continue;
        }
        for p in &r.packages {
            if p.is_pinned() || is_not_a_plain_package(p) {
                continue;
            }
            cx.report(
                run.file_range(p.range),
                format!("`{}` is installed without a version", p.name),
            )
            .set_help(format!("pin it as `{}{separator}<version>`", p.name));
        }
    }
}
