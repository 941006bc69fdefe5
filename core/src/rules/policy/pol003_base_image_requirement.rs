use crate::config::ImageAction;
use crate::declare_rule;
use crate::model::BaseKind;
use crate::rules::{Context, Rule, RuleMeta};

use super::{matching_rule, policy};

declare_rule! {
    /// ## What it does
    /// Reports a `FROM` image allowed by `[[policy.base-images]]` that breaks the entry's
    /// requirements: `require-digest` (the reference must carry `@sha256:…`) or `tag-pattern`
    /// (a regex the tag must match; an untagged reference fails it).
    ///
    /// ## Why is this bad?
    /// Approving an image is not enough when any tag of it may be used: a policy may ask for
    /// the supported release line (`^3\.12`) or for digest pinning so builds are reproducible
    /// and a compromised tag cannot slip in.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.9
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
    /// ```
    ///
    /// ## Options
    /// The `require-digest` and `tag-pattern` keys of `[[policy.base-images]]` entries (see
    /// `POL002`).
    /// ```toml
    /// [[policy.base-images]]
    /// pattern = "python"
    /// tag-pattern = '^3\.1[2-9]'
    /// require-digest = true
    /// ```
    pub BaseImageRequirement {
        code: "POL003",
        name: "base-image-requirement",
        family: Policy,
        severity: Error,
        default_enabled: false,
        fix: None,
        aliases: [],
        summary: "FROM image does not meet the approved image's digest or tag requirements",
    }
}

impl Rule for BaseImageRequirement {
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
            let (Some(b), _) = matching_rule(rules, r) else {
                continue;
            };
            if b.action != ImageAction::Allow {
                continue;
            }
            let raw = stage.base.raw.clone();
            if b.require_digest == Some(true) && r.digest.is_none() {
                cx.report(
                    stage.base.range,
                    format!("base image `{raw}` must be pinned by digest"),
                )
                .set_help(
                    "append `@sha256:<digest>` (`docker buildx imagetools inspect` shows it)",
                );
            }
            if let Some(re) = b
                .tag_pattern
                .as_deref()
                .and_then(|p| regex_lite::Regex::new(p).ok())
            {
                let tag = r.tag.as_deref().unwrap_or("");
                if !re.is_match(tag) {
                    let what = if tag.is_empty() {
                        "has no tag".to_owned()
                    } else {
                        format!("has tag `{tag}`")
                    };
                    cx.report(
                        stage.base.range,
                        format!(
                            "base image `{raw}` {what}, which does not match `{}`",
                            re.as_str()
                        ),
                    );
                }
            }
        }
    }
}
