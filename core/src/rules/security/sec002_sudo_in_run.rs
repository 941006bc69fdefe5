use super::shared::delete_word;
use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta};
use crate::shell::basename;
use crate::shell::commands::Tool;
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Reports `sudo` in a `RUN` command, as a wrapper (`sudo apt-get install …`) or alone.
    ///
    /// ## Why is this bad?
    /// Build steps already run as the current `USER`, root by default: `sudo` adds nothing but
    /// a setuid binary in the image and a TTY/PAM behaviour that differs between base images.
    /// Keeping `sudo` in an image also hands an easy privilege escalation to anyone who gets a
    /// shell in the container. Switch users with `USER` instead, and run steps that need root
    /// before dropping privileges.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// USER root
    /// RUN sudo apt-get update
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// USER root
    /// RUN apt-get update
    /// ```
    ///
    /// ## Fix safety
    /// Safe, and offered only when the `USER` in effect is explicitly `root` (or `0`) and `sudo`
    /// has no options: the command then runs exactly as before. With options (`sudo -u app`,
    /// `sudo -E`) or an unknown user, replace it by hand (`USER app` / `gosu`).
    pub SudoInRun {
        code: "SEC002",
        name: "sudo-in-run",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3004", "DS-0010", "CKV2_DOCKER_1"],
        summary: "sudo used in RUN",
    }
}

impl Rule for SudoInRun {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            let user = cx.model.user_at(run.index);
            let root = !run.onbuild
                && user.as_deref().is_some_and(|u| {
                    let name = u.split(':').next().unwrap_or(u).trim();
                    name == "root" || name == "0"
                });
            for cmd in &run.script.commands {
                let sudo_pos = cmd
                    .wrappers
                    .iter()
                    .position(|w| basename(&w.value) == "sudo");
                let (word, bare) = match sudo_pos {
                    Some(p) => {
                        let Some(w) = cmd.wrappers.get(p) else {
                            continue;
                        };
                        // No options: the next wrapper word (if any) is not a `-flag`/`VAR=x`.
                        let next = cmd.wrappers.get(p + 1);
                        let bare = next
                            .is_none_or(|n| !n.value.starts_with('-') && !n.value.contains('='));
                        (w, bare)
                    }
                    None if cmd.tool == Tool::Sudo => {
                        let Some(w) = cmd.name.as_ref() else { continue };
                        (w, false)
                    }
                    None => continue,
                };
                let range = run.file_range(word.range);
                let fix = (root && bare && sudo_pos.is_some() && cx.text(range) == word.value)
                    .then(|| {
                        let after = cx.source.as_bytes().get(range.end_usize());
                        let edit = if matches!(after, Some(b' ' | b'\t')) {
                            Edit::delete(TextRange::new(range.start, range.end + 1))
                        } else {
                            delete_word(cx.source, range)
                        };
                        Fix::safe("Remove `sudo` (the step already runs as root)", vec![edit])
                    });
                let d = cx.report(range, "`sudo` in a build step");
                d.set_help("build steps run as the current USER; switch with `USER` instead of sudo, and do not ship sudo");
                if let Some(fix) = fix {
                    d.set_fix(fix);
                }
            }
        }
    }
}
