use crate::config::FlagSpec;
use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::Args;

use super::policy;

declare_rule! {
    /// ## What it does
    /// Reports an instruction flag listed in `[policy] forbidden-flags`. An entry is
    /// `[INSTRUCTION] --name[=value]`: `--network=host` forbids that value of the flag on any
    /// instruction, `RUN --security` any `--security` on RUN, `COPY --chmod` any `--chmod` on
    /// COPY. Values compare case-insensitively; `ONBUILD` triggers are checked too.
    ///
    /// ## Why is this bad?
    /// Some flags weaken the build's isolation (`RUN --network=host`,
    /// `RUN --security=insecure`, `--mount=type=ssh`) or break conventions a platform relies
    /// on; a policy can ban them outright.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN --network=host apk add --no-cache curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl
    /// ```
    ///
    /// ## Options
    /// `forbidden-flags`: entries `[INSTRUCTION] --name[=value]`.
    /// ```toml
    /// [policy]
    /// forbidden-flags = ["--network=host", "RUN --security"]
    /// ```
    pub ForbiddenFlag {
        code: "POL010",
        name: "forbidden-flag",
        family: Policy,
        severity: Error,
        default_enabled: false,
        fix: None,
        aliases: [],
        summary: "an instruction flag the policy forbids is used",
    }
}

impl Rule for ForbiddenFlag {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let Some(list) = &policy(cx).forbidden_flags else {
            return;
        };
        let specs: Vec<FlagSpec> = list
            .iter()
            .filter_map(|s| FlagSpec::parse(s).ok())
            .collect();
        let mut hits = Vec::new();
        for (_, top) in cx.instructions() {
            let ins = match &top.args {
                Args::Onbuild(Some(inner)) => &**inner,
                _ => top,
            };
            for flag in &ins.flags {
                let hit = specs.iter().any(|s| {
                    s.keyword.is_none_or(|k| k == ins.keyword)
                        && s.name.eq_ignore_ascii_case(&flag.name)
                        && s.value.as_deref().is_none_or(|v| {
                            flag.value
                                .as_deref()
                                .is_some_and(|fv| fv.eq_ignore_ascii_case(v))
                        })
                });
                if hit {
                    hits.push((flag.range, flag.text.clone(), ins.keyword.as_str()));
                }
            }
        }
        for (range, text, kw) in hits {
            cx.report(range, format!("`{text}` on {kw} is forbidden by policy"));
        }
    }
}
