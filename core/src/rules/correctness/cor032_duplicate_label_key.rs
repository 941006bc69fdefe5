use std::collections::HashMap;

use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Keyword, Word};

use super::common::stage_instructions;

declare_rule! {
    /// ## What it does
    /// Reports a `LABEL` key that is set again later in the same stage with a different
    /// value. The earlier assignment is reported, since it never reaches the image.
    ///
    /// ## Why is this bad?
    /// Only the last value of a label survives. Two different values for the same key in one
    /// stage are usually a merge or copy-paste mistake, and a reader may trust the first.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.version="1.2.0"
    /// RUN apk add --no-cache curl
    /// LABEL org.opencontainers.image.version="1.3.0"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl
    /// LABEL org.opencontainers.image.version="1.3.0"
    /// ```
    pub DuplicateLabelKey {
        code: "COR032",
        name: "duplicate-label-key",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "The same LABEL key is set twice in a stage with different values",
    }
}

impl Rule for DuplicateLabelKey {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        for s in 0..model.stages.len() {
            // (key, expanded value, key word) in order.
            let mut labels: Vec<(String, String, Word)> = Vec::new();
            for (i, ins) in stage_instructions(model, s, Keyword::Label) {
                let Args::Label(pairs) = &ins.args else {
                    continue;
                };
                for kv in pairs {
                    let key = model.expand_at(&kv.key.text, i);
                    let value = model.expand_at(&kv.value.text, i);
                    if key.unresolved {
                        continue;
                    }
                    labels.push((key.value, value.value, kv.key.clone()));
                }
            }
            // Each label's next setting of the same key, from one backward pass with a map
            // (a forward search per label is quadratic on a LABEL with thousands of keys).
            let mut next: Vec<Option<usize>> = vec![None; labels.len()];
            let mut seen: HashMap<String, usize> = HashMap::new();
            for (j, (key, _, _)) in labels.iter().enumerate().rev() {
                next[j] = seen.insert(key.clone(), j);
            }
            for (j, (key, value, word)) in labels.iter().enumerate() {
                let Some((_, later_value, later)) = next[j].and_then(|n| labels.get(n)) else {
                    continue;
                };
                if later_value == value {
                    continue;
                }
                cx.report(
                    word.range,
                    format!("label `{key}` is set again later in this stage: this value is lost"),
                )
                .set_help("remove this assignment or the later one")
                .add_label(later.range, format!("overridden here with `{later_value}`"));
            }
        }
    }
}
