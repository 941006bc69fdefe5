use crate::declare_rule;
use crate::model::BaseKind;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::Keyword;

declare_rule! {
    /// ## What it does
    /// Reports a shipped image whose stages (the built stage and the stages it is built
    /// `FROM`) contain no `HEALTHCHECK` instruction. `HEALTHCHECK NONE` counts as a deliberate
    /// choice. Opt-in: jobs and run-once containers do not need a health check, and the base
    /// image may define one.
    ///
    /// ## Why is this bad?
    /// Without a health check, Docker and Swarm only know whether the process is alive, not
    /// whether it still serves requests; a hung service is never restarted or taken out of
    /// rotation.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// COPY site /usr/share/nginx/html
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// COPY site /usr/share/nginx/html
    /// HEALTHCHECK --interval=30s CMD curl -fs http://localhost/ || exit 1
    /// ```
    pub HealthcheckMissing {
        code: "REP022",
        name: "healthcheck-missing",
        family: Reproducibility,
        severity: Info,
        default_enabled: false,
        fix: None,
        aliases: ["DL3057", "DS-0026", "CKV_DOCKER_2"],
        summary: "The shipped image has no HEALTHCHECK",
    }
}

impl Rule for HealthcheckMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        let Some(target) = model.target else { return };
        let mut stage = Some(target);
        for _ in 0..=model.stages.len() {
            let Some(s) = stage.and_then(|s| model.stages.get(s)) else {
                break;
            };
            let has = s.body().any(|i| {
                model
                    .instructions
                    .get(i)
                    .is_some_and(|ins| ins.keyword == Keyword::Healthcheck)
            });
            if has {
                return;
            }
            stage = match s.base.kind {
                BaseKind::Stage(p) => Some(p),
                _ => None,
            };
        }
        let Some(from) = model
            .stages
            .get(target)
            .and_then(|s| model.instructions.get(s.from))
        else {
            return;
        };
        cx.report(from.keyword_range, "the shipped image defines no HEALTHCHECK")
            .set_help("add `HEALTHCHECK CMD <probe>` to the final stage, or `HEALTHCHECK NONE` to make the choice explicit");
    }
}
