use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Keyword};
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Reports an `EXPOSE` protocol that is not written in lower case (`80/TCP`).
    ///
    /// ## Why is this bad?
    /// Docker accepts `tcp`, `udp` and `sctp` and lower-cases what it reads, so `TCP` works,
    /// but other tools comparing the text (scanners, compose files, policies) may not match
    /// it. The documented spelling is lower case.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// EXPOSE 80/TCP
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// EXPOSE 80/tcp
    /// ```
    ///
    /// ## Fix safety
    /// Safe: Docker treats both spellings the same.
    pub ExposeProtoCasing {
        code: "STY003",
        name: "expose-proto-casing",
        family: Style,
        severity: Style,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["ExposeProtoCasing"],
        summary: "EXPOSE protocol not in lower case",
    }
}

impl Rule for ExposeProtoCasing {
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
                if exp.unresolved {
                    continue;
                }
                let Some((_, proto)) = exp.value.split_once('/') else {
                    continue;
                };
                if proto == proto.to_ascii_lowercase() {
                    continue;
                }
                let lower = proto.to_ascii_lowercase();
                let raw = cx.text(w.range);
                // Fix only a literal `/proto` at the end of the word.
                let fix = (raw == w.text && raw.ends_with(&format!("/{proto}"))).then(|| {
                    let len = u32::try_from(proto.len()).unwrap_or(0);
                    let at = TextRange::new(w.range.end - len, w.range.end);
                    Fix::safe(
                        format!("Use `{lower}`"),
                        vec![Edit::replace(at, lower.clone())],
                    )
                });
                let d = cx.report(w.range, format!("protocol `{proto}` should be lower case"));
                d.set_help(format!("write `{lower}`"));
                if let Some(f) = fix {
                    d.set_fix(f);
                }
            }
        }
    }
}
