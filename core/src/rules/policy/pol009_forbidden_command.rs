use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, CommandForm};

use super::policy;

declare_rule! {
    /// ## What it does
    /// Reports a call of a command listed in `[policy] forbidden-commands` in a `RUN`: in the
    /// shell form (every command of the script, including heredoc scripts and commands behind
    /// wrappers such as `sudo` or `env`) and as the program of an exec form. Matched by the
    /// command's base name, so `/usr/bin/curl` is `curl`.
    ///
    /// ## Why is this bad?
    /// Organisations ban tools at build time for good reasons: `curl`/`wget` fetch unpinned
    /// code (use a checked `ADD --checksum`), `sudo` hides privilege changes, `ssh` leaks keys.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache git && \
    ///     curl -fsSL https://example.com/install.sh -o /tmp/install.sh
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ADD --checksum=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef https://example.com/install.sh /tmp/install.sh
    /// RUN apk add --no-cache git
    /// ```
    ///
    /// ## Options
    /// `forbidden-commands`: command names.
    /// ```toml
    /// [policy]
    /// forbidden-commands = ["curl", "wget", "sudo"]
    /// ```
    pub ForbiddenCommand {
        code: "POL009",
        name: "forbidden-command",
        family: Policy,
        severity: Error,
        default_enabled: false,
        fix: None,
        aliases: [],
        summary: "RUN calls a command the policy forbids",
    }
}

impl Rule for ForbiddenCommand {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let Some(banned) = &policy(cx).forbidden_commands else {
            return;
        };
        let is_banned = |name: &str| {
            let base = crate::shell::basename(name);
            banned.iter().any(|b| b.trim() == base)
        };
        let mut hits = Vec::new();
        for run in cx.scripts {
            for cmd in &run.script.commands {
                for word in cmd.wrappers.iter().chain(cmd.name.iter()) {
                    if is_banned(&word.value) {
                        hits.push((
                            run.file_range(word.range),
                            crate::shell::basename(&word.value).to_owned(),
                        ));
                    }
                }
            }
        }
        for (_, ins, _) in cx.instructions_with(crate::syntax::Keyword::Run) {
            if let Args::Run {
                command: Some(CommandForm::Exec(exec)),
                ..
            } = &ins.args
                && let Some(first) = exec.args.first()
                && is_banned(&first.text)
            {
                hits.push((first.range, crate::shell::basename(&first.text).to_owned()));
            }
        }
        for (range, name) in hits {
            cx.report(range, format!("`{name}` is forbidden by policy"));
        }
    }
}
