use super::common_pin::report_unpinned_rpm;
use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::shell::commands::rpm::RpmTool;

declare_rule! {
    /// ## What it does
    /// Reports `zypper install` of a package without a version, such as `curl` instead of
    /// `curl=8.0.1` or `curl>=8`. Off by default, like the other OS package pinning rules.
    ///
    /// ## Why is this bad?
    /// Without a version, each build installs whatever is newest that day. Two builds of the
    /// same Dockerfile can differ, and an incompatible release can break the image without any
    /// change to the Dockerfile.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper -n install curl && zypper clean --all
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper -n install curl=8.6.0 && zypper clean --all
    /// ```
    pub ZypperVersionUnpinned {
        code: "REP017",
        name: "zypper-version-unpinned",
        family: Reproducibility,
        severity: Warning,
        default_enabled: false,
        fix: None,
        aliases: ["DL3037"],
        summary: "zypper install of a package without a version",
    }
}

impl Rule for ZypperVersionUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        report_unpinned_rpm(cx, &[RpmTool::Zypper], '=');
    }
}
