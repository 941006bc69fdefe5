use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};

use super::{labels, policy, unquote};

declare_rule! {
    /// ## What it does
    /// With `[policy] strict-labels = true`, reports a `LABEL` key of the shipped image that
    /// `[policy] required-labels` does not list (hadolint's `strict-labels`).
    ///
    /// ## Why is this bad?
    /// A closed label schema keeps image metadata consistent across teams: typos
    /// (`org.opencontainers.image.sorce`) and ad-hoc keys are caught before they spread.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL maintainer="ops@example.com"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.authors="ops@example.com"
    /// ```
    ///
    /// ## Options
    /// `strict-labels` (default `false`) with `required-labels` as the allowed keys.
    /// ```toml
    /// [policy]
    /// strict-labels = true
    ///
    /// [policy.required-labels]
    /// "org.opencontainers.image.authors" = "email"
    /// ```
    pub LabelNotInSchema {
        code: "POL006",
        name: "label-not-in-schema",
        family: Policy,
        severity: Info,
        default_enabled: false,
        fix: None,
        aliases: ["DL3050"],
        summary: "a LABEL key is not in the policy's label schema (strict labels)",
    }
}

impl Rule for LabelNotInSchema {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let p = policy(cx);
        if p.strict_labels != Some(true) {
            return;
        }
        let empty = crate::util::VecMap::new();
        let schema = p.required_labels.as_ref().unwrap_or(&empty);
        for (i, kv) in labels(cx) {
            let key = unquote(&kv.key.text);
            if cx.model.is_shipped(i) && !schema.contains_key(&key) {
                let keys: Vec<&str> = schema.keys().map(String::as_str).collect();
                let help = crate::util::suggest::closest(&key, keys.iter().copied()).map_or_else(
                    || "add it to `[policy.required-labels]`, or remove it".to_owned(),
                    |s| format!("did you mean `{s}`?"),
                );
                cx.report(
                    kv.key.range,
                    format!("label `{key}` is not in the label schema"),
                )
                .set_help(help);
            }
        }
    }
}
