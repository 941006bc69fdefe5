use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::Keyword;

use super::policy;

declare_rule! {
    /// ## What it does
    /// Reports every use of an instruction listed in `[policy] forbidden-instructions`,
    /// `ONBUILD` triggers included.
    ///
    /// ## Why is this bad?
    /// Some instructions are banned by house rules: `ADD` (remote fetches without checks),
    /// `ONBUILD` (surprising downstream behaviour), `VOLUME` (breaks later layers),
    /// `EXPOSE` in base images…
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ADD app.tar.gz /opt/
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// COPY app/ /opt/app/
    /// ```
    ///
    /// ## Options
    /// `forbidden-instructions`: instruction keywords (case-insensitive).
    /// ```toml
    /// [policy]
    /// forbidden-instructions = ["ADD", "ONBUILD"]
    /// ```
    pub ForbiddenInstruction {
        code: "POL008",
        name: "forbidden-instruction",
        family: Policy,
        severity: Error,
        default_enabled: false,
        fix: None,
        aliases: [],
        summary: "an instruction the policy forbids is used",
    }
}

impl Rule for ForbiddenInstruction {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let Some(list) = &policy(cx).forbidden_instructions else {
            return;
        };
        let banned: Vec<Keyword> = list.iter().map(|k| Keyword::parse(k.trim())).collect();
        for kw in banned.iter().copied().filter(|k| *k != Keyword::Unknown) {
            let found: Vec<_> = cx
                .instructions_with(kw)
                .map(|(_, ins, onbuild)| (ins.keyword_range, onbuild))
                .collect();
            for (range, onbuild) in found {
                let what = if onbuild {
                    " (in an ONBUILD trigger)"
                } else {
                    ""
                };
                cx.report(
                    range,
                    format!("`{}` is forbidden by policy{what}", kw.as_str()),
                );
            }
        }
    }
}
