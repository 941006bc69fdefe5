use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports packages named on an `npm install`, `yarn add`, `pnpm add` or `bun add`
    /// command line without a version, or with `@latest`, `@next` or `@*`. Installs from a
    /// lockfile (`npm ci`, `npm install` without package names) are fine, as are paths,
    /// tarballs and git URLs.
    ///
    /// ## Why is this bad?
    /// Without a version each build installs the newest release that day, so builds are not
    /// reproducible and a breaking major release lands without any change to the Dockerfile.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// RUN npm install -g typescript
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// RUN npm install -g typescript@5.4.5
    /// ```
    pub NpmVersionUnpinned {
        code: "REP014",
        name: "npm-version-unpinned",
        family: Reproducibility,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DL3016"],
        summary: "npm/yarn package installed without a version",
    }
}

impl Rule for NpmVersionUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::NPM)
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (run, npm) in cx.views().npm_commands() {
            for p in &npm.packages {
                let v = p.word.value.as_str();
                // Paths, tarballs, URLs and `user/repo` GitHub shorthands carry no version.
                let github = v.contains('/') && !v.starts_with('@');
                if p.word.has_expansion
                    || v.is_empty()
                    || v.starts_with(['.', '/', '~', '-'])
                    || v.contains([':', '#'])
                    || github
                    || v.ends_with(".tgz")
                    || v.ends_with(".tar.gz")
                {
                    continue;
                }
                let floating = p
                    .version
                    .is_none_or(|ver| matches!(ver, "" | "latest" | "next" | "*" | "x"));
                if !floating {
                    continue;
                }
                cx.report(
                    run.file_range(p.range),
                    format!("`{}` is installed without a fixed version", p.name),
                )
                .set_help(format!("pin it as `{}@<version>`", p.name));
            }
        }
    }
}
