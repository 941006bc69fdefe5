use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Tool;
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Reports the use of both `wget` and `curl` in RUN scripts of one Dockerfile. The tool used
    /// less often is reported at each of its uses (`wget` on a tie).
    ///
    /// ## Why is this bad?
    /// Both tools do the same job. Using both means installing both, and two sets of flags to
    /// get right (TLS, retries, failure on HTTP errors) instead of one.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSL -o /tmp/a https://example.com/a
    /// RUN wget -q -O /tmp/b https://example.com/b
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSL -o /tmp/a https://example.com/a
    /// RUN curl -fsSL -o /tmp/b https://example.com/b
    /// ```
    pub SingleDownloader {
        code: "REP021",
        name: "single-downloader",
        family: Reproducibility,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: ["DL4001", "DS-0014"],
        summary: "Both wget and curl are used",
    }
}

impl Rule for SingleDownloader {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::Curl).or(CommandKinds::tool(Tool::Wget)))
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut curl: Vec<TextRange> = Vec::new();
        let mut wget: Vec<TextRange> = Vec::new();
        for run in cx.scripts {
            for cmd in &run.script.commands {
                // The tool first (one byte): most commands are neither.
                if !matches!(cmd.tool, Tool::Curl | Tool::Wget) {
                    continue;
                }
                let Some(name) = &cmd.name else { continue };
                match cmd.name_str() {
                    "curl" => curl.push(run.file_range(name.range)),
                    "wget" => wget.push(run.file_range(name.range)),
                    _ => {}
                }
            }
        }
        if curl.is_empty() || wget.is_empty() {
            return;
        }
        let (minor, minor_name, major_name, n) = if wget.len() <= curl.len() {
            (wget, "wget", "curl", curl.len())
        } else {
            (curl, "curl", "wget", wget.len())
        };
        for range in minor {
            cx.report(
                range,
                format!(
                    "`{minor_name}` is used here but `{major_name}` is used {n} time(s) elsewhere"
                ),
            )
            .set_help(format!(
                "use `{major_name}` everywhere so only one downloader is installed"
            ));
        }
    }
}
