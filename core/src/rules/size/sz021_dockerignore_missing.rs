use super::sz019_bloated_base_image::report_advice;
use crate::declare_rule;
use crate::optimize::SuggestionKind;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports the first `COPY`/`ADD` of the whole build context (`COPY . .`) when the build
    /// context has no `.dockerignore`, or when it has one that does not exclude `.git` (nor
    /// `node_modules` in a Node project). The rule needs to know whether the `.dockerignore`
    /// exists: the CLI passes it; without that input the rule is silent.
    ///
    /// ## Why is this bad?
    /// Without exclusions the whole directory is sent to the builder on every build and
    /// copied into the image: the repository history, local dependencies built for the host,
    /// logs and `.env` files. The image grows, the COPY layer is invalidated by any change
    /// anywhere, and secrets can leak into it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// WORKDIR /app
    /// COPY . .
    /// ```
    /// with a `.dockerignore` that does not mention `.git` (or none at all):
    /// ```dockerignore
    /// *.log
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// WORKDIR /app
    /// COPY . .
    /// ```
    /// with this `.dockerignore`:
    /// ```dockerignore
    /// .git
    /// node_modules
    /// .env
    /// ```
    pub DockerignoreMissing {
        code: "SZ021",
        name: "dockerignore-missing",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "The whole build context is copied without a .dockerignore excluding .git or node_modules",
    }
}

impl Rule for DockerignoreMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        report_advice(cx, Self::META.code, SuggestionKind::Dockerignore, |_| true);
    }
}
