use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::size::common::{SetFixOpt, is_exact};
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::Separator;
use crate::shell::commands::apt::AptTool;

declare_rule! {
    /// ## What it does
    /// Reports `apt-get` (and `apt`) `install`, `upgrade`, `dist-upgrade`, `remove`, `purge`,
    /// `autoremove` and `build-dep` without `-y` / `--yes` / `--assume-yes` (or `-qq`, which
    /// implies it). Commands fed by `yes |` are fine.
    ///
    /// ## Why is this bad?
    /// Without `-y`, apt asks for confirmation. A build has no terminal to answer, so apt
    /// aborts and the build fails, or worse, behaves differently depending on the package set.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install --no-install-recommends curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Fix safety
    /// Safe: inserts `-y` after the subcommand, which only answers the prompt the build could
    /// not answer anyway.
    pub AptGetMissingYes {
        code: "REP004",
        name: "apt-get-missing-yes",
        family: Reproducibility,
        severity: Warning,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3014", "DS-0021"],
        summary: "apt-get install without -y",
    }
}

impl Rule for AptGetMissingYes {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::APT)
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (run, apt) in cx.views().apt_commands() {
            let cmd = apt.command;
            if apt.tool == AptTool::Aptitude || apt.yes {
                continue;
            }
            let Some(sub) = apt.subcommand else { continue };
            if !matches!(
                sub.value.as_str(),
                "install"
                    | "reinstall"
                    | "upgrade"
                    | "dist-upgrade"
                    | "full-upgrade"
                    | "remove"
                    | "purge"
                    | "autoremove"
                    | "build-dep"
            ) {
                continue;
            }
            // Rare: the command's position is looked up only when something pipes into it.
            let piped_yes = cmd.separator == Separator::Pipe
                && run
                    .script
                    .commands
                    .iter()
                    .position(|c| std::ptr::eq(c, cmd))
                    .and_then(|k| run.script.previous_sibling(k))
                    .is_some_and(|p| p.name_str() == "yes");
            if piped_yes {
                continue;
            }
            let at = run.file_range(sub.range);
            let fix =
                is_exact(run, sub).then(|| Fix::safe("Add -y", vec![Edit::insert(at.end, " -y")]));
            cx.report(at, format!("`{} {}` without -y", cmd.name_str(), sub.value))
                .set_help("add `-y` so the build never waits for a confirmation")
                .set_fix_opt(fix);
        }
    }
}
