use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::npm::NpmTool;

declare_rule! {
    /// ## What it does
    /// Reports `npm install` (or `npm i`) without package names, which installs the
    /// project's dependencies, and suggests `npm ci`.
    ///
    /// ## Why is this bad?
    /// `npm install` may update `package-lock.json` and resolve versions that differ from the
    /// lockfile, so two builds of the same commit can install different dependency trees.
    /// `npm ci` installs exactly what the lockfile says, fails if it is out of date and starts
    /// from an empty `node_modules`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY package.json package-lock.json ./
    /// RUN npm install --omit=dev
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY package.json package-lock.json ./
    /// RUN npm ci --omit=dev
    /// ```
    pub NpmInstallWithoutLockfile {
        code: "REP024",
        name: "npm-install-without-lockfile",
        family: Reproducibility,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "npm install of the project dependencies; npm ci follows the lockfile",
    }
}

impl Rule for NpmInstallWithoutLockfile {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::NPM)
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (run, npm) in cx.views().npm_commands() {
            let Some(sub) = npm.subcommand else { continue };
            if npm.tool != NpmTool::Npm
                || !matches!(sub.value.as_str(), "install" | "i")
                || !npm.packages.is_empty()
                || npm.global
            {
                continue;
            }
            cx.report(
                run.file_range(sub.range),
                "`npm install` may resolve versions other than the lockfile's",
            )
            .set_help("use `npm ci`, which installs exactly the versions in package-lock.json");
        }
    }
}
