use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a stage name (`FROM … AS name`) that an earlier stage already uses. Names are
    /// compared case-insensitively, as Docker does.
    ///
    /// ## Why is this bad?
    /// `COPY --from=name`, `RUN --mount=from=name` and `FROM name` resolve to the first stage
    /// with that name, so the later stage can never be referenced by name and `--target name`
    /// is ambiguous. BuildKit rejects the file.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// RUN go build -o /app ./cmd/app
    /// FROM node:20 AS build
    /// RUN npm ci
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.22 AS build-go
    /// RUN go build -o /app ./cmd/app
    /// FROM node:20 AS build-web
    /// RUN npm ci
    /// ```
    pub StageNameDuplicate {
        code: "COR002",
        name: "stage-name-duplicate",
        family: Correctness,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: ["DL3024", "DuplicateStageName", "DS-0012", "CKV_DOCKER_11"],
        summary: "Two stages share the same name",
    }
}

impl Rule for StageNameDuplicate {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        for (s, stage) in model.stages.iter().enumerate() {
            let (Some(name), Some(range)) = (&stage.name, stage.name_range) else {
                continue;
            };
            // The model maps each name to its first stage: no scan of the earlier stages.
            let Some(first) = model
                .first_stage_named(name)
                .filter(|&f| f < s)
                .and_then(|f| model.stages.get(f))
            else {
                continue;
            };
            let d = cx.report(
                range,
                format!(
                    "stage name `{name}` is already used by stage {}",
                    first.index
                ),
            );
            d.set_help("give every stage a unique name");
            if let Some(first_range) = first.name_range {
                d.add_label(first_range, "first defined here");
            }
        }
    }
}
