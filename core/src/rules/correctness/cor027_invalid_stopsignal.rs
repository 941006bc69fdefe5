use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Keyword};
use crate::util::suggest::closest;

declare_rule! {
    /// ## What it does
    /// Reports a `STOPSIGNAL` that is not a signal Docker knows: a name such as `SIGTERM` or
    /// `TERM` (any case), `SIGRTMIN+3`, or a number from 1 to 64. Values from build arguments
    /// are checked when their default is known.
    ///
    /// ## Why is this bad?
    /// Docker rejects an unknown signal when the container is created or stopped, not when the
    /// image is built, so the mistake ships.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// STOPSIGNAL SIGQUITE
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// STOPSIGNAL SIGQUIT
    /// ```
    pub InvalidStopsignal {
        code: "COR027",
        name: "invalid-stopsignal",
        family: Correctness,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: ["INVALID_SIGNAL"],
        summary: "STOPSIGNAL is not a known signal",
    }
}

const SIGNALS: &[&str] = &[
    "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL",
    "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP",
    "TTIN", "TTOU", "UNUSED", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN",
    "RTMAX",
];

fn is_signal(v: &str) -> bool {
    if let Ok(n) = v.parse::<u32>() {
        return (1..=64).contains(&n);
    }
    let upper = v.to_ascii_uppercase();
    let name = upper.strip_prefix("SIG").unwrap_or(&upper);
    if SIGNALS.contains(&name) {
        return true;
    }
    if let Some(n) = name.strip_prefix("RTMIN+") {
        return n.parse::<u32>().is_ok_and(|n| (1..=15).contains(&n));
    }
    if let Some(n) = name.strip_prefix("RTMAX-") {
        return n.parse::<u32>().is_ok_and(|n| (1..=14).contains(&n));
    }
    false
}

impl Rule for InvalidStopsignal {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (i, ins, _) in cx.instructions_with(Keyword::Stopsignal) {
            let Args::Stopsignal(Some(w)) = &ins.args else {
                continue;
            };
            let exp = cx.model.expand_at(&w.text, i);
            if exp.unresolved
                || exp.error.is_some()
                || (exp.value.is_empty() && !exp.referenced.is_empty())
            {
                continue;
            }
            let v = exp.value.as_str();
            if is_signal(v) {
                continue;
            }
            let upper = v.to_ascii_uppercase();
            let bare = upper.strip_prefix("SIG").unwrap_or(&upper);
            let d = cx.report(w.range, format!("`{v}` is not a known signal"));
            match closest(bare, SIGNALS.iter().copied()) {
                Some(s) => d.set_help(format!("did you mean `SIG{s}`?")),
                None => d.set_help(
                    "use a signal name such as SIGTERM or SIGQUIT, or a number from 1 to 64",
                ),
            };
        }
    }
}
