use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::Args;

declare_rule! {
    /// ## What it does
    /// Reports `AS` in `FROM image AS name` written in a different case from `FROM`:
    /// `FROM node AS build` and `from node as build` are consistent, `FROM node as build` is
    /// not.
    ///
    /// ## Why is this bad?
    /// Docker accepts both, but mixed casing in one line looks accidental and makes stage
    /// definitions harder to grep.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20 as build
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20 AS build
    /// ```
    ///
    /// ## Fix safety
    /// Safe: rewrites `AS` in the casing of `FROM`.
    pub FromAsCasing {
        code: "STY005",
        name: "from-as-casing",
        family: Style,
        severity: Style,
        default_enabled: true,
        fix: Always,
        aliases: ["FromAsCasing", "INVALID_AS"],
        summary: "AS casing does not match FROM",
    }
}

impl Rule for FromAsCasing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for stage in &cx.model.stages {
            let Some(ins) = cx.model.instructions.get(stage.from) else {
                continue;
            };
            let Args::From {
                as_keyword: Some(kw),
                ..
            } = &ins.args
            else {
                continue;
            };
            let from_lower = ins.keyword_text() == ins.keyword_text().to_ascii_lowercase();
            let want = if from_lower { "as" } else { "AS" };
            if kw.text == want {
                continue;
            }
            let fix = Fix::safe(
                format!("Write `{want}`"),
                vec![Edit::replace(kw.range, want)],
            );
            cx.report(
                kw.range,
                format!(
                    "`{}` does not match the casing of `{}`",
                    kw.text,
                    ins.keyword_text()
                ),
            )
            .set_help(format!("write `{want}`"))
            .set_fix(fix);
        }
    }
}
