use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Tool;

declare_rule! {
    /// ## What it does
    /// Reports `apt-key add` and `apt-key adv` (key import from a file or a key server).
    ///
    /// ## Why is this bad?
    /// `apt-key` is deprecated and removed from current Debian and Ubuntu releases. Keys it
    /// adds go to the global trusted keyring, so a key for one third-party repository can sign
    /// packages for *every* repository, Debian's own included. Store the key in
    /// `/etc/apt/keyrings/` and reference it with `signed-by=` on that repository only.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSL https://download.example.com/key.asc | apt-key add -
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSLo /etc/apt/keyrings/example.asc https://download.example.com/key.asc \
    ///  && echo "deb [signed-by=/etc/apt/keyrings/example.asc] https://download.example.com/apt stable main" \
    ///       > /etc/apt/sources.list.d/example.list
    /// ```
    pub AptKeyDeprecated {
        code: "SEC034",
        name: "apt-key-deprecated",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "apt-key trusts a key for every repository",
    }
}

impl Rule for AptKeyDeprecated {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::AptKey))
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            for cmd in &run.script.commands {
                if cmd.tool != Tool::AptKey {
                    continue;
                }
                let Some(sub) = cmd
                    .args
                    .iter()
                    .find(|a| matches!(a.value.as_str(), "add" | "adv"))
                else {
                    continue;
                };
                let Some(name) = &cmd.name else { continue };
                let range = run.file_range(name.range).cover(run.file_range(sub.range));
                cx.report(range, format!("`apt-key {}` trusts the key for every apt repository", sub.value))
                    .set_help("put the key in /etc/apt/keyrings/ and add `signed-by=` to that repository's source line");
            }
        }
    }
}
