use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta, ScriptSource};
use crate::shell::commands::Tool;
use crate::shell::commands::misc::cd_target;

declare_rule! {
    /// ## What it does
    /// Reports `cd DIR` used as a top-level command of a shell-form `RUN` and followed by
    /// other commands, as in `RUN cd /app && make`. `cd` inside a subshell `( … )`,
    /// `sh -c '…'`, a heredoc script, or to a computed directory (`cd "$(mktemp -d)"`) is
    /// not reported, and neither is a `cd` that ends the script.
    ///
    /// ## Why is this bad?
    /// The directory change is lost at the end of the `RUN`, so the next instruction runs
    /// elsewhere, and a reader has to track the working directory through shell text.
    /// `WORKDIR` states it once, creates the directory if needed and applies to every later
    /// instruction.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22
    /// COPY . /src
    /// RUN cd /src && go build -o /out/app .
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.22
    /// WORKDIR /src
    /// COPY . .
    /// RUN go build -o /out/app .
    /// ```
    pub CdInsteadOfWorkdir {
        code: "COR026",
        name: "cd-instead-of-workdir",
        family: Correctness,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: ["DL3003", "DS-0013"],
        summary: "RUN cd … instead of WORKDIR",
    }
}

impl Rule for CdInsteadOfWorkdir {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::Cd))
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            if run.source != ScriptSource::ShellForm {
                continue;
            }
            let script = &run.script;
            for (i, cmd) in script.commands.iter().enumerate() {
                if cmd.depth != 0 || cmd.parent.is_some() {
                    continue;
                }
                let Some(target) = cd_target(cmd) else {
                    continue;
                };
                if !target.is_literal() || target.value == "-" {
                    continue;
                }
                if script.next_sibling(i).is_none() {
                    continue;
                }
                let Some(name) = &cmd.name else { continue };
                cx.report(
                    run.file_range(name.range),
                    format!("`cd {}` only lasts for this RUN", target.value),
                )
                .set_help(format!("use `WORKDIR {}` before the RUN", target.value));
            }
        }
    }
}
