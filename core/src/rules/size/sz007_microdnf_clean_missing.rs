use super::common::check_rpm_clean;
use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::rpm::RpmTool;

declare_rule! {
    /// ## What it does
    /// Reports `microdnf install` in a RUN that does not end with `microdnf clean all` (or remove
    /// its cache directory itself). Only stages that ship are checked; a cache or tmpfs mount on the
    /// package cache exempts the RUN.
    ///
    /// ## Why is this bad?
    /// microdnf keeps downloaded packages and repository metadata in its cache directory. Unless it
    /// is cleaned in the same RUN, that cache is frozen into the layer and shipped with the
    /// image, often adding tens of megabytes.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
    /// RUN microdnf install -y httpd
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
    /// RUN microdnf install -y httpd \
    ///  && microdnf clean all
    /// ```
    ///
    /// ## Fix safety
    /// Safe: appends `microdnf clean all` at the end of the RUN in the continuation style. No
    /// fix is offered when the script ends in a comment or an operator.
    pub MicrodnfCleanMissing {
        code: "SZ007",
        name: "microdnf-clean-missing",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DS-0027"],
        summary: "microdnf install without microdnf clean all in the same RUN",
    }
}

impl Rule for MicrodnfCleanMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::RPM)
    }

    fn check(&self, cx: &mut Context<'_>) {
        check_rpm_clean(
            cx,
            &[RpmTool::Microdnf],
            "clean all",
            &["/var/cache/yum", "/var/cache/dnf"],
        );
    }
}
