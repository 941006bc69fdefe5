use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `COPY --from` (or `RUN --mount=from=`) that names the stage it is in, by name or
    /// by index. Build arguments in the value are resolved with their defaults.
    ///
    /// ## Why is this bad?
    /// A stage cannot read its own result while it is being built: BuildKit reports a circular
    /// dependency, or (for a name) treats it as an image to pull. The intended source is
    /// usually another stage or the build context.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20 AS web
    /// RUN npm ci && npm run build
    /// COPY --from=web /dist /srv
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20 AS web
    /// RUN npm ci && npm run build
    /// FROM nginx:1.27
    /// COPY --from=web /dist /usr/share/nginx/html
    /// ```
    pub CopyFromSelf {
        code: "COR005",
        name: "copy-from-self",
        family: Correctness,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: ["DL3023", "DS-0006"],
        summary: "COPY --from refers to the stage it is in",
    }
}

impl Rule for CopyFromSelf {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        for (s, stage) in model.stages.iter().enumerate() {
            for r in cx.stage_refs(s) {
                let exp = model.expand_at(&r.value, r.index);
                if exp.unresolved || exp.error.is_some() {
                    continue;
                }
                let value = exp.value.to_ascii_lowercase();
                let is_self = value.parse::<usize>().map_or_else(
                    |_| {
                        model.resolve_stage_ref(&value, s).is_none()
                            && stage.name.as_deref() == Some(value.as_str())
                    },
                    |n| n == s,
                );
                if is_self {
                    let d = cx.report(r.range, "the stage copies from itself");
                    d.set_help("copy from an earlier stage or from the build context");
                    if let Some(nr) = stage.name_range {
                        d.add_label(nr, "this stage");
                    }
                }
            }
        }
    }
}
