use super::common::check_rpm_clean;
use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::rpm::RpmTool;

declare_rule! {
    /// ## What it does
    /// Reports `zypper install` in a RUN that does not end with `zypper clean --all` (or remove
    /// its cache directory itself). Only stages that ship are checked; a cache or tmpfs mount on the
    /// package cache exempts the RUN.
    ///
    /// ## Why is this bad?
    /// zypper keeps downloaded packages and repository metadata in its cache directory. Unless it
    /// is cleaned in the same RUN, that cache is frozen into the layer and shipped with the
    /// image, often adding tens of megabytes.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper -n install httpd
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper -n install httpd \
    ///  && zypper clean --all
    /// ```
    ///
    /// ## Fix safety
    /// Safe: appends `zypper clean --all` at the end of the RUN in the continuation style. No
    /// fix is offered when the script ends in a comment or an operator.
    pub ZypperCleanMissing {
        code: "SZ008",
        name: "zypper-clean-missing",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3036", "DS-0020"],
        summary: "zypper install without zypper clean in the same RUN",
    }
}

impl Rule for ZypperCleanMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::RPM)
    }

    fn check(&self, cx: &mut Context<'_>) {
        check_rpm_clean(cx, &[RpmTool::Zypper], "clean --all", &["/var/cache/zypp"]);
    }
}
