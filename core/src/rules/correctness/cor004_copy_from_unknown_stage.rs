use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::util::suggest::{SuggestBudget, closest};

declare_rule! {
    /// ## What it does
    /// Reports `COPY --from=x` (and `RUN --mount=from=x`) where `x` is neither an earlier
    /// stage (by name or index) nor something that looks like an image reference (a name with
    /// a `/`, `:` or `.`). Build arguments in the value are resolved with their defaults;
    /// values that depend on a build argument without a default are skipped.
    ///
    /// ## Why is this bad?
    /// A value that is not an earlier stage is pulled as an image: a typo in a stage name, or a
    /// reference to a stage defined *later* in the file, silently becomes
    /// `docker.io/library/<x>:latest` — a failed pull at best, someone else's files at worst.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22 AS builder
    /// RUN go build -o /out/app .
    /// FROM alpine:3.20
    /// COPY --from=buidler /out/app /usr/local/bin/app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.22 AS builder
    /// RUN go build -o /out/app .
    /// FROM alpine:3.20
    /// COPY --from=builder /out/app /usr/local/bin/app
    /// COPY --from=busybox:1.36 /bin/busybox /bin/busybox
    /// ```
    pub CopyFromUnknownStage {
        code: "COR004",
        name: "copy-from-unknown-stage",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3022"],
        summary: "COPY --from names neither an earlier stage nor an image",
    }
}

impl Rule for CopyFromUnknownStage {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        let mut budget = SuggestBudget::default();
        for s in 0..model.stages.len() {
            for r in cx.stage_refs(s) {
                let exp = model.expand_at(&r.value, r.index);
                if exp.unresolved || exp.error.is_some() {
                    continue;
                }
                let value = exp.value.as_str();
                if value.is_empty() {
                    continue;
                }
                if let Ok(n) = value.parse::<usize>() {
                    if n >= s {
                        cx.report(
                            r.range,
                            format!("stage index {n} does not refer to an earlier stage"),
                        )
                        .set_help("stages can only copy from stages defined before them");
                    }
                    continue;
                }
                if model.resolve_stage_ref(value, s).is_some() {
                    continue;
                }
                let lower = value.to_ascii_lowercase();
                if model.stages.get(s).and_then(|st| st.name.as_deref()) == Some(lower.as_str()) {
                    // Copying from itself: reported by copy-from-self.
                    continue;
                }
                // An earlier stage of this name would have resolved above, and this stage is
                // copy-from-self: the first stage of the name, if any, is a later one.
                let later = model
                    .first_stage_named(&lower)
                    .filter(|&f| f > s)
                    .and_then(|f| model.stages.get(f));
                if let Some(later) = later {
                    let d = cx.report(
                        r.range,
                        format!("stage `{value}` is defined after this instruction; it is pulled as an image instead"),
                    );
                    d.set_help("move the stage before the one that copies from it");
                    if let Some(nr) = later.name_range {
                        d.add_label(nr, "defined here");
                    }
                    continue;
                }
                if value.contains(['/', ':', '.', '@']) {
                    continue;
                }
                let names = model.stages[..s].iter().filter_map(|st| st.name.as_deref());
                // Both searches scan the earlier stages: paid from the budget.
                let suggestion = budget
                    .spend(s)
                    .then(|| {
                        closest(&lower, names).or_else(|| {
                            // `set` for `license-set`: a name whose first or last part is the value.
                            model.stages[..s]
                                .iter()
                                .filter_map(|st| st.name.as_deref())
                                .find(|n| {
                                    n.rsplit(['-', '_', '.']).next() == Some(lower.as_str())
                                        || n.split(['-', '_', '.']).next() == Some(lower.as_str())
                                })
                        })
                    })
                    .flatten()
                    .map(str::to_owned);
                let msg = format!(
                    "`{value}` is not an earlier stage; it is pulled as the image `{value}:latest`"
                );
                match suggestion {
                    Some(sug) if r.value == value => {
                        let fix = crate::fix::Fix::unsafe_(
                            format!("Use stage `{sug}`"),
                            vec![crate::fix::Edit::replace(r.range, sug.clone())],
                        );
                        cx.report(r.range, msg)
                            .set_help(format!("did you mean the stage `{sug}`?"))
                            .set_fix(fix);
                    }
                    Some(sug) => {
                        cx.report(r.range, msg)
                            .set_help(format!("did you mean the stage `{sug}`?"));
                    }
                    None => {
                        cx.report(r.range, msg).set_help(
                            "name an earlier stage, or write the image with a tag (`image:tag`)",
                        );
                    }
                }
            }
        }
    }
}
