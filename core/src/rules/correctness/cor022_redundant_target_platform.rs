use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta};
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Reports `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`).
    ///
    /// ## Why is this bad?
    /// Stages are built for the target platform by default; the flag adds nothing and
    /// suggests that removing it would change something.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM --platform=$TARGETPLATFORM alpine:3.20
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ```
    ///
    /// ## Fix safety
    /// Safe: removes the flag; the stage is built for the same platform.
    pub RedundantTargetPlatform {
        code: "COR022",
        name: "redundant-target-platform",
        family: Correctness,
        severity: Info,
        default_enabled: true,
        fix: Always,
        aliases: ["DL3065", "RedundantTargetPlatform"],
        summary: "FROM --platform=$TARGETPLATFORM is the default",
    }
}

impl Rule for RedundantTargetPlatform {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        for stage in &model.stages {
            let Some(from) = model.instructions.get(stage.from) else {
                continue;
            };
            for f in from.flags.iter().filter(|f| f.name == "platform") {
                let Some(v) = &f.value else { continue };
                let v = v.trim_matches('"');
                if v != "$TARGETPLATFORM" && v != "${TARGETPLATFORM}" {
                    continue;
                }
                // Delete the flag and the blanks after it.
                let rest = cx.source.get(f.range.end_usize()..).unwrap_or("");
                let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
                let end = f.range.end + u32::try_from(blanks).unwrap_or(0);
                let fix = Fix::safe(
                    "Remove the redundant --platform flag",
                    vec![Edit::delete(TextRange::new(f.range.start, end))],
                );
                cx.report(f.range, "`--platform=$TARGETPLATFORM` is the default")
                    .set_help("remove the flag")
                    .set_fix(fix);
            }
        }
    }
}
