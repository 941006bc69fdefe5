use crate::declare_rule;
use crate::model::BaseKind;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports a shipped image whose last `USER` is a name (`USER app`) rather than a numeric
    /// uid (`USER 10001`). `root` is left to [`root-user`](SEC001-root-user.md), and values that come
    /// from a build argument are skipped.
    ///
    /// ## Why is this bad?
    /// Kubernetes' `runAsNonRoot` can only verify a numeric user: with a name the pod is
    /// refused ("image has non-numeric user … cannot verify user is non-root"), and admission
    /// policies cannot tell who the process runs as. A uid is also independent of the image's
    /// `/etc/passwd`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN useradd -u 10001 app
    /// USER app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN useradd -u 10001 app
    /// USER 10001
    /// ```
    pub UserNonNumeric {
        code: "SEC033",
        name: "user-non-numeric",
        family: Security,
        severity: Info,
        default_enabled: false,
        fix: None,
        aliases: ["DL3066"],
        summary: "The shipped image's USER is a name, not a numeric uid",
    }
}

impl Rule for UserNonNumeric {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        let Some(target) = model.target else { return };
        let mut stage = Some(target);
        for _ in 0..=model.stages.len() {
            let Some(s) = stage.and_then(|s| model.stages.get(s)) else {
                return;
            };
            let last_user = s.body().rev().find(|&i| {
                model
                    .instructions
                    .get(i)
                    .is_some_and(|ins| ins.keyword == Keyword::User)
            });
            if let Some(i) = last_user {
                let Some(ins) = model.instructions.get(i) else {
                    return;
                };
                let Args::User(Some(word)) = &ins.args else {
                    return;
                };
                if word.text.contains('$') {
                    return;
                }
                let user = word.text.split(':').next().unwrap_or("").trim();
                if user.is_empty() || user == "root" || user.chars().all(|c| c.is_ascii_digit()) {
                    return;
                }
                cx.report(
                    word.range,
                    format!("USER `{user}` is a name; runAsNonRoot cannot verify it"),
                )
                .set_help("use the numeric uid (and gid), e.g. `USER 10001:10001`");
                return;
            }
            match &s.base.kind {
                BaseKind::Stage(p) => stage = Some(*p),
                _ => return,
            }
        }
    }
}
