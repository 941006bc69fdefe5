use crate::declare_rule;
use crate::model::BaseKind;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::Keyword;

use super::common::{copy_paths, is_absolute_path, root_base};

declare_rule! {
    /// ## What it does
    /// Reports `COPY` or `ADD` to a relative destination in a stage where no `WORKDIR` has
    /// been set (in the stage or the stages it is built from). Destinations that depend on a
    /// build argument without a default, Windows absolute paths and stages built
    /// `FROM scratch` (which start in `/`) are not reported.
    ///
    /// ## Why is this bad?
    /// A relative destination is resolved against the base image's working directory, which
    /// the Dockerfile does not show. Files end up in `/` for one base image and in
    /// `/usr/src/app` for another.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// COPY requirements.txt .
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// WORKDIR /app
    /// COPY requirements.txt .
    /// ```
    pub CopyRelativeDestWithoutWorkdir {
        code: "COR012",
        name: "copy-relative-dest-without-workdir",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DL3045"],
        summary: "COPY to a relative destination with no WORKDIR set",
    }
}

impl Rule for CopyRelativeDestWithoutWorkdir {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        for keyword in [Keyword::Copy, Keyword::Add] {
            for (i, ins, onbuild) in cx.instructions_with(keyword) {
                if onbuild || model.contexts.get(i).and_then(|c| c.workdir).is_some() {
                    continue;
                }
                let Some(stage) = model.contexts.get(i).and_then(|c| c.stage) else {
                    continue;
                };
                if matches!(root_base(model, stage), Some(BaseKind::Scratch)) {
                    continue;
                }
                let Some((sources, dest, _)) = copy_paths(ins) else {
                    continue;
                };
                if sources.is_empty() {
                    continue;
                }
                let exp = model.expand_at(&dest.text, i);
                if exp.unresolved || exp.error.is_some() || exp.value.is_empty() {
                    continue;
                }
                if is_absolute_path(&exp.value) {
                    continue;
                }
                cx.report(
                    dest.range,
                    format!("relative destination `{}` with no WORKDIR set", exp.value),
                )
                .set_help(
                    "set `WORKDIR /some/dir` earlier in the stage, or use an absolute destination",
                );
            }
        }
    }
}
