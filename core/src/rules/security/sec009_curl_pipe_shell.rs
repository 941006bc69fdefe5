use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::SHELLS;
use crate::shell::commands::Tool;
use crate::shell::{Command, Separator, Word};
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Reports scripts downloaded and executed in one go: `curl … | sh`, `wget -O- … | bash`,
    /// `bash <(curl …)`, `sh -c "$(curl …)"` and `eval "$(wget -qO- …)"`, also behind `sudo`
    /// or `env`. The finding is on the shell that runs the download, with a label on the
    /// downloader.
    ///
    /// A shell given its own script (`curl … | sh -c 'jq …'`) does not run the download and is
    /// not reported.
    ///
    /// ## Why is this bad?
    /// Whatever the server returns is executed as the build user, usually root, with no
    /// integrity check: a compromised server, CDN or DNS entry, or a truncated download,
    /// becomes code in your image. Download the script to a file, verify its checksum or
    /// signature, then run it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSL https://get.example.com/install.sh | sh
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSLo /tmp/install.sh https://get.example.com/install.sh \
    ///  && echo "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae  /tmp/install.sh" | sha256sum -c - \
    ///  && sh /tmp/install.sh && rm /tmp/install.sh
    /// ```
    pub CurlPipeShell {
        code: "SEC009",
        name: "curl-pipe-shell",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "A downloaded script is piped straight into a shell",
    }
}

fn is_downloader(cmd: &Command) -> bool {
    match cmd.name_str() {
        "curl" => true,
        // wget writes to a file unless told to write to stdout.
        "wget" => cmd.args.iter().any(|w| {
            let v = w.value.as_str();
            v == "-O-" || v == "--output-document=-" || (v.starts_with('-') && !v.starts_with("--") && v.ends_with("O-"))
        }) || cmd
            .args
            .windows(2)
            .any(|p| matches!(p, [a, b] if (a.value == "-O" || a.value == "--output-document" || (a.value.starts_with('-') && !a.value.starts_with("--") && a.value.ends_with('O'))) && b.value == "-")),
        _ => false,
    }
}

/// The shell reads its script from stdin: no `-c` and no script operand (or `-s`).
fn shell_reads_stdin(cmd: &Command) -> bool {
    let mut reads = true;
    for w in &cmd.args {
        let v = w.value.as_str();
        if v == "-" || v == "--" {
            return true;
        }
        if v.starts_with("--") {
            continue;
        }
        if let Some(flags) = v.strip_prefix('-').or_else(|| v.strip_prefix('+')) {
            if flags.contains('c') {
                return false;
            }
            if flags.contains('s') {
                return true;
            }
            continue;
        }
        reads = false;
        break;
    }
    reads
}

impl Rule for CurlPipeShell {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::Curl).or(CommandKinds::tool(Tool::Wget)))
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            let cmds = &run.script.commands;
            for (i, cmd) in cmds.iter().enumerate() {
                let name = cmd.name_str();
                let is_shell = SHELLS.contains(name);
                let Some(name_word) = cmd.name.as_ref() else {
                    continue;
                };
                let mut downloader: Option<&Command> = None;
                // `curl … | sh`: walk back through the pipeline.
                if is_shell && cmd.separator == Separator::Pipe && shell_reads_stdin(cmd) {
                    let mut j = i;
                    let mut sep = cmd.separator;
                    while sep == Separator::Pipe {
                        let Some(prev_idx) = cmds
                            .get(..j)
                            .and_then(|s| s.iter().rposition(|c| c.list == cmd.list))
                        else {
                            break;
                        };
                        let Some(prev) = cmds.get(prev_idx) else {
                            break;
                        };
                        if is_downloader(prev) {
                            downloader = Some(prev);
                            break;
                        }
                        sep = prev.separator;
                        j = prev_idx;
                    }
                }
                // `bash <(curl …)`, `sh -c "$(curl …)"`, `eval "$(curl …)"`, `. <(curl …)`.
                // The first byte first: most commands are none of the three.
                let runs_text = matches!(name.as_bytes().first(), Some(b'e' | b's' | b'.'))
                    && matches!(name, "eval" | "source" | ".");
                if downloader.is_none() && (is_shell || runs_text) {
                    let args: &[Word] = &cmd.args;
                    for a in args {
                        let raw = a.range.slice(run.text());
                        let runs_it = raw.contains("<(")
                            || (raw.contains("$(") || raw.contains('`'))
                                && (!is_shell
                                    || args.iter().any(|w| {
                                        w.value.starts_with('-') && w.value.contains('c')
                                    }));
                        if !runs_it {
                            continue;
                        }
                        downloader = cmds.iter().skip(i + 1).find(|c| {
                            a.range.contains_range(c.range)
                                && is_downloader(c)
                                && c.depth > cmd.depth
                        });
                        if downloader.is_some() {
                            break;
                        }
                    }
                }
                let Some(dl) = downloader else { continue };
                let at = run.file_range(name_word.range);
                let dl_range: TextRange =
                    run.file_range(dl.name.as_ref().map_or(dl.range, |w| w.range));
                cx.report(
                    at,
                    format!(
                        "`{}` runs a script downloaded by `{}` without checking it",
                        name,
                        dl.name_str()
                    ),
                )
                .add_label(dl_range, "downloaded here")
                .set_help("download to a file, verify its checksum or signature, then run it");
            }
        }
    }
}
