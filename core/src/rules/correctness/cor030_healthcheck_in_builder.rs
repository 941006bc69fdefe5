use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Healthcheck, Keyword};

use super::common::stage_instructions;

declare_rule! {
    /// ## What it does
    /// Reports a `HEALTHCHECK` in a stage that is not part of the image being built (neither
    /// the target stage nor one it is built from) and that has no `CMD` or `ENTRYPOINT` of
    /// its own, which marks it as a build stage rather than an alternative target.
    ///
    /// ## Why is this bad?
    /// Health checks only matter in the image that runs. In a build stage the instruction has
    /// no effect, and the shipped image probably lacks the health check the author intended.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1
    /// RUN go build -o /out/app .
    /// FROM gcr.io/distroless/base-debian12
    /// COPY --from=build /out/app /app
    /// ENTRYPOINT ["/app"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// RUN go build -o /out/app .
    /// FROM gcr.io/distroless/base-debian12
    /// COPY --from=build /out/app /app
    /// HEALTHCHECK CMD ["/app", "healthcheck"]
    /// ENTRYPOINT ["/app"]
    /// ```
    pub HealthcheckInBuilder {
        code: "COR030",
        name: "healthcheck-in-builder",
        family: Correctness,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "HEALTHCHECK in a build stage has no effect",
    }
}

impl Rule for HealthcheckInBuilder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        for s in 0..model.stages.len() {
            if model.shipped.get(s).copied().unwrap_or(true) {
                continue;
            }
            let runs = stage_instructions(model, s, Keyword::Cmd)
                .chain(stage_instructions(model, s, Keyword::Entrypoint))
                .next()
                .is_some();
            if runs {
                continue;
            }
            for (_, ins) in stage_instructions(model, s, Keyword::Healthcheck) {
                if matches!(ins.args, Args::Healthcheck(Healthcheck::None(_))) {
                    continue;
                }
                cx.report(
                    ins.keyword_range,
                    "HEALTHCHECK in a build stage has no effect on the built image",
                )
                .set_help("move the HEALTHCHECK to the final stage");
            }
        }
    }
}
