use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports an `EXPOSE` value with an IP address or a host-port mapping, such as
    /// `EXPOSE 127.0.0.1:8080:80` or `EXPOSE 8080:80`.
    ///
    /// ## Why is this bad?
    /// `EXPOSE` only documents the port the container listens on; which host address and port
    /// it is published on is decided by whoever runs the container (`docker run -p`). Docker
    /// drops the host part, so the line suggests a mapping that never happens.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// EXPOSE 8080:80
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// EXPOSE 80
    /// ```
    ///
    /// ## Fix safety
    /// Safe: keeps only the container port (and protocol), which is all Docker records.
    pub ExposeInvalidFormat {
        code: "COR010",
        name: "expose-invalid-format",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["ExposeInvalidFormat"],
        summary: "EXPOSE with an IP address or host:container mapping",
    }
}

impl Rule for ExposeInvalidFormat {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (i, ins, _) in cx.instructions_with(Keyword::Expose) {
            let Args::Expose(words) = &ins.args else {
                continue;
            };
            for w in words {
                let exp = cx.model.expand_at(&w.text, i);
                if exp.unresolved || exp.error.is_some() {
                    continue;
                }
                let (port, proto) = match exp.value.split_once('/') {
                    Some((p, r)) => (p, Some(r)),
                    None => (exp.value.as_str(), None),
                };
                let Some((host, container)) = port.rsplit_once(':') else {
                    continue;
                };
                let what = if host.contains(['.', ':', '[']) {
                    "an IP address"
                } else {
                    "a host port"
                };
                let mut keep = container.to_owned();
                if let Some(p) = proto {
                    keep.push('/');
                    keep.push_str(p);
                }
                let msg = format!(
                    "EXPOSE should not include {what}: only the container port `{keep}` is used"
                );
                let literal = exp.referenced.is_empty() && cx.text(w.range) == w.text;
                let d = cx.report(w.range, msg);
                d.set_help("publish host addresses and ports at run time with `docker run -p`");
                if literal && !container.is_empty() {
                    d.set_fix(Fix::safe(
                        format!("Keep only `{keep}`"),
                        vec![Edit::replace(w.range, keep)],
                    ));
                }
            }
        }
    }
}
