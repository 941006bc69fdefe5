use super::common::check_rpm_clean;
use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::rpm::RpmTool;

declare_rule! {
    /// ## What it does
    /// Reports `yum install` in a RUN that does not end with `yum clean all` (or remove
    /// its cache directory itself). Only stages that ship are checked; a cache or tmpfs mount on the
    /// package cache exempts the RUN.
    ///
    /// ## Why is this bad?
    /// yum keeps downloaded packages and repository metadata in its cache directory. Unless it
    /// is cleaned in the same RUN, that cache is frozen into the layer and shipped with the
    /// image, often adding tens of megabytes.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM centos:7
    /// RUN yum install -y httpd
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM centos:7
    /// RUN yum install -y httpd \
    ///  && yum clean all
    /// ```
    ///
    /// ## Fix safety
    /// Safe: appends `yum clean all` at the end of the RUN in the continuation style. No
    /// fix is offered when the script ends in a comment or an operator.
    pub YumCleanMissing {
        code: "SZ005",
        name: "yum-clean-missing",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3032", "DS-0015"],
        summary: "yum install without yum clean all in the same RUN",
    }
}

impl Rule for YumCleanMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::RPM)
    }

    fn check(&self, cx: &mut Context<'_>) {
        check_rpm_clean(cx, &[RpmTool::Yum], "clean all", &["/var/cache/yum"]);
    }
}
