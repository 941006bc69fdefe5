use super::common_pin::report_unpinned_rpm;
use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::shell::commands::rpm::RpmTool;

declare_rule! {
    /// ## What it does
    /// Reports `yum install` of a package without a version, such as `httpd` instead of
    /// `httpd-2.4.6`. Off by default, like the other OS package pinning rules.
    ///
    /// ## Why is this bad?
    /// Without a version, each build installs whatever is newest that day. Two builds of the
    /// same Dockerfile can differ, and an incompatible release can break the image without any
    /// change to the Dockerfile.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM centos:7
    /// RUN yum install -y httpd && yum clean all
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM centos:7
    /// RUN yum install -y httpd-2.4.6 && yum clean all
    /// ```
    pub YumVersionUnpinned {
        code: "REP016",
        name: "yum-version-unpinned",
        family: Reproducibility,
        severity: Warning,
        default_enabled: false,
        fix: None,
        aliases: ["DL3033"],
        summary: "yum install of a package without a version",
    }
}

impl Rule for YumVersionUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        report_unpinned_rpm(cx, &[RpmTool::Yum], '-');
    }
}
