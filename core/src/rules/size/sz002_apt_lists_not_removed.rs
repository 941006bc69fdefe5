use super::common::{
    PerRun, append_command, cache_mounted, has_family, head_range, removes_path, run_commands,
    ships,
};
use crate::declare_rule;
use crate::fix::Fix;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta, RunScript};
use crate::shell::commands::Family;
use crate::shell::commands::apt::Apt;

declare_rule! {
    /// ## What it does
    /// Reports `apt-get update` (or `apt update`) in a RUN that does not also remove the package
    /// lists with `rm -rf /var/lib/apt/lists/*`. Only stages that end up in the shipped image
    /// are checked, and a RUN with a cache or tmpfs mount on `/var/lib/apt/lists` (or
    /// `/var/lib/apt`) is fine: the lists never reach the layer. `apt-get dist-clean` (apt ≥ 2.7)
    /// removes the lists too and counts as the cleanup.
    ///
    /// ## Why is this bad?
    /// `apt-get update` downloads the package indexes (tens of megabytes) into
    /// `/var/lib/apt/lists`. Unless they are deleted in the same RUN, they are frozen into the
    /// layer and shipped with the image; deleting them in a later RUN does not shrink it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl \
    ///  && rm -rf /var/lib/apt/lists/*
    /// ```
    /// or, with BuildKit, keep the lists out of the layer with a cache mount:
    /// ```dockerfile
    /// RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    ///     apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Fix safety
    /// Safe: appends `rm -rf /var/lib/apt/lists/*` to the end of the RUN, following the
    /// instruction's continuation style (a new line for heredoc scripts). No fix is offered when
    /// the script ends in a comment or an operator.
    pub AptListsNotRemoved {
        code: "SZ002",
        name: "apt-lists-not-removed",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3009"],
        summary: "apt-get update without removing /var/lib/apt/lists in the same RUN",
    }
}

const LISTS: &[&str] = &["/var/lib/apt/lists"];

impl Rule for AptListsNotRemoved {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::APT)
    }

    fn check(&self, cx: &mut Context<'_>) {
        // RUNs already reported: scripts come in RUN order, so the last one is enough.
        let mut done: Option<usize> = None;
        let mut cleans = PerRun::new();
        for run in cx.scripts {
            if !has_family(run, Family::Apt)
                || done == Some(run.index)
                || !ships(cx, run)
                || cache_mounted(run.instruction, LISTS)
                || *cleans.get(run.index, || {
                    removes_path(cx.scripts, run.index, LISTS) || dist_cleans(cx, run)
                })
            {
                continue;
            }
            for cmd in &run.script.commands {
                let Some(apt) = cx.apt(cmd) else { continue };
                if apt.subcommand_str() != "update" {
                    continue;
                }
                done = Some(run.index);
                let range = head_range(run, cmd, apt.subcommand);
                let msg = format!(
                    "`{} update` leaves the package lists in the layer",
                    cmd.name_str()
                );
                let help = "remove them in the same RUN with `rm -rf /var/lib/apt/lists/*`, or use `--mount=type=cache,target=/var/lib/apt/lists`";
                // The fix goes at the end of the script that runs the update.
                let fix = append_command(cx, run, "rm -rf /var/lib/apt/lists/*")
                    .map(|e| Fix::safe("Remove the apt lists at the end of the RUN", vec![e]));
                let d = cx.report(range, msg);
                d.set_help(help);
                if let Some(f) = fix {
                    d.set_fix(f);
                }
                break;
            }
        }
    }
}

/// `apt-get dist-clean` / `apt dist-clean` in the same RUN deletes the lists.
fn dist_cleans(cx: &Context<'_>, run: &RunScript<'_>) -> bool {
    run_commands(cx.scripts, run.index)
        .any(|c| Apt::from(c).is_some_and(|a| a.subcommand_str() == "dist-clean"))
}
