use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::size::common::is_exact;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::apt::AptTool;

declare_rule! {
    /// ## What it does
    /// Reports `apt` used in a RUN script.
    ///
    /// ## Why is this bad?
    /// `apt` is the interactive front end: its output and behaviour may change between
    /// releases and it warns that it "does not have a stable CLI interface". `apt-get` (and
    /// `apt-cache` for queries) are meant for scripts.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt update && apt install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Fix safety
    /// Safe for `install`, `update`, `remove`, `purge`, `autoremove`, `dist-upgrade`, `clean`,
    /// `autoclean`, `build-dep`, `source` and `download`, which `apt-get` performs the same
    /// way. `apt upgrade` may install new dependencies where `apt-get upgrade` holds them back,
    /// so that fix is unsafe. Query subcommands (`list`, `search`, `show`, …) have no fix: use
    /// `apt-cache` or `dpkg-query`.
    pub AptInsteadOfAptGet {
        code: "REP008",
        name: "apt-instead-of-apt-get",
        family: Reproducibility,
        severity: Warning,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3027", "CKV_DOCKER_9"],
        summary: "apt used instead of apt-get in a script",
    }
}

impl Rule for AptInsteadOfAptGet {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::APT)
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (run, apt) in cx.views().apt_commands() {
            let cmd = apt.command;
            let Some(name) = &cmd.name else { continue };
            if apt.tool != AptTool::Apt {
                continue;
            }
            let at = run.file_range(name.range);
            let edit = || vec![Edit::replace(at, "apt-get")];
            let plain = name.value == "apt" && !name.quoted && is_exact(run, name);
            let fix = match apt.subcommand_str() {
                "install" | "update" | "remove" | "purge" | "autoremove" | "dist-upgrade"
                | "clean" | "autoclean" | "build-dep" | "source" | "download"
                    if plain =>
                {
                    Some(Fix::safe("Use apt-get", edit()))
                }
                "upgrade" if plain => Some(Fix::unsafe_("Use apt-get", edit())),
                _ => None,
            };
            let d = cx.report(
                at,
                "`apt` is meant for interactive use; use `apt-get` in scripts",
            );
            d.set_help("use `apt-get` (or `apt-cache` for queries)");
            if let Some(f) = fix {
                d.set_fix(f);
            }
        }
    }
}
