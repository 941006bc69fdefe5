//! The rpm-family "missing -y" check shared by REP005–REP007.

use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::rules::size::common::{SetFixOpt, is_exact};
use crate::shell::commands::rpm::RpmTool;

/// Subcommands that ask for confirmation.
fn prompts(tool: RpmTool, sub: &str) -> bool {
    match tool {
        RpmTool::Zypper => matches!(
            sub,
            "install"
                | "in"
                | "remove"
                | "rm"
                | "update"
                | "up"
                | "patch"
                | "dist-upgrade"
                | "dup"
                | "source-install"
                | "si"
                | "install-new-recommends"
                | "inr"
        ),
        _ => matches!(
            sub,
            "install"
                | "localinstall"
                | "groupinstall"
                | "reinstall"
                | "update"
                | "upgrade"
                | "remove"
                | "erase"
                | "downgrade"
                | "autoremove"
                | "distro-sync"
        ),
    }
}

/// A config line such as `echo 'assumeyes=1' >> /etc/yum.conf` anywhere in the file.
fn assumeyes_configured(cx: &Context<'_>) -> bool {
    cx.scripts.iter().any(|r| {
        r.script.commands.iter().any(|c| {
            c.args.iter().any(|w| {
                // Most words hold no `assumeyes`: look before allocating.
                if !w.value.to_ascii_lowercase().contains("assumeyes") {
                    return false;
                }
                let flat = w.value.replace(' ', "").to_ascii_lowercase();
                flat.contains("assumeyes=1") || flat.contains("assumeyes=true")
            })
        })
    })
}

/// Reports commands of `tool` that prompt without a non-interactive flag; the fix inserts
/// `flag` after the subcommand (or after the command name when `global` is set).
pub(crate) fn check_missing_yes(cx: &mut Context<'_>, tool: RpmTool, flag: &str, global: bool) {
    // Prompting commands of this tool, each parsed once.
    let prompting: Vec<_> = cx
        .views()
        .rpm_commands()
        .filter_map(|(run, rpm)| {
            let sub = rpm.subcommand?;
            (rpm.tool == tool && !rpm.yes && prompts(tool, &sub.value)).then_some((
                run,
                rpm.command,
                sub,
            ))
        })
        .collect();
    if prompting.is_empty() || (tool != RpmTool::Zypper && assumeyes_configured(cx)) {
        return;
    }
    for (run, cmd, sub) in prompting {
        let anchor = if global {
            cmd.name.as_ref().unwrap_or(sub)
        } else {
            sub
        };
        let at = run.file_range(anchor.range).end;
        let fix = is_exact(run, anchor).then(|| {
            Fix::safe(
                format!("Add {flag}"),
                vec![Edit::insert(at, format!(" {flag}"))],
            )
        });
        cx.report(
            run.file_range(sub.range),
            format!("`{} {}` without {flag}", cmd.name_str(), sub.value),
        )
        .set_help(format!(
            "add `{flag}` so the build never waits for a confirmation"
        ))
        .set_fix_opt(fix);
    }
}
