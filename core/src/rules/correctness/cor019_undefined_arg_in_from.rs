use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::Word;
use crate::util::suggest::{SuggestBudget, closest};

use super::cor017_env_self_reference::var_range;

declare_rule! {
    /// ## What it does
    /// Reports a variable in `FROM` (the image or `--platform`) that is neither a global
    /// `ARG` (declared before the first `FROM`) nor one of the automatic platform arguments
    /// (`TARGETPLATFORM`, `BUILDARCH`, …).
    ///
    /// ## Why is this bad?
    /// `FROM` only sees global `ARG`s. An `ARG` declared inside an earlier stage, or a typo,
    /// expands to an empty string, so `FROM node:${NODE_VERSON}` becomes `FROM node:` and the
    /// build fails (or pulls something unexpected).
    ///
    /// ## Example
    /// ```dockerfile
    /// ARG NODE_VERSION=20
    /// FROM node:${NODE_VERSON}-slim
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// ARG NODE_VERSION=20
    /// FROM node:${NODE_VERSION}-slim
    /// ```
    pub UndefinedArgInFrom {
        code: "COR019",
        name: "undefined-arg-in-from",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["UndefinedArgInFrom"],
        summary: "FROM uses a variable that is not a global ARG",
    }
}

impl Rule for UndefinedArgInFrom {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        let globals: Vec<&str> = model
            .global_args
            .iter()
            .map(|(n, _, _)| n.as_str())
            .collect();
        let mut budget = SuggestBudget::default();
        for stage in &model.stages {
            let Some(from) = model.instructions.get(stage.from) else {
                continue;
            };
            let mut words: Vec<Word> = Vec::new();
            if !stage.base.raw.is_empty() {
                words.push(Word {
                    range: stage.base.range,
                    text: stage.base.raw.clone(),
                });
            }
            if let Some(f) = from.flag("platform")
                && let (Some(v), Some(r)) = (&f.value, f.value_range)
            {
                words.push(Word {
                    range: r,
                    text: v.clone(),
                });
            }
            for w in words {
                let exp = model.expand_at(&w.text, stage.from);
                for name in &exp.undefined {
                    let range = var_range(cx.source, &w, name);
                    let d = cx.report(
                        range,
                        format!("`{name}` is not a global ARG, so it is empty in FROM"),
                    );
                    let suggestion = budget
                        .spend(globals.len())
                        .then(|| closest(name, globals.iter().copied()))
                        .flatten();
                    match suggestion {
                        Some(sug) => d.set_help(format!("did you mean `{sug}`?")),
                        None => d.set_help(format!("declare `ARG {name}=…` before the first FROM")),
                    };
                }
            }
        }
    }
}
