use crate::declare_rule;
use crate::model::BaseKind;
use crate::rules::{Context, Rule, RuleMeta};

use super::policy;

declare_rule! {
    /// ## What it does
    /// Reports a `FROM` whose image comes from a registry that is not in
    /// `[policy] trusted-registries`. Images without a registry come from Docker Hub
    /// (`docker.io`). References that depend on a build argument without a default are
    /// skipped: they are only known at build time.
    ///
    /// ## Why is this bad?
    /// Base images are code you run. Organisations mirror and scan the registries they trust;
    /// an image pulled from anywhere else bypasses that (CIS Docker Benchmark 4.2).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM quay.io/acme/base:1.2
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM eu.gcr.io/acme/base:1.2
    /// ```
    ///
    /// ## Options
    /// `trusted-registries`: registry host globs (`*` within a label-separated host,
    /// e.g. `*.gcr.io`); `docker.io` trusts Docker Hub. Unset: the rule does nothing.
    /// ```toml
    /// [policy]
    /// trusted-registries = ["docker.io", "*.gcr.io"]
    /// ```
    pub UntrustedRegistry {
        code: "POL001",
        name: "untrusted-registry",
        family: Policy,
        severity: Error,
        default_enabled: false,
        fix: None,
        aliases: ["DL3026"],
        summary: "FROM image comes from a registry that is not trusted",
    }
}

impl Rule for UntrustedRegistry {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let Some(trusted) = &policy(cx).trusted_registries else {
            return;
        };
        for stage in &cx.model.stages {
            let BaseKind::Image(r) = &stage.base.kind else {
                continue;
            };
            let registry = r.registry_or_default();
            let hub = r.is_docker_hub();
            let ok = trusted.iter().any(|t| {
                let t = t.trim();
                crate::config::glob_matches(t, registry)
                    || (hub && matches!(t, "docker.io" | "index.docker.io" | "hub.docker.com"))
            });
            if !ok {
                cx.report(
                    stage.base.range,
                    format!(
                        "`{}` comes from `{registry}`, which is not a trusted registry",
                        stage.base.raw
                    ),
                )
                .set_help(format!("use an image from {}", trusted.join(", ")));
            }
        }
    }
}
