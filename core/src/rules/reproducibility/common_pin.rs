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
