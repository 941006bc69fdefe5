use super::common_pin::is_not_a_plain_package;
use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Tool;
use crate::shell::commands::misc::Gem;

declare_rule! {
    /// ## What it does
    /// Reports `gem install` of a gem without a version (`-v 1.2.3`, `--version 1.2.3` or
    /// `name:1.2.3`).
    ///
    /// ## Why is this bad?
    /// Without a version, each build installs whatever is newest that day. Two builds of the
    /// same Dockerfile can differ, and an incompatible release can break the image without any
    /// change to the Dockerfile.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM ruby:3.3
    /// RUN gem install bundler
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM ruby:3.3
    /// RUN gem install bundler:2.5.6
    /// ```
    pub GemVersionUnpinned {
        code: "REP015",
        name: "gem-version-unpinned",
        family: Reproducibility,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DL3028"],
        summary: "gem install without a version",
    }
}

impl Rule for GemVersionUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::Gem))
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            for cmd in &run.script.commands {
                let Some(gem) = Gem::from(cmd) else { continue };
                if gem.subcommand.is_none_or(|s| s.value != "install") {
                    continue;
                }
                for p in &gem.packages {
                    if p.is_pinned() || is_not_a_plain_package(p) {
                        continue;
                    }
                    cx.report(
                        run.file_range(p.range),
                        format!("gem `{}` is installed without a version", p.name),
                    )
                    .set_help(format!(
                        "pin it as `{}:<version>` or with `-v <version>`",
                        p.name
                    ));
                }
            }
        }
    }
}
