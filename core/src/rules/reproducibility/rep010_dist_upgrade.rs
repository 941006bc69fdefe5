use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::rpm::RpmTool;

declare_rule! {
    /// ## What it does
    /// Reports distribution upgrades in a RUN: `apt-get dist-upgrade` / `full-upgrade` and
    /// `zypper dist-upgrade` / `dup`. Plain `apt-get upgrade` is not reported: applying
    /// security updates on top of a base image is a reasonable choice.
    ///
    /// ## Why is this bad?
    /// A distribution upgrade may add and remove packages and move the image to a new
    /// release, so the result depends on the day of the build rather than on the base image
    /// tag. Pick a newer base image instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get dist-upgrade -y && rm -rf /var/lib/apt/lists/*
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12.5
    /// RUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*
    /// ```
    pub DistUpgrade {
        code: "REP010",
        name: "dist-upgrade",
        family: Reproducibility,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DL3035", "DS-0024"],
        summary: "Distribution upgrade inside the build",
    }
}

impl Rule for DistUpgrade {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::APT.or(CommandKinds::RPM))
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            for cmd in &run.script.commands {
                let sub = if let Some(a) = cx.apt(cmd) {
                    a.subcommand
                        .filter(|s| matches!(s.value.as_str(), "dist-upgrade" | "full-upgrade"))
                } else if let Some(r) = cx.rpm(cmd) {
                    r.subcommand.filter(|s| {
                        r.tool == RpmTool::Zypper
                            && matches!(s.value.as_str(), "dist-upgrade" | "dup")
                    })
                } else {
                    None
                };
                let Some(sub) = sub else { continue };
                cx.report(
                    run.file_range(sub.range),
                    format!(
                        "`{} {}` upgrades the whole distribution during the build",
                        cmd.name_str(),
                        sub.value
                    ),
                )
                .set_help(
                    "use a newer base image tag instead of upgrading the distribution in the build",
                );
            }
        }
    }
}
