use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Tool;
use crate::shell::commands::misc::Go;

declare_rule! {
    /// ## What it does
    /// Reports `go install` (and `go get`) of a remote module path without an `@version`, or
    /// with `@latest`. Local packages (`.`, `./cmd/x`) are not reported.
    ///
    /// ## Why is this bad?
    /// `@latest` and a bare path resolve to whatever was published last, so the tool in the
    /// image changes from one build to the next.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22
    /// RUN go install golang.org/x/tools/gopls@latest
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.22
    /// RUN go install golang.org/x/tools/gopls@v0.15.3
    /// ```
    pub GoInstallUnpinned {
        code: "REP019",
        name: "go-install-unpinned",
        family: Reproducibility,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DL3062"],
        summary: "go install of a module without a fixed @version",
    }
}

impl Rule for GoInstallUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::Go))
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            for cmd in &run.script.commands {
                let Some(go) = Go::from(cmd) else { continue };
                if !go
                    .subcommand
                    .is_some_and(|s| matches!(s.value.as_str(), "install" | "get"))
                {
                    continue;
                }
                for p in &go.packages {
                    let remote = p
                        .name
                        .split('/')
                        .next()
                        .is_some_and(|host| host.contains('.'))
                        && !p.name.starts_with('.');
                    if !remote || p.word.has_expansion {
                        continue;
                    }
                    if p.version.is_some_and(|v| v != "latest" && !v.is_empty()) {
                        continue;
                    }
                    cx.report(
                        run.file_range(p.range),
                        format!("`{}` is installed without a fixed version", p.name),
                    )
                    .set_help(format!("pin it as `{}@vX.Y.Z`", p.name));
                }
            }
        }
    }
}
