use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};

use super::policy;

declare_rule! {
    /// ## What it does
    /// With `[policy] no-inline-suppressions = true`, reports every inline suppression comment
    /// (`# stowage ignore=…`, `# hadolint ignore=…`, `# check=skip=…`, `# checkov:skip=…`).
    ///
    /// ## Why is this bad?
    /// Where findings must go through review, a comment in the Dockerfile should not be able
    /// to silence them; exceptions belong in the reviewed configuration instead
    /// (`[[overrides]]`).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// # hadolint ignore=DL3018
    /// RUN apk add --no-cache curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl=8.9.1-r0
    /// ```
    ///
    /// ## Options
    /// `no-inline-suppressions` (default `false`). To ignore the comments instead, set the
    /// top-level `inline-suppressions = false` (hadolint's `disable-ignore-pragma`).
    /// ```toml
    /// [policy]
    /// no-inline-suppressions = true
    /// ```
    pub InlineSuppression {
        code: "POL012",
        name: "inline-suppression",
        family: Policy,
        severity: Warning,
        default_enabled: false,
        fix: None,
        aliases: ["DL1001"],
        summary: "an inline suppression comment is used while the policy forbids them",
    }
}

impl Rule for InlineSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        if policy(cx).no_inline_suppressions != Some(true) {
            return;
        }
        for s in crate::suppress::collect(cx.source, cx.dockerfile) {
            cx.report(
                s.code_range,
                format!("inline suppression of `{}` is not allowed", s.code),
            )
            .set_help("remove the comment; agree exceptions in the configuration instead");
        }
    }
}
