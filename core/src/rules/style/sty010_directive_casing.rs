use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a parser directive whose name is not lower case, such as `# Syntax=…` or
    /// `# ESCAPE=`` ` ``.
    ///
    /// ## Why is this bad?
    /// BuildKit reads directive names case-insensitively, but other tools (editors, older
    /// builders, scripts that grep for `# syntax=`) do not, and the documented form is lower
    /// case.
    ///
    /// ## Example
    /// ```dockerfile
    /// # Syntax=docker/dockerfile:1
    /// FROM alpine:3.20
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// # syntax=docker/dockerfile:1
    /// FROM alpine:3.20
    /// ```
    ///
    /// ## Fix safety
    /// Safe: lower-cases the directive name.
    pub DirectiveCasing {
        code: "STY010",
        name: "directive-casing",
        family: Style,
        severity: Style,
        default_enabled: true,
        fix: Always,
        aliases: ["CASING_DIRECTIVE"],
        summary: "Parser directive name not in lower case",
    }
}

impl Rule for DirectiveCasing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for d in &cx.dockerfile.directives {
            let written = cx.text(d.name_range);
            let lower = written.to_ascii_lowercase();
            if written == lower {
                continue;
            }
            let fix = Fix::safe(
                format!("Write `{lower}`"),
                vec![Edit::replace(d.name_range, lower.clone())],
            );
            cx.report(
                d.name_range,
                format!("directive `{written}` should be lower case"),
            )
            .set_help(format!("write `# {lower}=…`"))
            .set_fix(fix);
        }
    }
}
