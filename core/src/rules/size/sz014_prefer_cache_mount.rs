use super::common::cache_mount_where;
use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::shell::commands::Tool;

declare_rule! {
    /// ## What it does
    /// In files that opt into the BuildKit frontend (`# syntax=docker/dockerfile:1…`),
    /// reports cache-cleanup idioms: `rm -rf /var/lib/apt/lists/*`, `pip install
    /// --no-cache-dir`, `yarn cache clean` and `npm cache clean`, in RUNs that have no cache
    /// mount yet. Opt-in.
    ///
    /// ## Why is this bad?
    /// The cleanup keeps the image small but throws the downloads away, so every rebuild
    /// fetches everything again. A `RUN --mount=type=cache` keeps the cache outside the image
    /// and reuses it across builds: the image stays just as small and builds get faster.
    ///
    /// ## Example
    /// ```dockerfile
    /// # syntax=docker/dockerfile:1
    /// FROM python:3.12-slim
    /// RUN pip install --no-cache-dir -r requirements.txt
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// # syntax=docker/dockerfile:1
    /// FROM python:3.12-slim
    /// RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
    /// ```
    pub PreferCacheMount {
        code: "SZ014",
        name: "prefer-cache-mount",
        family: Size,
        severity: Info,
        default_enabled: false,
        fix: None,
        aliases: [],
        summary: "Cache cleanup where a BuildKit cache mount would be faster",
    }
}

impl Rule for PreferCacheMount {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let buildkit = cx
            .dockerfile
            .directive("syntax")
            .is_some_and(|d| d.value.contains("dockerfile:1"));
        if !buildkit {
            return;
        }
        for run in cx.scripts {
            if cache_mount_where(run.instruction, |_| true) {
                continue;
            }
            for cmd in &run.script.commands {
                let (range, what, target) = if cmd.tool == Tool::Rm
                    && cmd
                        .args
                        .iter()
                        .any(|w| w.value.starts_with("/var/lib/apt/lists"))
                {
                    (
                        run.file_range(cmd.range),
                        "removing the apt lists",
                        "/var/lib/apt/lists",
                    )
                } else if let Some(w) = cx
                    .pip(cmd)
                    .filter(|p| p.no_cache_dir)
                    .and_then(|_| cmd.flag_word(None, Some("no-cache-dir")))
                {
                    (
                        run.file_range(w.range),
                        "`--no-cache-dir`",
                        "/root/.cache/pip",
                    )
                } else if cx.npm(cmd).is_some_and(|n| n.cache_clean) {
                    let target = match cmd.name_str() {
                        "npm" => "/root/.npm",
                        "yarn" | "yarnpkg" => "/usr/local/share/.cache/yarn",
                        _ => "<the package cache>",
                    };
                    (
                        run.file_range(cmd.range),
                        "cleaning the package cache",
                        target,
                    )
                } else {
                    continue;
                };
                cx.report(range, format!("{what} discards the download cache on every build"))
                    .set_help(format!("use `RUN --mount=type=cache,target={target}` instead: same image size, faster rebuilds"));
            }
        }
    }
}
