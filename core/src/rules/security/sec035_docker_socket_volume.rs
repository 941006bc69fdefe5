use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::shell::commands::Tool;
use crate::syntax::{Args, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports the Docker socket (`/var/run/docker.sock`, `/run/docker.sock`) declared as a
    /// `VOLUME` or used by a `RUN` command (`chmod 666 /var/run/docker.sock`, `ln -s …`).
    ///
    /// ## Why is this bad?
    /// Access to the Docker socket is root on the host: whoever can talk to it can start a
    /// privileged container with the host's file system mounted. An image that expects the
    /// socket invites users to mount it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM docker:27-cli
    /// VOLUME /var/run/docker.sock
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM docker:27-cli
    /// ENV DOCKER_HOST=tcp://docker:2376 DOCKER_TLS_VERIFY=1
    /// ```
    pub DockerSocketVolume {
        code: "SEC035",
        name: "docker-socket-volume",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "The image exposes or touches the Docker socket",
    }
}

fn is_socket(path: &str) -> bool {
    let p = path.trim_matches(['"', '\'']);
    p.ends_with("/docker.sock") && (p.starts_with("/var/run/") || p.starts_with("/run/"))
}

const HELP: &str = "do not build images around the host's Docker socket; use a remote, TLS-protected daemon or a rootless builder";

impl Rule for DockerSocketVolume {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (i, ins, _) in cx.instructions_with(Keyword::Volume) {
            let Args::Volume { paths, .. } = &ins.args else {
                continue;
            };
            for p in paths {
                if is_socket(&cx.model.expand_at(&p.text, i).value) {
                    cx.report(p.range, "the Docker socket is declared as a volume")
                        .set_help(HELP);
                }
            }
        }
        for run in cx.scripts {
            for cmd in &run.script.commands {
                if matches!(cmd.tool, Tool::Echo | Tool::Printf) {
                    continue;
                }
                for a in &cmd.args {
                    // `--volume=/var/run/docker.sock:/var/run/docker.sock` and plain paths.
                    let hit = crate::util::text::contains(&a.value, "docker.sock")
                        && a.value.split([':', '=']).any(is_socket);
                    if hit {
                        cx.report(
                            run.file_range(a.range),
                            format!("`{}` uses the Docker socket", cmd.name_str()),
                        )
                        .set_help(HELP);
                    }
                }
            }
        }
    }
}
