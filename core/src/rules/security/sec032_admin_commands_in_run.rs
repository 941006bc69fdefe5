use super::shared::name_range;
use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Tool;

declare_rule! {
    /// ## What it does
    /// Reports interactive or system-administration commands run during the build: `free`,
    /// `kill`, `mount`, `ps`, `service`, `shutdown`, `ssh`, `top` and `vim`. Only commands
    /// that are executed count — installing them (`apt-get install vim`) or mentioning them
    /// in text is fine — and `kill "$pid"` of a process the step itself started is allowed.
    ///
    /// ## Why is this bad?
    /// These commands make no sense in a non-interactive build container: services started
    /// with `service` do not survive the step, `mount` needs privileges the build does not
    /// have, `ssh` reaches out with credentials, and editors wait for a terminal. They usually
    /// signal a copied shell session or a step that belongs at run time.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN service nginx start
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// CMD ["nginx", "-g", "daemon off;"]
    /// ```
    pub AdminCommandsInRun {
        code: "SEC032",
        name: "admin-commands-in-run",
        family: Security,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: ["DL3001"],
        summary: "Interactive or admin command run during the build",
    }
}

impl Rule for AdminCommandsInRun {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::Admin))
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            for cmd in &run.script.commands {
                let name = cmd.name_str();
                // The names are classified by the parser (`Tool::Admin`).
                if cmd.tool != Tool::Admin {
                    continue;
                }
                if name == "kill" && cmd.args.iter().any(|a| a.has_expansion) {
                    continue;
                }
                cx.report(
                    name_range(run, cmd),
                    format!("`{name}` has no use in a build step"),
                )
                .set_help(
                    "remove it, or move the action to the container's start-up (CMD/ENTRYPOINT)",
                );
            }
        }
    }
}
