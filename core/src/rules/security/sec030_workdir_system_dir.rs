use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports `WORKDIR` in a kernel or system directory: `/proc`, `/sys`, `/dev`, `/boot`,
    /// `/initrd`, `/lost+found` or below.
    ///
    /// ## Why is this bad?
    /// These paths are virtual file systems or boot areas that the runtime mounts over: files
    /// written there during the build vanish or clash with the host's, and an application
    /// working there is one mistake away from writing to kernel interfaces.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// WORKDIR /proc/app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// WORKDIR /app
    /// ```
    pub WorkdirSystemDir {
        code: "SEC030",
        name: "workdir-system-dir",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DS-0030"],
        summary: "WORKDIR in a system directory such as /proc or /sys",
    }
}

const SYSTEM: &[&str] = &["/proc", "/sys", "/dev", "/boot", "/initrd", "/lost+found"];

impl Rule for WorkdirSystemDir {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (i, ins, _) in cx.instructions_with(Keyword::Workdir) {
            let Args::Workdir(Some(w)) = &ins.args else {
                continue;
            };
            let e = cx.model.expand_at(&w.text, i);
            if e.unresolved {
                continue;
            }
            let path = e.value.trim_matches('"');
            // Collapse `//` and a trailing `/`.
            let mut norm = String::new();
            for part in path.split('/').filter(|p| !p.is_empty() && *p != ".") {
                norm.push('/');
                norm.push_str(part);
            }
            if let Some(dir) = SYSTEM
                .iter()
                .find(|d| norm == **d || norm.strip_prefix(**d).is_some_and(|r| r.starts_with('/')))
            {
                cx.report(
                    w.range,
                    format!("WORKDIR `{path}` is inside the system directory {dir}"),
                )
                .set_help("use an application directory such as /app or /srv/<name>");
            }
        }
    }
}
