use super::common_yes::check_missing_yes;
use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::rpm::RpmTool;

declare_rule! {
    /// ## What it does
    /// Reports `zypper` commands that ask for confirmation (install, remove, update, …)
    /// without the global `-n` / `--non-interactive` (or the per-command `-y`).
    ///
    /// ## Why is this bad?
    /// A build has no terminal to answer the confirmation prompt: the command aborts and the
    /// build fails, or depends on defaults that differ between versions.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper install curl && zypper clean --all
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper -n install curl && zypper clean --all
    /// ```
    ///
    /// ## Fix safety
    /// Safe: inserts `-n`, which only answers the prompt the build could not answer.
    pub ZypperMissingNonInteractive {
        code: "REP007",
        name: "zypper-missing-non-interactive",
        family: Reproducibility,
        severity: Warning,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3034"],
        summary: "zypper install without -n/--non-interactive",
    }
}

impl Rule for ZypperMissingNonInteractive {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::RPM)
    }

    fn check(&self, cx: &mut Context<'_>) {
        check_missing_yes(cx, RpmTool::Zypper, "-n", true);
    }
}
