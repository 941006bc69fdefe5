use super::super::size::common::{PerRun, head_range, run_commands};
use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::Command;
use crate::shell::commands::{self, rpm::RpmTool};

declare_rule! {
    /// ## What it does
    /// Reports a package-index refresh (`apt-get update`, `apk update`, `yum`/`dnf makecache`,
    /// `zypper refresh`) in a RUN that installs or upgrades nothing with the same tool.
    ///
    /// ## Why is this bad?
    /// The refresh is cached as its own layer. When a later RUN changes its package list, it
    /// reuses that stale index: packages fail to download or old versions get installed. The
    /// refresh must run in the same RUN as the install it serves.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update
    /// RUN apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    pub UpdateWithoutInstall {
        code: "REP009",
        name: "update-without-install",
        family: Reproducibility,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DS-0017", "CKV_DOCKER_5"],
        summary: "Package index update without an install in the same RUN",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Apt,
    Apk,
    Rpm(RpmTool),
}

/// `Some((family, is_refresh, is_consumer))` for package-manager commands.
fn classify(cx: &Context<'_>, cmd: &Command) -> Option<(Family, bool, bool)> {
    // Most commands are of no package manager: one byte, not three view lookups.
    if !matches!(
        cmd.family,
        commands::Family::Apt | commands::Family::Apk | commands::Family::Rpm
    ) {
        return None;
    }
    if let Some(a) = cx.apt(cmd) {
        let sub = a.subcommand_str();
        let consumer = matches!(
            sub,
            "install"
                | "reinstall"
                | "upgrade"
                | "dist-upgrade"
                | "full-upgrade"
                | "build-dep"
                | "source"
                | "download"
                | "satisfy"
        );
        return Some((Family::Apt, sub == "update", consumer));
    }
    if let Some(a) = cx.apk(cmd) {
        let sub = a.subcommand_str();
        return Some((
            Family::Apk,
            sub == "update",
            matches!(sub, "add" | "upgrade" | "fix"),
        ));
    }
    if let Some(r) = cx.rpm(cmd) {
        let sub = r.subcommand_str();
        let tool = match r.tool {
            RpmTool::Yum | RpmTool::Dnf | RpmTool::Microdnf | RpmTool::Tdnf => RpmTool::Dnf,
            t => t,
        };
        let refresh = match r.tool {
            RpmTool::Zypper => matches!(sub, "refresh" | "ref"),
            RpmTool::Rpm => false,
            _ => sub == "makecache",
        };
        let consumer = r.is_install()
            || matches!(
                sub,
                "update"
                    | "upgrade"
                    | "up"
                    | "dist-upgrade"
                    | "dup"
                    | "patch"
                    | "distro-sync"
                    | "download"
                    | "source-install"
                    | "si"
            );
        return Some((Family::Rpm(tool), refresh, consumer));
    }
    None
}

impl Rule for UpdateWithoutInstall {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(
            CommandKinds::APT
                .or(CommandKinds::APK)
                .or(CommandKinds::RPM),
        )
    }

    fn check(&self, cx: &mut Context<'_>) {
        // The families whose index each RUN uses, listed once per RUN.
        let mut consumers: PerRun<Vec<Family>> = PerRun::new();
        for run in cx.scripts {
            for cmd in &run.script.commands {
                let Some((family, true, _)) = classify(cx, cmd) else {
                    continue;
                };
                let consumed = consumers
                    .get(run.index, || {
                        let mut families = Vec::new();
                        for c in run_commands(cx.scripts, run.index) {
                            if let Some((f, _, true)) = classify(cx, c)
                                && !families.contains(&f)
                            {
                                families.push(f);
                            }
                        }
                        families
                    })
                    .contains(&family);
                if consumed {
                    continue;
                }
                let sub = cmd.args.iter().find(|w| !w.value.starts_with('-'));
                cx.report(
                    head_range(run, cmd, sub),
                    "the package index is refreshed but nothing is installed in this RUN",
                )
                .set_help(format!(
                    "refresh the index in the RUN that installs, e.g. `{0} {1} && {0} {2} …`",
                    cmd.name_str(),
                    sub.map_or("", |w| w.value.as_str()),
                    if family == Family::Apk {
                        "add"
                    } else {
                        "install"
                    }
                ));
            }
        }
    }
}
