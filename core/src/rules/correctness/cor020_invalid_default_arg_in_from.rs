use crate::declare_rule;
use crate::model::{BaseKind, Lookup, PLATFORM_ARGS, expand};
use crate::rules::{Context, Rule, RuleMeta};

use super::cor028_invalid_base_reference::reference_problem;

declare_rule! {
    /// ## What it does
    /// Reports a `FROM` that, when built without `--build-arg`, expands to an empty or invalid
    /// image reference because a global `ARG` it uses has no default (or an unsuitable one).
    ///
    /// ## Why is this bad?
    /// `ARG TAG` without a default is empty unless every build passes `--build-arg TAG=…`;
    /// `FROM node:${TAG}` then becomes `FROM node:`, which Docker rejects. A sensible default
    /// keeps plain `docker build .` working.
    ///
    /// ## Example
    /// ```dockerfile
    /// ARG TAG
    /// FROM node:${TAG}
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// ARG TAG=20-slim
    /// FROM node:${TAG}
    /// ```
    pub InvalidDefaultArgInFrom {
        code: "COR020",
        name: "invalid-default-arg-in-from",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["InvalidDefaultArgInFrom"],
        summary: "FROM expands to an invalid image with the ARG defaults",
    }
}

impl Rule for InvalidDefaultArgInFrom {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        for stage in &model.stages {
            if stage.base.kind != BaseKind::Unresolved || !stage.base.expanded.undefined.is_empty()
            {
                continue;
            }
            let mut platform = false;
            let mut no_default: Vec<String> = Vec::new();
            let lookup = |n: &str| -> Lookup<'_> {
                match model.global_arg(n) {
                    Some((_, Some(v), _)) => Lookup::Value(v.as_str()),
                    Some(_) => Lookup::Value(""),
                    None if PLATFORM_ARGS.contains(&n) => Lookup::Unknown,
                    None => Lookup::Undefined,
                }
            };
            let exp = expand(&stage.base.raw, cx.dockerfile.escape, &lookup);
            for n in &exp.referenced {
                if PLATFORM_ARGS.contains(&n.as_str()) {
                    platform = true;
                } else if model.global_arg(n).is_some_and(|(_, v, _)| v.is_none()) {
                    no_default.push(n.clone());
                }
            }
            if platform || exp.unresolved || exp.error.is_some() || no_default.is_empty() {
                continue;
            }
            let value = exp.value.as_str();
            if model.resolve_stage_ref(value, stage.index).is_some()
                || value.eq_ignore_ascii_case("scratch")
            {
                continue;
            }
            let problem = if value.is_empty() {
                Some("is empty".to_owned())
            } else {
                reference_problem(value).map(|p| format!("is `{value}`, which is invalid: {p}"))
            };
            if let Some(p) = problem {
                let names = no_default
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                cx.report(
                    stage.base.range,
                    format!("without --build-arg the base image {p} ({names} has no default)"),
                )
                .set_help("give the ARG a default value that makes a valid image reference");
            }
        }
    }
}
