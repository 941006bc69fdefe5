use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports an `EXPOSE` port that is not a number from 0 to 65535, and port ranges
    /// (`8000-8010`) whose bounds are invalid or reversed. Values from build arguments are
    /// checked when their default is known and skipped otherwise.
    ///
    /// ## Why is this bad?
    /// TCP and UDP ports are 16-bit numbers. Docker refuses to build an image with an invalid
    /// port, usually long after the file was written (for example when an ARG default
    /// changes).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// EXPOSE 80800
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// EXPOSE 8080 9000-9010/udp
    /// ```
    pub ExposePortRange {
        code: "COR009",
        name: "expose-port-range",
        family: Correctness,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: ["DL3011", "DS-0008"],
        summary: "EXPOSE port outside 0-65535 or malformed",
    }
}

fn check_port(p: &str) -> Option<String> {
    if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
        return Some(format!("`{p}` is not a port number"));
    }
    match p.parse::<u32>() {
        Ok(n) if n <= 65535 => None,
        _ => Some(format!("port {p} is outside 0-65535")),
    }
}

/// What is wrong with a port spec (`80`, `80/tcp`, `8000-8010/udp`; a `host:` prefix is ignored).
pub(crate) fn port_problem(spec: &str) -> Option<String> {
    let port = spec.split_once('/').map_or(spec, |(p, _)| p);
    let port = port.rsplit(':').next().unwrap_or(port);
    if let Some((lo, hi)) = port.split_once('-').filter(|(lo, _)| !lo.is_empty()) {
        if let Some(e) = check_port(lo).or_else(|| check_port(hi)) {
            return Some(e);
        }
        let (a, b) = (
            lo.parse::<u32>().unwrap_or(0),
            hi.parse::<u32>().unwrap_or(0),
        );
        return (b < a).then(|| format!("port range {lo}-{hi} ends before it starts"));
    }
    check_port(port)
}

impl Rule for ExposePortRange {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (i, ins, onbuild) in cx.instructions_with(Keyword::Expose) {
            let Args::Expose(words) = &ins.args else {
                continue;
            };
            for w in words {
                let exp = cx.model.expand_at(&w.text, i);
                if (onbuild && !exp.referenced.is_empty()) || exp.unresolved || exp.error.is_some()
                {
                    continue;
                }
                if exp.value.is_empty() && !exp.referenced.is_empty() {
                    // An undefined variable: reported by undefined-var.
                    continue;
                }
                if let Some(problem) = port_problem(&exp.value) {
                    let msg = if exp.referenced.is_empty() {
                        problem
                    } else {
                        format!("{problem} (`{}` expands to `{}`)", w.text, exp.value)
                    };
                    cx.report(w.range, msg).set_help(
                        "expose a port number from 0 to 65535, optionally with /tcp or /udp",
                    );
                }
            }
        }
    }
}
