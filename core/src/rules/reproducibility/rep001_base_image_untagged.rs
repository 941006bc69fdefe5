use crate::declare_rule;
use crate::model::BaseKind;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a `FROM` image that has neither a tag nor a digest once the ARG defaults it uses
    /// are expanded. References to earlier stages, `scratch`, and references that depend on a
    /// build argument without a default are not reported: their value is only known at build
    /// time.
    ///
    /// ## Why is this bad?
    /// An untagged image means `:latest`, which moves whenever the publisher pushes. The same
    /// Dockerfile then builds different images from one day to the next, and a breaking major
    /// release arrives unannounced.
    ///
    /// ## Example
    /// ```dockerfile
    /// ARG BASE=python
    /// FROM ${BASE}
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// ARG BASE=python:3.12-slim
    /// FROM ${BASE}
    /// ```
    pub BaseImageUntagged {
        code: "REP001",
        name: "base-image-untagged",
        family: Reproducibility,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DL3006", "DS-0001", "CKV_DOCKER_7"],
        summary: "FROM image without a tag or digest",
    }
}

impl Rule for BaseImageUntagged {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for stage in &cx.model.stages {
            let BaseKind::Image(r) = &stage.base.kind else {
                continue;
            };
            if r.tag.is_some() || r.digest.is_some() {
                continue;
            }
            let shown = &stage.base.expanded.value;
            let msg = if stage.base.raw == *shown {
                format!("`{shown}` has no tag, so it means `{shown}:latest`")
            } else {
                format!(
                    "`{}` expands to `{shown}`, which has no tag",
                    stage.base.raw
                )
            };
            cx.report(stage.base.range, msg)
                .set_help("pin a tag (`image:1.2`) or a digest (`image@sha256:…`)");
        }
    }
}
