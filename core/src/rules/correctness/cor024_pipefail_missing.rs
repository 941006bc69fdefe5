use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::model::BaseKind;
use crate::rules::{Context, Rule, RuleMeta, RunScript, ScriptSource};
use crate::shell::commands::Tool;
use crate::shell::{self, Script, Separator};
use crate::syntax::CommandForm;
use crate::text::TextRange;

use super::common::{line_indent, line_start, root_base};

declare_rule! {
    /// ## What it does
    /// Reports a `RUN` whose script has a pipe (`a | b`) while `pipefail` is off: the stage's
    /// `SHELL` is the default `/bin/sh -c` or a shell without `-o pipefail`, and the script
    /// does not run `set -o pipefail` (or `set -euo pipefail`) before the pipe. Heredoc bodies
    /// run by their own interpreter (a shebang, or `RUN bash <<EOF`) only count their own
    /// `set`. PowerShell and cmd stages are skipped.
    ///
    /// ## Why is this bad?
    /// A pipeline's status is that of its last command: `curl -fsSL $URL | tar -xz` succeeds
    /// when the download fails, and the build carries on with a half-empty directory.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /opt
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    /// RUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /opt
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: inserts `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (`/bin/ash` for Alpine and
    /// BusyBox bases) before the first such `RUN` of the stage. Every later `RUN` of the stage
    /// and of the stages built from it then uses that shell and fails on a failed pipe. Not
    /// offered when the stage already sets a `SHELL` or its base image is unknown.
    pub PipefailMissing {
        code: "COR024",
        name: "pipefail-missing",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL4006"],
        summary: "RUN with a pipe without pipefail",
    }
}

/// `-o pipefail` (also `-eo pipefail`, `-euxo pipefail`) in an argument list.
fn has_pipefail<'a>(args: impl IntoIterator<Item = &'a str>) -> bool {
    let mut prev_o = false;
    for a in args {
        if prev_o && a == "pipefail" {
            return true;
        }
        prev_o = a.starts_with('-') && !a.starts_with("--") && a.ends_with('o');
    }
    false
}

/// The offset of the first pipe's right-hand command and its range with the left side.
fn first_pipe(script: &Script) -> Option<(u32, TextRange)> {
    script.commands.iter().enumerate().find_map(|(i, c)| {
        (c.separator == Separator::Pipe).then(|| {
            let start = script
                .previous_sibling(i)
                .map_or(c.range.start, |p| p.range.start);
            (c.range.start, TextRange::new(start, c.range.end))
        })
    })
}

/// `set -o pipefail` before `offset`.
fn sets_pipefail_before(script: &Script, offset: u32) -> bool {
    script
        .commands
        .iter()
        .filter(|c| c.range.start < offset)
        .any(|c| c.tool == Tool::Set && has_pipefail(c.args_str()))
}

/// Whether the stage's SHELL applies to the script (and not a shebang or `bash <<EOF`).
fn shell_applies(run: &RunScript<'_>) -> bool {
    let ScriptSource::Heredoc(h) = run.source else {
        return true;
    };
    let Some(doc) = run.instruction.heredocs.get(h) else {
        return true;
    };
    if doc.content.starts_with("#!") {
        return false;
    }
    let Some(CommandForm::Shell(form)) = run.instruction.command() else {
        return true;
    };
    form.text
        .as_str()
        .split_whitespace()
        .all(|w| w.contains("<<"))
}

impl Rule for PipefailMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        let mut fixed_stages: Vec<usize> = Vec::new();
        for run in cx.scripts {
            let Some((pipe_at, range)) = first_pipe(&run.script) else {
                continue;
            };
            if sets_pipefail_before(&run.script, pipe_at) {
                continue;
            }
            let applies = shell_applies(run);
            let shell = model.shell_at(run.index);
            if applies && !run.onbuild && has_pipefail(shell.iter().skip(1).copied()) {
                continue;
            }
            let exe = shell::basename(shell.first().copied().unwrap_or("/bin/sh")).to_owned();
            let range = run.file_range(range);
            let stage = model.contexts.get(run.index).and_then(|c| c.stage);
            let shell_set = model
                .contexts
                .get(run.index)
                .and_then(|c| c.shell)
                .is_some();
            let fix = match (stage, applies && !run.onbuild && !shell_set) {
                (Some(s), true) if !fixed_stages.contains(&s) => {
                    let sh = match root_base(model, s) {
                        Some(BaseKind::Image(img)) => {
                            let n = img.repository.to_ascii_lowercase();
                            Some(if n.contains("alpine") || n.contains("busybox") {
                                "/bin/ash"
                            } else {
                                "/bin/bash"
                            })
                        }
                        _ => None,
                    };
                    sh.map(|sh| {
                        fixed_stages.push(s);
                        let ins = run.instruction;
                        let at = line_start(cx.source, ins.range.start);
                        let indent = line_indent(cx.source, ins.range.start);
                        Fix::unsafe_(
                            format!("Set SHELL to {sh} with pipefail for this stage"),
                            vec![Edit::insert(
                                at,
                                format!("{indent}SHELL [\"{sh}\", \"-o\", \"pipefail\", \"-c\"]\n"),
                            )],
                        )
                    })
                }
                _ => None,
            };
            let why = if applies {
                format!("`{exe}` runs without `-o pipefail`")
            } else {
                "the script does not `set -o pipefail`".to_owned()
            };
            let d = cx.report(
                range,
                format!("a failure on the left of this pipe is ignored: {why}"),
            );
            d.set_help(if applies {
                "set a SHELL with `-o pipefail` (e.g. `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]`) before the RUN, or start the script with `set -o pipefail`"
            } else {
                "start the script with `set -o pipefail`"
            });
            if let Some(f) = fix {
                d.set_fix(f);
            }
        }
    }
}
