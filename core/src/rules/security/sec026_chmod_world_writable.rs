use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Tool;
use crate::shell::commands::misc::{Chmod, mode_world_writable};
use crate::syntax::Keyword;

declare_rule! {
    /// ## What it does
    /// Reports modes that let every user write: `chmod 777`, `666`, `o+w`, `a+w`, `+w`…, and
    /// `COPY`/`ADD --chmod=777`. Sticky directories such as `chmod 1777 /tmp` (or `+t`) are
    /// fine: that is how shared scratch directories are meant to be set up.
    ///
    /// ## Why is this bad?
    /// Any process in the container, whatever its user, can then modify those files — a
    /// compromised low-privilege process can rewrite binaries or configuration used by
    /// others. Give ownership to the user that needs write access instead (`chown`,
    /// `COPY --chown`).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN chmod -R 777 /app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN chown -R app:app /app && chmod -R u+rwX,go-w /app
    /// ```
    pub ChmodWorldWritable {
        code: "SEC026",
        name: "chmod-world-writable",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "chmod makes files writable by every user",
    }
}

/// The mode sets the sticky bit (`1777`, `+t`, `o+t`).
pub(super) fn sticky(mode: &str) -> bool {
    if mode.len() == 4 && mode.chars().all(|c| c.is_digit(8)) {
        return mode
            .chars()
            .next()
            .and_then(|c| c.to_digit(8))
            .is_some_and(|d| d & 1 != 0);
    }
    !mode.chars().all(|c| c.is_ascii_digit())
        && mode
            .split(',')
            .any(|c| c.contains(['+', '=']) && c.contains('t'))
}

const HELP: &str =
    "give ownership to the user that needs write access (`chown`, `COPY --chown`) instead";

impl Rule for ChmodWorldWritable {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::Chmod))
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            for cmd in &run.script.commands {
                let Some(chmod) = Chmod::from(cmd) else {
                    continue;
                };
                let Some(mode) = chmod.mode else { continue };
                if chmod.is_world_writable() && !sticky(&mode.value) {
                    cx.report(
                        run.file_range(mode.range),
                        format!("mode `{}` makes files writable by every user", mode.value),
                    )
                    .set_help(HELP);
                }
            }
        }
        for kw in [Keyword::Copy, Keyword::Add] {
            for (i, ins, _) in cx.instructions_with(kw) {
                let Some(flag) = ins.flag("chmod") else {
                    continue;
                };
                let Some(value) = &flag.value else { continue };
                let mode = cx.model.expand_at(value, i).value;
                if mode_world_writable(&mode) && !sticky(&mode) {
                    cx.report(
                        flag.value_range.unwrap_or(flag.range),
                        format!("`--chmod={mode}` makes files writable by every user"),
                    )
                    .set_help(HELP);
                }
            }
        }
    }
}
