use crate::declare_rule;
use crate::model::BaseKind;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports `COPY --from=<stage or image> / /`: copying another stage's entire root file
    /// system over the current one.
    ///
    /// ## Why is this bad?
    /// Everything from the source comes along — package databases, `/etc/passwd`, caches,
    /// build tools, secrets left in the builder — and silently overwrites the current stage's
    /// files. Copy only the artefacts you need. Flattening into a `FROM scratch` stage is a
    /// deliberate pattern and is not reported.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// RUN go build -o /out/app ./cmd/app
    /// FROM gcr.io/distroless/static
    /// COPY --from=build / /
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// RUN go build -o /out/app ./cmd/app
    /// FROM gcr.io/distroless/static
    /// COPY --from=build /out/app /app
    /// ```
    pub CopyWholeFilesystem {
        code: "SEC031",
        name: "copy-whole-filesystem",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DL3067"],
        summary: "COPY --from copies a whole root file system",
    }
}

fn is_root(p: &str) -> bool {
    let p = p.trim_matches('"');
    !p.is_empty() && p.chars().all(|c| c == '/' || c == '.') && p.starts_with('/')
}

impl Rule for CopyWholeFilesystem {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (i, ins, onbuild) in cx.instructions_with(Keyword::Copy) {
            let Some(from) = ins.flag("from") else {
                continue;
            };
            // Flattening a stage into `scratch` is a deliberate, well-known pattern.
            if !onbuild
                && cx
                    .model
                    .stage_of(i)
                    .is_some_and(|s| s.base.kind == BaseKind::Scratch)
            {
                continue;
            }
            let Args::Copy { paths, .. } = &ins.args else {
                continue;
            };
            let Some((dest, sources)) = paths.split_last() else {
                continue;
            };
            let dest_value = cx.model.expand_at(&dest.text, i).value;
            if !is_root(&dest_value) {
                continue;
            }
            for src in sources {
                if is_root(&cx.model.expand_at(&src.text, i).value) {
                    cx.report(
                        src.range,
                        format!(
                            "copies the whole file system of `{}`",
                            from.value.as_deref().unwrap_or("")
                        ),
                    )
                    .add_label(dest.range, "over the root of this stage")
                    .set_help("copy only the files the image needs");
                }
            }
        }
    }
}
