use super::shared::{name_range, ships};
use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Tool;

declare_rule! {
    /// ## What it does
    /// Reports `ssh-keygen` generating a key in a stage that is shipped (or in an `ONBUILD`
    /// trigger): user keys (`ssh-keygen -t ed25519 -f …`) and host keys (`ssh-keygen -A`).
    /// Read-only uses (`-l`, `-y`, `-F`, `-R`, `-H`) are fine, and so is generating keys in a
    /// builder stage that is not shipped. Copying existing key files is reported by
    /// [`secret-file-copied`](SEC005-secret-file-copied.md).
    ///
    /// ## Why is this bad?
    /// A key generated at build time is identical in every container started from the image
    /// and readable by anyone who pulls it: a host key lets an attacker impersonate every
    /// such server, a user key grants whatever it is authorised for. Generate keys at
    /// container start, or mount them as secrets.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y openssh-server && ssh-keygen -A
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y openssh-server
    /// COPY --chmod=755 entrypoint.sh /entrypoint.sh
    /// ENTRYPOINT ["/entrypoint.sh"]
    /// ```
    pub SshPrivateKeyInBuild {
        code: "SEC036",
        name: "ssh-private-key-in-build",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "ssh-keygen bakes a private key into the image",
    }
}

impl Rule for SshPrivateKeyInBuild {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::SshKeygen))
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            if !ships(cx, run.index, run.onbuild) {
                continue;
            }
            for cmd in &run.script.commands {
                if cmd.tool != Tool::SshKeygen {
                    continue;
                }
                let read_only = cmd.args.iter().any(|a| {
                    a.value.starts_with('-')
                        && !a.value.starts_with("--")
                        && a.value.chars().skip(1).any(|c| "lyFRHeiDkQ".contains(c))
                });
                if read_only {
                    continue;
                }
                cx.report(name_range(run, cmd), "`ssh-keygen` stores a private key in the image")
                    .set_help("generate keys when the container starts, or mount them with `RUN --mount=type=secret`/`type=ssh`");
            }
        }
    }
}
