use crate::declare_rule;
use crate::model::BaseKind;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports an image whose shipped stage runs as root: its last `USER` is `root` or `0`, or
    /// no `USER` is set anywhere in the stages it is built from and the base image is not
    /// known to run as a non-root user (such as `gcr.io/distroless/*:nonroot`).
    /// Only the stage that is built (the last one, or the configured target) and its `FROM`
    /// ancestors count: builder stages may run as root.
    ///
    /// ## Why is this bad?
    /// A process running as root inside a container is one kernel bug or mis-mounted socket
    /// away from root on the host. Running as an unprivileged user is the single most
    /// effective container hardening step (CIS Docker Benchmark 4.1).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY . /app
    /// CMD ["node", "/app/server.js"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY . /app
    /// USER node
    /// CMD ["node", "/app/server.js"]
    /// ```
    pub RootUser {
        code: "SEC001",
        name: "root-user",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DL3002", "DS-0002", "CKV_DOCKER_8", "CKV_DOCKER_3", "Default non-root user"],
        summary: "The shipped image runs as root",
    }
}

/// Base images known to default to a non-root user.
fn base_is_nonroot(image: &str) -> bool {
    let lower = image.to_ascii_lowercase();
    lower.contains(":nonroot")
        || lower.contains("-nonroot")
        || lower.starts_with("cgr.dev/chainguard/")
        || lower.contains("bitnami/")
}

fn is_root(user: &str) -> bool {
    let name = user.split(':').next().unwrap_or(user).trim();
    name == "root" || name == "0"
}

impl Rule for RootUser {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        let Some(target) = model.target else { return };
        // Walk from the target up its FROM chain; the first USER found from the end wins.
        let mut stage = Some(target);
        for _ in 0..=model.stages.len() {
            let Some(s) = stage.and_then(|s| model.stages.get(s)) else {
                return;
            };
            if let Some(i) = s
                .body()
                .rev()
                .find(|&i| model.instructions[i].keyword == Keyword::User)
            {
                let ins = model.instructions[i];
                let Args::User(Some(word)) = &ins.args else {
                    return;
                };
                let user = model.expand_at(&word.text, i);
                if !user.unresolved && is_root(&user.value) {
                    cx.report(word.range, format!("the image runs as `{}`", user.value))
                        .set_help("switch to an unprivileged user with USER after the steps that need root");
                }
                return;
            }
            match &s.base.kind {
                BaseKind::Stage(p) => stage = Some(*p),
                BaseKind::Image(_) if base_is_nonroot(&s.base.expanded.value) => return,
                BaseKind::Unresolved => return,
                _ => {
                    let from = model.instructions[model.stages[target].from];
                    cx.report(from.keyword_range, "no USER instruction: the image runs as root")
                        .set_help("add `USER <name or uid>` to the final stage after the steps that need root");
                    return;
                }
            }
        }
    }
}
