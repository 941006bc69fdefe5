use crate::declare_rule;
use crate::model::BaseKind;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Keyword};

use super::common::{is_absolute_path, root_base};

declare_rule! {
    /// ## What it does
    /// Reports a relative `WORKDIR` when no earlier `WORKDIR` in the stage or the stages it is
    /// built from (`FROM <stage>`) set the directory it is relative to. Windows paths such as
    /// `C:\app` are absolute; build arguments are resolved with their defaults and values that
    /// stay unknown are skipped. Stages built `FROM scratch` start in `/` and are not reported.
    ///
    /// ## Why is this bad?
    /// A relative `WORKDIR` is resolved against whatever working directory the base image set,
    /// which the Dockerfile does not show and which changes when the base image changes.
    /// Copies and commands then land in an unexpected place.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20
    /// WORKDIR app
    /// COPY . .
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20
    /// WORKDIR /app
    /// COPY . .
    /// WORKDIR src
    /// ```
    pub WorkdirRelative {
        code: "COR011",
        name: "workdir-relative",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DL3000", "WorkdirRelativePath", "DS-0009", "CKV_DOCKER_10"],
        summary: "Relative WORKDIR with no absolute WORKDIR before it",
    }
}

impl Rule for WorkdirRelative {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        for (i, ins, onbuild) in cx.instructions_with(Keyword::Workdir) {
            let Args::Workdir(Some(w)) = &ins.args else {
                continue;
            };
            if onbuild {
                // Resolved in the downstream build, against its own WORKDIR.
                continue;
            }
            if model.contexts.get(i).and_then(|c| c.workdir).is_some() {
                continue;
            }
            let Some(stage) = model.contexts.get(i).and_then(|c| c.stage) else {
                continue;
            };
            if matches!(root_base(model, stage), Some(BaseKind::Scratch)) {
                continue;
            }
            let exp = model.expand_at(&w.text, i);
            if exp.unresolved || exp.error.is_some() || exp.value.is_empty() {
                continue;
            }
            if is_absolute_path(&exp.value) || is_absolute_path(&w.text) {
                continue;
            }
            cx.report(
                w.range,
                format!(
                    "relative WORKDIR `{}` depends on the base image's working directory",
                    exp.value
                ),
            )
            .set_help("use an absolute path, e.g. `WORKDIR /app`");
        }
    }
}
