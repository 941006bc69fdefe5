use crate::declare_rule;
use crate::model::BaseKind;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a `FROM` image (after ARG expansion) that is not pinned by digest
    /// (`@sha256:…`). Opt-in: digests need a tool such as Renovate or Dependabot to stay
    /// current.
    ///
    /// ## Why is this bad?
    /// Even a precise tag such as `3.12.1-slim` can be re-pushed (security rebuilds, or a
    /// compromised registry account). Only a digest names exactly one image, so only a digest
    /// makes the base of the build fully reproducible and tamper-evident.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim@sha256:0000000000000000000000000000000000000000000000000000000000000000
    /// ```
    pub BaseImageNotDigestPinned {
        code: "REP003",
        name: "base-image-not-digest-pinned",
        family: Reproducibility,
        severity: Info,
        default_enabled: false,
        fix: None,
        aliases: ["not_pinned_digest"],
        summary: "FROM image not pinned by digest",
    }
}

impl Rule for BaseImageNotDigestPinned {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for stage in &cx.model.stages {
            let BaseKind::Image(r) = &stage.base.kind else {
                continue;
            };
            if r.digest.is_some() {
                continue;
            }
            cx.report(
                stage.base.range,
                format!("`{}` is not pinned by digest", stage.base.expanded.value),
            )
            .set_help(
                "append the digest, e.g. `image:tag@sha256:…`, and let a bot keep it current",
            );
        }
    }
}
