use super::common::check_rpm_clean;
use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::rpm::RpmTool;

declare_rule! {
    /// ## What it does
    /// Reports `dnf install` in a RUN that does not end with `dnf clean all` (or remove
    /// its cache directory itself). Only stages that ship are checked; a cache or tmpfs mount on the
    /// package cache exempts the RUN.
    ///
    /// ## Why is this bad?
    /// dnf keeps downloaded packages and repository metadata in its cache directory. Unless it
    /// is cleaned in the same RUN, that cache is frozen into the layer and shipped with the
    /// image, often adding tens of megabytes.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM fedora:40
    /// RUN dnf install -y httpd
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM fedora:40
    /// RUN dnf install -y httpd \
    ///  && dnf clean all
    /// ```
    ///
    /// ## Fix safety
    /// Safe: appends `dnf clean all` at the end of the RUN in the continuation style. No
    /// fix is offered when the script ends in a comment or an operator.
    pub DnfCleanMissing {
        code: "SZ006",
        name: "dnf-clean-missing",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3040", "DS-0019"],
        summary: "dnf install without dnf clean all in the same RUN",
    }
}

impl Rule for DnfCleanMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::RPM)
    }

    fn check(&self, cx: &mut Context<'_>) {
        check_rpm_clean(
            cx,
            &[RpmTool::Dnf],
            "clean all",
            &["/var/cache/dnf", "/var/cache/libdnf5"],
        );
    }
}
