use crate::config::ImageAction;
use crate::declare_rule;
use crate::model::BaseKind;
use crate::rules::{Context, Rule, RuleMeta};

use super::{matching_rule, policy};

declare_rule! {
    /// ## What it does
    /// Reports a `FROM` image that `[[policy.base-images]]` denies, or that matches no `allow`
    /// entry when the list has any. Entries are tried in order; the first whose `pattern`
    /// matches the image name (without tag or digest) decides. Stage references, `scratch` and
    /// references that depend on an unset build argument are skipped.
    ///
    /// ## Why is this bad?
    /// Platform teams maintain a short list of approved, patched base images (and ban
    /// end-of-life ones). A Dockerfile that strays from it ships unreviewed software.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM centos:7
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// ```
    ///
    /// ## Options
    /// `base-images`: a list of `{ pattern, action = "allow" | "deny", require-digest,
    /// tag-pattern, reason }`. `pattern` is a glob matched against the name as written
    /// (`python`, `ghcr.io/acme/base`) and fully qualified (`docker.io/library/python`).
    /// `require-digest` and `tag-pattern` are checked by `POL003`.
    /// ```toml
    /// [[policy.base-images]]
    /// pattern = "centos"
    /// action = "deny"
    /// reason = "CentOS 7 is end-of-life"
    ///
    /// [[policy.base-images]]
    /// pattern = "python"
    /// ```
    pub BaseImageNotAllowed {
        code: "POL002",
        name: "base-image-not-allowed",
        family: Policy,
        severity: Error,
        default_enabled: false,
        fix: None,
        aliases: [],
        summary: "FROM image is denied by, or missing from, the approved base images",
    }
}

impl Rule for BaseImageNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let Some(rules) = &policy(cx).base_images else {
            return;
        };
        for stage in &cx.model.stages {
            let BaseKind::Image(r) = &stage.base.kind else {
                continue;
            };
            let (hit, any_allow) = matching_rule(rules, r);
            match hit {
                Some(b) if b.action == ImageAction::Deny => {
                    let why = b
                        .reason
                        .as_deref()
                        .map(|s| format!(": {s}"))
                        .unwrap_or_default();
                    cx.report(
                        stage.base.range,
                        format!(
                            "base image `{}` is denied by policy (`{}`){why}",
                            stage.base.raw, b.pattern
                        ),
                    );
                }
                None if any_allow => {
                    let allowed: Vec<&str> = rules
                        .iter()
                        .filter(|b| b.action == ImageAction::Allow)
                        .map(|b| b.pattern.as_str())
                        .collect();
                    cx.report(
                        stage.base.range,
                        format!(
                            "base image `{}` is not an approved base image",
                            stage.base.raw
                        ),
                    )
                    .set_help(format!("use one of: {}", allowed.join(", ")));
                }
                _ => {}
            }
        }
    }
}
