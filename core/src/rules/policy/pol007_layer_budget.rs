use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::Keyword;

use super::policy;

declare_rule! {
    /// ## What it does
    /// Counts the layer-creating instructions (`RUN`, `COPY`, `ADD`) of the shipped image —
    /// the built stage and the stages it is based on — and reports the first one over
    /// `[policy] max-layers`. Builder stages do not count: their layers are not shipped.
    ///
    /// ## Why is this bad?
    /// Every layer is pulled, stored and unpacked separately; long layer chains slow pulls
    /// and hit the storage driver's limits. A budget keeps images lean as they evolve.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl
    /// RUN apk add --no-cache git
    /// COPY . /app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl git
    /// COPY . /app
    /// ```
    ///
    /// ## Options
    /// `max-layers`: the most RUN/COPY/ADD instructions the shipped image may have.
    /// ```toml
    /// [policy]
    /// max-layers = 2
    /// ```
    pub LayerBudget {
        code: "POL007",
        name: "layer-budget",
        family: Policy,
        severity: Warning,
        default_enabled: false,
        fix: None,
        aliases: [],
        summary: "the shipped image has more layer-creating instructions than the budget",
    }
}

impl Rule for LayerBudget {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let Some(max) = policy(cx).max_layers else {
            return;
        };
        let layers: Vec<usize> = cx
            .instructions()
            .filter(|(i, ins)| {
                matches!(ins.keyword, Keyword::Run | Keyword::Copy | Keyword::Add)
                    && cx.model.is_shipped(*i)
            })
            .map(|(i, _)| i)
            .collect();
        let max_usize = usize::try_from(max).unwrap_or(usize::MAX);
        if let Some(&over) = layers.get(max_usize)
            && let Some(ins) = cx.model.instructions.get(over)
        {
            cx.report(
                ins.keyword_range,
                format!(
                    "the shipped image has {} layer-creating instructions; the budget is {max}",
                    layers.len()
                ),
            )
            .set_help(
                "merge RUNs with `&&`, copy fewer, larger trees, or move work to a builder stage",
            );
        }
    }
}
