use super::common::{SetFixOpt, is_exact};
use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::apt::AptTool;

declare_rule! {
    /// ## What it does
    /// Reports `apt-get install` (and `apt install`) without `--no-install-recommends`.
    ///
    /// ## Why is this bad?
    /// Debian and Ubuntu install "recommended" packages by default: documentation, extra
    /// tools and libraries the image never uses. They often add tens or hundreds of megabytes
    /// and widen the attack surface.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    /// ```
    ///
    /// ## Fix safety
    /// Safe: adds `--no-install-recommends` after `install`. If the image relied on a
    /// recommended package, install it explicitly.
    pub AptInstallRecommends {
        code: "SZ001",
        name: "apt-install-recommends",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3015", "DS-0029"],
        summary: "apt-get install without --no-install-recommends",
    }
}

impl Rule for AptInstallRecommends {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::APT)
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (run, apt) in cx.views().apt_commands() {
            let cmd = apt.command;
            if !apt.is_install() || apt.no_install_recommends || apt.tool == AptTool::Aptitude {
                continue;
            }
            let Some(sub) = apt.subcommand else { continue };
            let at = run.file_range(sub.range);
            let range = run.file_range(cmd.range);
            let fix = is_exact(run, sub).then(|| {
                Fix::safe(
                    "Add --no-install-recommends",
                    vec![Edit::insert(at.end, " --no-install-recommends")],
                )
            });
            cx.report(
                range,
                format!(
                    "`{} install` without --no-install-recommends",
                    cmd.name_str()
                ),
            )
            .set_fix_opt(fix);
        }
    }
}
