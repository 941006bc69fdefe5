use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rules::{Context, Rule, RuleMeta};
use crate::shell::commands::misc::Chmod;
use crate::syntax::Keyword;

declare_rule! {
    /// ## What it does
    /// Reports modes that set the setuid bit (`chmod u+s`, `+s`, `4755`, `6755`) — and, at
    /// info severity, the setgid bit (`g+s`, `2755`), which is also commonly set on shared
    /// directories on purpose. `COPY`/`ADD --chmod=4755` is checked too.
    ///
    /// ## Why is this bad?
    /// A setuid program runs with its owner's privileges, usually root, whoever starts it: a
    /// bug in it is a privilege escalation inside the container. Images should not add
    /// setuid binaries; run the container with `--security-opt no-new-privileges`, and grant
    /// specific capabilities instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN chmod u+s /usr/local/bin/helper
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN chmod 0755 /usr/local/bin/helper
    /// ```
    pub SetuidBit {
        code: "SEC027",
        name: "setuid-bit",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "chmod sets the setuid or setgid bit",
    }
}

/// (setuid, setgid) granted by a mode.
fn special_bits(mode: &str) -> (bool, bool) {
    if !mode.is_empty() && mode.chars().all(|c| c.is_digit(8)) {
        if mode.len() < 4 {
            return (false, false);
        }
        let first = mode
            .chars()
            .rev()
            .nth(3)
            .and_then(|c| c.to_digit(8))
            .unwrap_or(0);
        return (first & 4 != 0, first & 2 != 0);
    }
    let mut suid = false;
    let mut sgid = false;
    for clause in mode.split(',') {
        let who_end = clause.find(['+', '=', '-']).unwrap_or(clause.len());
        let who = clause.get(..who_end).unwrap_or("");
        let ops = clause.get(who_end..).unwrap_or("");
        // Only `+`/`=` segments grant.
        let mut grants = false;
        let mut op = ' ';
        for c in ops.chars() {
            if matches!(c, '+' | '=' | '-') {
                op = c;
            } else if c == 's' && op != '-' {
                grants = true;
            }
        }
        if grants {
            let all = who.is_empty() || who.contains('a');
            suid |= all || who.contains('u');
            sgid |= all || who.contains('g');
        }
    }
    (suid, sgid)
}

const HELP: &str =
    "do not ship setuid/setgid programs; grant capabilities or run the step as the right USER";

impl SetuidBit {
    fn report(cx: &mut Context<'_>, range: crate::text::TextRange, mode: &str) {
        match special_bits(mode) {
            (true, _) => {
                cx.report(range, format!("mode `{mode}` sets the setuid bit"))
                    .set_help(HELP);
            }
            (false, true) => {
                cx.report_with_severity(
                    range,
                    Severity::Info,
                    format!("mode `{mode}` sets the setgid bit"),
                )
                .set_help(HELP);
            }
            _ => {}
        }
    }
}

impl Rule for SetuidBit {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            for cmd in &run.script.commands {
                let Some(chmod) = Chmod::from(cmd) else {
                    continue;
                };
                let Some(mode) = chmod.mode else { continue };
                Self::report(cx, run.file_range(mode.range), &mode.value);
            }
        }
        for kw in [Keyword::Copy, Keyword::Add] {
            for (i, ins, _) in cx.instructions_with(kw) {
                let Some(flag) = ins.flag("chmod") else {
                    continue;
                };
                let Some(value) = &flag.value else { continue };
                let mode = cx.model.expand_at(value, i).value;
                Self::report(cx, flag.value_range.unwrap_or(flag.range), &mode);
            }
        }
    }
}
