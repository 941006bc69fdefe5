use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::model::BaseKind;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a stage name that is not all lower case (`FROM node AS Build`).
    ///
    /// ## Why is this bad?
    /// Docker lower-cases stage names, so `Build`, `build` and `BUILD` are the same stage.
    /// Writing them in different cases across `FROM`, `COPY --from` and `--target` invites
    /// confusion; lower case is what Docker shows.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22 AS Build
    /// FROM alpine:3.20
    /// COPY --from=Build /out/app /app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// FROM alpine:3.20
    /// COPY --from=build /out/app /app
    /// ```
    ///
    /// ## Fix safety
    /// Safe: renames the stage and every literal reference to it (`FROM`, `COPY --from`,
    /// `RUN --mount=from=`) in one edit; Docker compares the names case-insensitively.
    pub StageNameCasing {
        code: "STY006",
        name: "stage-name-casing",
        family: Style,
        severity: Style,
        default_enabled: true,
        fix: Always,
        aliases: ["StageNameCasing"],
        summary: "Stage name is not lower case",
    }
}

impl Rule for StageNameCasing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        for (s, stage) in model.stages.iter().enumerate() {
            let Some(range) = stage.name_range else {
                continue;
            };
            let written = cx.text(range);
            let Some(lower) = stage.name.clone() else {
                continue;
            };
            if written == lower {
                continue;
            }
            // A duplicate name is reported elsewhere; references resolve to the first one.
            if model.resolve_stage_ref(&lower, s).is_some() {
                continue;
            }
            let mut edits = vec![Edit::replace(range, lower.clone())];
            for later in model.stages.iter().skip(s + 1) {
                if later.base.kind == BaseKind::Stage(s)
                    && later.base.raw.eq_ignore_ascii_case(&lower)
                    && later.base.raw != lower
                {
                    edits.push(Edit::replace(later.base.range, lower.clone()));
                }
                for r in cx.stage_refs(later.index) {
                    if r.value.eq_ignore_ascii_case(&lower)
                        && r.value != lower
                        && model.resolve_stage_ref(&r.value, later.index) == Some(s)
                    {
                        edits.push(Edit::replace(r.range, lower.clone()));
                    }
                }
            }
            let fix = Fix::safe(format!("Rename the stage to `{lower}`"), edits);
            cx.report(
                range,
                format!("stage name `{written}` should be lower case"),
            )
            .set_help(format!("write `{lower}` here and in every reference"))
            .set_fix(fix);
        }
    }
}
