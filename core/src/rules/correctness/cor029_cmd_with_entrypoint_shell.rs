use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{CommandForm, Instruction, Keyword};

use super::common::{stage_chain, stage_instructions};

declare_rule! {
    /// ## What it does
    /// Reports a `CMD` in a stage whose effective `ENTRYPOINT` (the last one in the stage or
    /// the stages it is built from) is written in shell form.
    ///
    /// ## Why is this bad?
    /// A shell-form `ENTRYPOINT` runs `/bin/sh -c "<text>"` and drops every argument after
    /// it, so the `CMD` (and any arguments to `docker run`) never reach the program. The
    /// `CMD` looks meaningful but does nothing.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// ENTRYPOINT python /app/main.py
    /// CMD ["--port", "8080"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// ENTRYPOINT ["python", "/app/main.py"]
    /// CMD ["--port", "8080"]
    /// ```
    pub CmdWithEntrypointShell {
        code: "COR029",
        name: "cmd-with-entrypoint-shell",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "CMD is ignored because ENTRYPOINT uses the shell form",
    }
}

impl Rule for CmdWithEntrypointShell {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        for s in 0..model.stages.len() {
            let Some((_, cmd)) = stage_instructions(model, s, Keyword::Cmd).last() else {
                continue;
            };
            // The ENTRYPOINT in effect when the image runs.
            let entry: Option<&Instruction> = stage_chain(model, s).into_iter().find_map(|st| {
                stage_instructions(model, st, Keyword::Entrypoint)
                    .last()
                    .map(|(_, e)| e)
            });
            let Some(entry) = entry else { continue };
            let Some(CommandForm::Shell(form)) = entry.command() else {
                continue;
            };
            if form.looks_like_json {
                continue;
            }
            cx.report(
                cmd.keyword_range,
                "this CMD is ignored: the ENTRYPOINT is in shell form",
            )
            .set_help("write the ENTRYPOINT as a JSON array so CMD supplies its arguments")
            .add_label(form.text.file_range(), "shell-form ENTRYPOINT");
        }
    }
}
