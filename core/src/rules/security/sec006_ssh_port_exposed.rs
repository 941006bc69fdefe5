use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports `EXPOSE` of port 22 (SSH): `22`, `22/tcp`, a range that includes 22, or a
    /// variable whose value is 22.
    ///
    /// ## Why is this bad?
    /// Running an SSH server in a container adds a long-lived credential surface and a second
    /// way in that bypasses the orchestrator's access control and audit. Use `docker exec` /
    /// `kubectl exec` to get a shell.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// EXPOSE 22 8080
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// EXPOSE 8080
    /// ```
    pub SshPortExposed {
        code: "SEC006",
        name: "ssh-port-exposed",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DS-0004", "CKV_DOCKER_1"],
        summary: "EXPOSE of the SSH port 22",
    }
}

fn covers_22(spec: &str) -> bool {
    let (ports, proto) = spec.split_once('/').unwrap_or((spec, "tcp"));
    if !proto.eq_ignore_ascii_case("tcp") {
        return false;
    }
    // `ip:host:container` forms are invalid in EXPOSE; look at the container part.
    let ports = ports.rsplit(':').next().unwrap_or(ports);
    match ports.split_once('-') {
        Some((a, b)) => match (a.trim().parse::<u32>(), b.trim().parse::<u32>()) {
            (Ok(a), Ok(b)) => a <= 22 && 22 <= b,
            _ => false,
        },
        None => ports.trim().parse::<u32>() == Ok(22),
    }
}

impl Rule for SshPortExposed {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (i, ins, _) in cx.instructions_with(Keyword::Expose) {
            let Args::Expose(words) = &ins.args else {
                continue;
            };
            for w in words {
                let expanded = cx.model.expand_at(&w.text, i);
                if expanded.unresolved {
                    continue;
                }
                // One word may expand to several ports.
                if expanded.value.split_whitespace().any(covers_22) {
                    let msg = if w.text == expanded.value {
                        "port 22 (SSH) is exposed".to_owned()
                    } else {
                        format!("`{}` exposes port 22 (SSH)", w.text)
                    };
                    cx.report(w.range, msg)
                        .set_help("do not run SSH in containers; use `docker exec` or `kubectl exec` for a shell");
                }
            }
        }
    }
}
