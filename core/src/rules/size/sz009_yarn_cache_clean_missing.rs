use super::common::{
    PerRun, append_command, cache_mount_where, has_family, head_range, run_commands, ships,
};
use crate::declare_rule;
use crate::fix::Fix;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Family;
use crate::shell::commands::npm::{Npm, NpmTool};

declare_rule! {
    /// ## What it does
    /// Reports `yarn install` (or `yarn add`, or bare `yarn`) in a shipped stage when the same
    /// RUN does not run `yarn cache clean`. A RUN with a cache or tmpfs mount on the yarn cache
    /// (a target containing `yarn`) is fine.
    ///
    /// ## Why is this bad?
    /// Yarn copies every package it downloads into its global cache. In an image that cache is
    /// never used again but ships with the layer, roughly doubling the weight of `node_modules`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY package.json yarn.lock ./
    /// RUN yarn install --frozen-lockfile
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY package.json yarn.lock ./
    /// RUN yarn install --frozen-lockfile && yarn cache clean
    /// ```
    ///
    /// ## Fix safety
    /// Safe: appends `yarn cache clean` at the end of the RUN. No fix is offered when the
    /// script ends in a comment or an operator.
    pub YarnCacheCleanMissing {
        code: "SZ009",
        name: "yarn-cache-clean-missing",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3060"],
        summary: "yarn install without yarn cache clean in the same RUN",
    }
}

impl Rule for YarnCacheCleanMissing {
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
                || cache_mount_where(run.instruction, |t| t.contains("yarn"))
                || *cleans.get(run.index, || {
                    run_commands(cx.scripts, run.index).any(|c| {
                        cx.npm(c)
                            .is_some_and(|n| n.tool == NpmTool::Yarn && n.cache_clean)
                    })
                })
            {
                continue;
            }
            for cmd in &run.script.commands {
                let Some(npm) = cx.npm(cmd) else { continue };
                if npm.tool != NpmTool::Yarn || !npm.is_install || only_asks_info(npm) {
                    continue;
                }
                done = Some(run.index);
                let fix = append_command(cx, run, "yarn cache clean")
                    .map(|e| Fix::safe("Append `yarn cache clean`", vec![e]));
                let d = cx.report(
                    head_range(run, cmd, npm.subcommand),
                    "yarn install without `yarn cache clean` in the same RUN",
                );
                d.set_help("end the RUN with `yarn cache clean`, or mount a cache on the yarn cache directory");
                if let Some(f) = fix {
                    d.set_fix(f);
                }
                break;
            }
        }
    }
}

/// Bare `yarn --version` / `yarn -v` / `yarn --help` prints something and installs nothing.
fn only_asks_info(npm: &Npm<'_>) -> bool {
    npm.subcommand.is_none()
        && npm.command.args.iter().any(|w| {
            matches!(
                w.value.as_str(),
                "--version" | "-v" | "-V" | "--help" | "-h"
            )
        })
}
