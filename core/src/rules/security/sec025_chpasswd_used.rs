use super::shared::name_range;
use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Tool;

declare_rule! {
    /// ## What it does
    /// Reports `chpasswd` in a `RUN` command.
    ///
    /// ## Why is this bad?
    /// Setting a password during the build writes it into the Dockerfile and the image
    /// history, and ships a password hash in `/etc/shadow` that every container of the image
    /// shares. Containers should not need passwords: use `USER` for identity and the
    /// orchestrator's exec for access.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN useradd -m app && echo 'app:changeit' | chpasswd
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN useradd -m app
    /// USER app
    /// ```
    pub ChpasswdUsed {
        code: "SEC025",
        name: "chpasswd-used",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["CKV2_DOCKER_17"],
        summary: "chpasswd sets a password in the image",
    }
}

impl Rule for ChpasswdUsed {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::Chpasswd))
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            for cmd in &run.script.commands {
                if cmd.tool == Tool::Chpasswd {
                    cx.report(name_range(run, cmd), "`chpasswd` bakes a password into the image")
                        .set_help("do not set passwords at build time; rely on USER and the runtime's exec/attach");
                }
            }
        }
    }
}
