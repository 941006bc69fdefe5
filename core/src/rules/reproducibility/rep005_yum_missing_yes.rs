use super::common_yes::check_missing_yes;
use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::rpm::RpmTool;

declare_rule! {
    /// ## What it does
    /// Reports `yum` commands that ask for confirmation (install, remove, update, …)
    /// without `-y`.
    ///
    /// ## Why is this bad?
    /// A build has no terminal to answer the confirmation prompt: the command aborts and the
    /// build fails, or depends on defaults that differ between versions.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM centos:7
    /// RUN yum install httpd && yum clean all
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM centos:7
    /// RUN yum install -y httpd && yum clean all
    /// ```
    ///
    /// ## Fix safety
    /// Safe: inserts `-y`, which only answers the prompt the build could not answer.
    pub YumMissingYes {
        code: "REP005",
        name: "yum-missing-yes",
        family: Reproducibility,
        severity: Warning,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3030"],
        summary: "yum install without -y",
    }
}

impl Rule for YumMissingYes {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::RPM)
    }

    fn check(&self, cx: &mut Context<'_>) {
        check_missing_yes(cx, RpmTool::Yum, "-y", false);
    }
}
