use super::common::{SetFixOpt, insert_after, root_image, ships};
use crate::declare_rule;
use crate::fix::Fix;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Tool;
use crate::shell::commands::misc::Gem;

declare_rule! {
    /// ## What it does
    /// Reports `gem install` without `--no-document` (or `-N`) in a stage that ships. Stages
    /// built on the official `ruby` images are skipped: they already disable documentation in
    /// their global gemrc, and so is a file that writes `--no-document` into a gemrc itself.
    ///
    /// ## Why is this bad?
    /// By default RubyGems generates ri and RDoc documentation for every gem it installs. Nobody
    /// reads it inside a container, it slows the build down and adds megabytes to the layer.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN gem install bundler:2.5.6
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN gem install --no-document bundler:2.5.6
    /// ```
    ///
    /// ## Fix safety
    /// Safe: inserts `--no-document` after `install`; the gems themselves are the same.
    pub GemInstallDocs {
        code: "SZ017",
        name: "gem-install-docs",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: Sometimes,
        aliases: [],
        summary: "gem install without --no-document",
    }
}

impl Rule for GemInstallDocs {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::Gem))
    }

    fn check(&self, cx: &mut Context<'_>) {
        // No `gem` command, nothing to check: skip the scan for a gemrc first.
        if !cx
            .scripts
            .iter()
            .any(|r| r.script.commands.iter().any(|c| c.tool == Tool::Gem))
        {
            return;
        }
        let gemrc = cx.scripts.iter().any(|r| {
            r.script.commands.iter().any(|c| {
                c.tool != Tool::Gem
                    && c.args
                        .iter()
                        .any(|w| crate::util::text::contains(&w.value, "--no-document"))
            })
        });
        if gemrc {
            return;
        }
        for run in cx.scripts {
            if !ships(cx, run)
                || root_image(cx.model, run.index).is_some_and(|r| r.ends_with("ruby"))
            {
                continue;
            }
            for cmd in &run.script.commands {
                let Some(gem) = Gem::from(cmd) else { continue };
                let Some(sub) = gem.subcommand.filter(|s| s.value == "install") else {
                    continue;
                };
                if gem.no_document {
                    continue;
                }
                let fix = insert_after(run, sub, "--no-document")
                    .map(|e| Fix::safe("Add --no-document", vec![e]));
                cx.report(
                    run.file_range(sub.range),
                    "`gem install` without --no-document",
                )
                .set_help("add `--no-document` so no ri/RDoc documentation is generated")
                .set_fix_opt(fix);
            }
        }
    }
}
