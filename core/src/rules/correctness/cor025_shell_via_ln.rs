use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Tool;
use crate::shell::commands::misc::Ln;

declare_rule! {
    /// ## What it does
    /// Reports `ln -s … /bin/sh` (or `/usr/bin/sh`) in a `RUN`: replacing the system shell
    /// with a link to another shell.
    ///
    /// ## Why is this bad?
    /// Every script in the image that starts with `#!/bin/sh`, including the distribution's
    /// own maintainer scripts, then runs under a different shell than it was written for.
    /// The `SHELL` instruction changes the shell for `RUN` only, which is usually what was
    /// wanted.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN ln -sf /bin/bash /bin/sh
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// SHELL ["/bin/bash", "-c"]
    /// ```
    pub ShellViaLn {
        code: "COR025",
        name: "shell-via-ln",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DL4005"],
        summary: "RUN replaces /bin/sh with ln instead of using SHELL",
    }
}

impl Rule for ShellViaLn {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::Ln))
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            for cmd in &run.script.commands {
                let Some(ln) = Ln::from(cmd) else { continue };
                let Some(link) = ln.link else { continue };
                if !matches!(link.value.as_str(), "/bin/sh" | "/usr/bin/sh") {
                    continue;
                }
                cx.report(
                    run.file_range(link.range),
                    format!("`{}` replaces the system shell", link.value),
                )
                .set_help("use the SHELL instruction to choose the shell for RUN");
            }
        }
    }
}
