use super::common::{SetFixOpt, insert_after, root_image};
use crate::declare_rule;
use crate::fix::Fix;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::misc::Wget;
use crate::shell::commands::{Family, Tool};

declare_rule! {
    /// ## What it does
    /// Reports `wget` without `--progress=…`, `-q`/`--quiet`, `-nv`/`--no-verbose` or a log
    /// file (`-o`/`-a`). Stages built on Alpine or BusyBox are skipped unless the file installs
    /// GNU wget: BusyBox `wget` draws a single-line progress bar and has no `--progress`.
    ///
    /// ## Why is this bad?
    /// GNU wget's default progress display prints a line per few kilobytes when it is not
    /// attached to a terminal, so a large download floods the build log with thousands of
    /// lines, hiding useful output and slowing CI log viewers.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN wget -O /tmp/app.tgz https://example.com/app.tgz
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN wget --progress=dot:giga -O /tmp/app.tgz https://example.com/app.tgz
    /// ```
    ///
    /// ## Fix safety
    /// Safe: inserts `--progress=dot:giga` after `wget`; only the log output changes.
    pub WgetProgressBloat {
        code: "SZ012",
        name: "wget-progress-bloat",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3047"],
        summary: "wget without --progress or -q floods the build log",
    }
}

fn installs_gnu_wget(cx: &Context<'_>) -> bool {
    cx.scripts.iter().any(|r| {
        r.script.commands.iter().any(|c| {
            // The family first: one byte, where the names are five string compares.
            matches!(c.family, Family::Apt | Family::Apk | Family::Rpm)
                && matches!(c.name_str(), "apk" | "apt-get" | "apt" | "yum" | "dnf")
                && c.args.iter().any(|w| w.value == "wget")
        })
    })
}

impl Rule for WgetProgressBloat {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::Wget))
    }

    fn check(&self, cx: &mut Context<'_>) {
        // Asked only about a RUN that runs wget (few do), and then once per lint.
        let mut gnu_installed = None;
        for run in cx.scripts {
            if !run.script.commands.iter().any(|c| c.tool == Tool::Wget) {
                continue;
            }
            let busybox = root_image(cx.model, run.index)
                .is_some_and(|r| r.contains("alpine") || r.contains("busybox"));
            if busybox && !*gnu_installed.get_or_insert_with(|| installs_gnu_wget(cx)) {
                continue;
            }
            for cmd in &run.script.commands {
                let Some(w) = Wget::from(cmd) else { continue };
                let Some(name) = &cmd.name else { continue };
                let logged = w.args.has(Some('o'), Some("output-file"))
                    || w.args.has(Some('a'), Some("append-output"));
                if w.progress.is_some() || w.quiet || logged {
                    continue;
                }
                let fix = insert_after(run, name, "--progress=dot:giga")
                    .map(|e| Fix::safe("Add --progress=dot:giga", vec![e]));
                cx.report(
                    run.file_range(name.range),
                    "`wget` without --progress or -q floods the build log",
                )
                .set_help("add `--progress=dot:giga` (or `-nv`)")
                .set_fix_opt(fix);
            }
        }
    }
}
