use super::common::{
    PerRun, append_command, cache_mount_where, has_family, head_range, run_commands, ships,
};
use crate::declare_rule;
use crate::fix::Fix;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Family;
use crate::shell::commands::npm::NpmTool;

declare_rule! {
    /// ## What it does
    /// Reports `npm install` / `npm ci` in a shipped stage when the same RUN does not run
    /// `npm cache clean --force`. A RUN with a cache or tmpfs mount on the npm cache (`~/.npm`)
    /// is fine.
    ///
    /// ## Why is this bad?
    /// npm keeps a copy of every tarball it fetched in `~/.npm/_cacache`. In the shipped image
    /// that cache is dead weight, often as large as `node_modules` itself.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY package.json package-lock.json ./
    /// RUN npm ci --omit=dev
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY package.json package-lock.json ./
    /// RUN npm ci --omit=dev && npm cache clean --force
    /// ```
    ///
    /// ## Fix safety
    /// Safe: appends `npm cache clean --force` at the end of the RUN. No fix is offered when the
    /// script ends in a comment or an operator.
    pub NpmCacheNotCleaned {
        code: "SZ018",
        name: "npm-cache-not-cleaned",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: Sometimes,
        aliases: [],
        summary: "npm install/ci without npm cache clean in the same RUN",
    }
}

impl Rule for NpmCacheNotCleaned {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::NPM)
    }

    fn check(&self, cx: &mut Context<'_>) {
        // RUNs already reported: scripts come in RUN order, so the last one is enough.
        let mut done: Option<usize> = None;
        let mut cleans = PerRun::new();
        for run in cx.scripts {
            if !has_family(run, Family::Npm)
                || done == Some(run.index)
                || !ships(cx, run)
                || cache_mount_where(run.instruction, |t| {
                    t.ends_with("/.npm") || t.contains("npm")
                })
                || *cleans.get(run.index, || {
                    run_commands(cx.scripts, run.index).any(|c| {
                        cx.npm(c)
                            .is_some_and(|n| n.tool == NpmTool::Npm && n.cache_clean)
                    })
                })
            {
                continue;
            }
            for cmd in &run.script.commands {
                let Some(npm) = cx.npm(cmd) else { continue };
                if npm.tool != NpmTool::Npm || !npm.is_install {
                    continue;
                }
                done = Some(run.index);
                let fix = append_command(cx, run, "npm cache clean --force")
                    .map(|e| Fix::safe("Append `npm cache clean --force`", vec![e]));
                let d = cx.report(
                    head_range(run, cmd, npm.subcommand),
                    format!(
                        "`npm {}` leaves the npm cache in the layer",
                        npm.subcommand.map_or("", |w| w.value.as_str())
                    ),
                );
                d.set_help("end the RUN with `npm cache clean --force`, or use `--mount=type=cache,target=/root/.npm`");
                if let Some(f) = fix {
                    d.set_fix(f);
                }
                break;
            }
        }
    }
}
