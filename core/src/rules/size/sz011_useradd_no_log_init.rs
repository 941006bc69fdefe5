use super::common::{SetFixOpt, insert_after};
use crate::declare_rule;
use crate::fix::Fix;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Tool;
use crate::shell::commands::misc::UserAdd;

declare_rule! {
    /// ## What it does
    /// Reports `useradd` with a UID of 65536 or more and without `-l` / `--no-log-init`.
    ///
    /// ## Why is this bad?
    /// `useradd` reserves a record for the new UID in `/var/log/lastlog` and `/var/log/faillog`.
    /// These are sparse files, but Docker's layer tarballs do not keep holes: a large UID
    /// produces a file of hundreds of megabytes or gigabytes in the layer.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN useradd -u 1000000 -m app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN useradd -l -u 1000000 -m app
    /// ```
    ///
    /// ## Fix safety
    /// Safe: inserts `-l` after `useradd`; the user is created the same way, only the login
    /// records are skipped.
    pub UseraddNoLogInit {
        code: "SZ011",
        name: "useradd-no-log-init",
        family: Size,
        severity: Warning,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3046"],
        summary: "useradd with a large UID without -l/--no-log-init",
    }
}

const BIG_UID: u64 = 65_536;

impl Rule for UseraddNoLogInit {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::Useradd))
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            for cmd in &run.script.commands {
                if cmd.tool != Tool::Useradd {
                    continue;
                }
                let Some(u) = UserAdd::from(cmd) else {
                    continue;
                };
                let Some(name) = &cmd.name else { continue };
                let big = u
                    .uid
                    .and_then(|v| v.parse::<u64>().ok())
                    .is_some_and(|n| n >= BIG_UID);
                if !big || u.no_log_init {
                    continue;
                }
                let Some(flag) = u.args.flag(Some('u'), Some("uid")) else {
                    continue;
                };
                let range = match flag.value_word {
                    Some(v) => run
                        .file_range(flag.word.range)
                        .cover(run.file_range(v.range)),
                    None => run.file_range(flag.word.range),
                };
                let fix = insert_after(run, name, "-l")
                    .map(|e| Fix::safe("Add -l (--no-log-init)", vec![e]));
                cx.report(
                    range,
                    "`useradd` with a large UID without -l: the lastlog file bloats the layer",
                )
                .set_help("add `-l` (`--no-log-init`) so no lastlog/faillog record is written")
                .set_fix_opt(fix);
            }
        }
    }
}
