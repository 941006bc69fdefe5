use super::super::size::common::{PerRun, run_commands};
use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Tool;
use crate::shell::commands::misc::GitClone;

declare_rule! {
    /// ## What it does
    /// Reports `git clone` of a remote repository without `--branch <tag>` (or with a branch
    /// such as `main`/`master`) when the same RUN does not `git checkout`, `git switch` or
    /// `git reset` to a fixed revision afterwards.
    ///
    /// ## Why is this bad?
    /// The default branch moves with every push: each build bakes in whatever commit happened
    /// to be at the tip, so rebuilding the same Dockerfile gives a different image.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine/git:2.45.2
    /// RUN git clone https://github.com/example/tool.git /src
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine/git:2.45.2
    /// RUN git clone --depth 1 --branch v1.4.2 https://github.com/example/tool.git /src
    /// ```
    pub GitCloneUnpinned {
        code: "REP023",
        name: "git-clone-unpinned",
        family: Reproducibility,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "git clone of a moving branch",
    }
}

fn moving_branch(b: &str) -> bool {
    matches!(
        b,
        "main" | "master" | "develop" | "dev" | "trunk" | "HEAD" | "latest" | "nightly"
    )
}

impl Rule for GitCloneUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::Git))
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut pinned = PerRun::new();
        for run in cx.scripts {
            if !run.script.commands.iter().any(|c| c.tool == Tool::Git) {
                continue;
            }
            let pinned_later = *pinned.get(run.index, || {
                run_commands(cx.scripts, run.index).any(|c| {
                    c.tool == Tool::Git
                        && c.args
                            .iter()
                            .any(|w| matches!(w.value.as_str(), "checkout" | "switch" | "reset"))
                })
            });
            if pinned_later {
                continue;
            }
            for cmd in &run.script.commands {
                let Some(clone) = GitClone::from(cmd) else {
                    continue;
                };
                let Some(url) = clone.url else { continue };
                let remote = url.value.contains("://") || url.value.contains('@');
                if !remote {
                    continue;
                }
                if clone.branch.is_some_and(|b| !moving_branch(b)) {
                    continue;
                }
                cx.report(
                    run.file_range(url.range),
                    "the repository is cloned at a moving branch",
                )
                .set_help(
                    "clone a tag with `--branch <tag>`, or `git checkout <commit>` after cloning",
                );
            }
        }
    }
}
