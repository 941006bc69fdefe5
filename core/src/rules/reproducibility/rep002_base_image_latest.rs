use crate::declare_rule;
use crate::model::BaseKind;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a `FROM` image tagged `:latest` (after expanding ARG defaults). An image also
    /// pinned by digest (`image:latest@sha256:…`) is fine: the digest decides.
    ///
    /// ## Why is this bad?
    /// `latest` is just the tag a publisher moves on every release. Builds are not
    /// reproducible, and a new major version can slip in without any change to the Dockerfile.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:latest
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20.11-slim
    /// ```
    pub BaseImageLatest {
        code: "REP002",
        name: "base-image-latest",
        family: Reproducibility,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DL3007", "DS-0001", "CKV_DOCKER_7"],
        summary: "FROM image uses the :latest tag",
    }
}

impl Rule for BaseImageLatest {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for stage in &cx.model.stages {
            let BaseKind::Image(r) = &stage.base.kind else {
                continue;
            };
            if r.tag.as_deref() != Some("latest") || r.digest.is_some() {
                continue;
            }
            cx.report(
                stage.base.range,
                format!("`{}` uses the `latest` tag", stage.base.expanded.value),
            )
            .set_help("pin a specific version tag, or a digest");
        }
    }
}
