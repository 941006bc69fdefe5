use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};

use super::{labels, policy, unquote};

declare_rule! {
    /// ## What it does
    /// Reports each label of `[policy] required-labels` that the shipped image does not set:
    /// no `LABEL` in the built stage or the stages it is based on gives it. Builder stages
    /// need no labels.
    ///
    /// ## Why is this bad?
    /// Labels are how registries, scanners and people find an image's source, owner, version
    /// and licence. A policy that requires them only works when every image has them.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.title="api"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.title="api" \
    ///       org.opencontainers.image.source="https://git.example.com/acme/api"
    /// ```
    ///
    /// ## Options
    /// `required-labels`: label name → value format (`text`, `url`, `semver`, `hash`,
    /// `rfc3339`, `spdx`, `email`; checked by `POL005`). hadolint's `label-schema`.
    /// ```toml
    /// [policy.required-labels]
    /// "org.opencontainers.image.source" = "url"
    /// ```
    pub RequiredLabelMissing {
        code: "POL004",
        name: "required-label-missing",
        family: Policy,
        severity: Info,
        default_enabled: false,
        fix: None,
        aliases: ["DL3049"],
        summary: "a label required by the policy is missing from the shipped image",
    }
}

impl Rule for RequiredLabelMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let Some(required) = &policy(cx).required_labels else {
            return;
        };
        let Some(target) = cx.model.target.and_then(|t| cx.model.stages.get(t)) else {
            return;
        };
        let Some(from) = cx.model.instructions.get(target.from) else {
            return;
        };
        let at = from.first_line_range();
        let present: Vec<String> = labels(cx)
            .into_iter()
            .filter(|(i, _)| cx.model.is_shipped(*i))
            .map(|(_, kv)| unquote(&kv.key.text))
            .collect();
        for (name, format) in required {
            if !present.iter().any(|p| p == name) {
                cx.report(at, format!("the image has no `{name}` label"))
                    .set_help(format!("add `LABEL {name}=<{}>`", format.as_str()));
            }
        }
    }
}
