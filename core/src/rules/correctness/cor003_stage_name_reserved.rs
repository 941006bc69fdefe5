use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a stage named `scratch` or `context` (in any case).
    ///
    /// ## Why is this bad?
    /// Both words already mean something to BuildKit: `scratch` is the empty image and
    /// `context` is the build context in `COPY --from=context` / named contexts. A stage with
    /// one of these names shadows or is shadowed by that meaning, so references to it do not
    /// do what they seem to.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20 AS scratch
    /// RUN echo hi > /hi
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20 AS base
    /// RUN echo hi > /hi
    /// ```
    pub StageNameReserved {
        code: "COR003",
        name: "stage-name-reserved",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DL3063", "ReservedStageName"],
        summary: "A stage uses a reserved name (scratch, context)",
    }
}

impl Rule for StageNameReserved {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for stage in &cx.model.stages {
            let (Some(name), Some(range)) = (&stage.name, stage.name_range) else {
                continue;
            };
            if matches!(name.as_str(), "scratch" | "context") {
                cx.report(
                    range,
                    format!("`{name}` is a reserved word and cannot name a stage"),
                )
                .set_help("rename the stage and every reference to it");
            }
        }
    }
}
