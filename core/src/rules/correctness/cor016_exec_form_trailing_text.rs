use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{CommandForm, Keyword};
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Reports text after the closing `]` of an exec-form (JSON) command in `RUN`, `CMD`,
    /// `ENTRYPOINT`, `SHELL` and `HEALTHCHECK CMD`.
    ///
    /// ## Why is this bad?
    /// Docker reads the JSON array and silently drops whatever follows it, so
    /// `CMD ["nginx"] -g "daemon off;"` starts `nginx` without the extra arguments.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// CMD ["nginx"] -g "daemon off;"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// CMD ["nginx", "-g", "daemon off;"]
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: deletes the ignored text. The build does not change, but the author probably
    /// meant those arguments to be part of the command.
    pub ExecFormTrailingText {
        code: "COR016",
        name: "exec-form-trailing-text",
        family: Correctness,
        severity: Error,
        default_enabled: true,
        fix: Always,
        aliases: [],
        summary: "Text after an exec-form JSON array is ignored",
    }
}

impl Rule for ExecFormTrailingText {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for keyword in [
            Keyword::Run,
            Keyword::Cmd,
            Keyword::Entrypoint,
            Keyword::Shell,
            Keyword::Healthcheck,
        ] {
            for (_, ins, _) in cx.instructions_with(keyword) {
                let Some(CommandForm::Exec(form)) = ins.command() else {
                    continue;
                };
                let Some(trailing) = form.trailing else {
                    continue;
                };
                let fix = Fix::unsafe_(
                    "Remove the ignored text",
                    vec![Edit::delete(TextRange::new(form.range.end, trailing.end))],
                );
                cx.report(
                    trailing,
                    format!(
                        "this text after the JSON array is ignored by {}",
                        ins.keyword.as_str()
                    ),
                )
                .set_help("move the arguments into the JSON array")
                .set_fix(fix);
            }
        }
    }
}
