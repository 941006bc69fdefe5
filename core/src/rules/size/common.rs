//! Helpers shared by the size and reproducibility rules: cache-mount checks, the commands of
//! one RUN, and fixes that add a flag or append a command while keeping the file's layout.

use crate::fix::Edit;
use crate::model::{BaseKind, Model};
use crate::rules::context::Views;
use crate::rules::{Context, RunScript, ScriptSource};
use crate::shell::commands::Family;
use crate::shell::commands::Tool;
use crate::shell::{Command, Word};
use crate::syntax::{Instruction, MountKind};
use crate::text::TextRange;
use crate::util::names::Names;

fn trim_slash(p: &str) -> &str {
    let t = p.trim_end_matches('/');
    if t.is_empty() { "/" } else { t }
}

/// `inner` is `outer` or a path below it.
fn path_within(inner: &str, outer: &str) -> bool {
    let (inner, outer) = (trim_slash(inner), trim_slash(outer));
    outer == "/"
        || inner == outer
        || inner
            .strip_prefix(outer)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// A `--mount=type=cache` or `type=tmpfs` of the RUN covers one of `dirs`.
#[must_use]
pub(crate) fn cache_mounted(ins: &Instruction, dirs: &[&str]) -> bool {
    ins.mounts().iter().any(|m| {
        matches!(m.kind, MountKind::Cache | MountKind::Tmpfs)
            && m.target
                .as_deref()
                .is_some_and(|t| dirs.iter().any(|d| path_within(d, t)))
    })
}

/// A cache or tmpfs mount whose target satisfies `pred`.
#[must_use]
pub(crate) fn cache_mount_where(ins: &Instruction, pred: impl Fn(&str) -> bool) -> bool {
    ins.mounts().iter().any(|m| {
        matches!(m.kind, MountKind::Cache | MountKind::Tmpfs)
            && m.target.as_deref().is_some_and(|t| pred(trim_slash(t)))
    })
}

/// The RUN's layer ends up in the shipped image (ONBUILD triggers run in child images, which ship).
#[must_use]
pub(crate) fn ships(cx: &Context<'_>, run: &RunScript<'_>) -> bool {
    run.onbuild || cx.model.is_shipped(run.index)
}

/// Whether the script runs any command of `family`: the cheap first test of the cache rules,
/// so a RUN without such a command skips their costlier checks (mounts, removals, cleans).
#[must_use]
pub(crate) fn has_family(run: &RunScript<'_>, family: Family) -> bool {
    run.script.commands.iter().any(|c| c.family == family)
}

/// The answer to a question about a whole RUN, kept for its next asker: a RUN's scripts are
/// consecutive in `Context::scripts`, so a rule that asks per script (or per command) computes
/// it once per RUN, not once per asker (a RUN can hold thousands of heredoc scripts).
pub(crate) struct PerRun<T> {
    last: Option<(usize, T)>,
}

impl<T> PerRun<T> {
    pub(crate) const fn new() -> Self {
        Self { last: None }
    }

    /// The answer for the RUN at `index`, computed if the last one was for another RUN.
    pub(crate) fn get(&mut self, index: usize, compute: impl FnOnce() -> T) -> &T {
        if !matches!(&self.last, Some((i, _)) if *i == index) {
            self.last = None;
        }
        &self.last.get_or_insert_with(|| (index, compute())).1
    }
}

/// Every command of the RUN at `index` (shell form and heredoc scripts).
pub(crate) fn run_commands<'s>(
    scripts: &'s [RunScript<'s>],
    index: usize,
) -> impl Iterator<Item = &'s Command> + 's {
    // Scripts are in instruction order: binary search keeps callers that ask once per RUN linear.
    crate::rules::scripts_of(scripts, index)
        .iter()
        .flat_map(|r| r.script.commands.iter())
}

/// Package names the RUN at `index` removes again (`apt-get purge/remove/autoremove`,
/// `apk del` — which also names virtual packages —, `yum/dnf/zypper remove/erase/rm`),
/// sorted and without repeats: ask [`is_removed`], a binary search, so a RUN installing and
/// removing thousands of packages stays n log n.
/// Package-manager subcommands that remove packages (first-byte table: every argument of
/// every apt/apk/rpm command is looked up).
const REMOVE_SUBCOMMANDS: Names<()> = Names::new(&[
    ("purge", ()),
    ("remove", ()),
    ("rm", ()),
    ("autoremove", ()),
    ("del", ()),
    ("erase", ()),
]);

pub(crate) fn removed_packages<'a>(views: Views<'a>, index: usize) -> Vec<&'a str> {
    let mut out = Vec::new();
    for c in run_commands(views.scripts(), index) {
        // Only package managers remove packages, and most of their commands install: skip
        // parsing those (the subcommand is an argument).
        let removes = matches!(c.family, Family::Apt | Family::Apk | Family::Rpm)
            && c.args.iter().any(|w| REMOVE_SUBCOMMANDS.contains(&w.value));
        if !removes {
            continue;
        }
        if let Some(a) = views.apt(c)
            && matches!(a.subcommand_str(), "purge" | "remove" | "autoremove")
        {
            out.extend(a.packages.iter().map(|p| p.name));
        } else if let Some(a) = views.apk(c)
            && a.subcommand_str() == "del"
        {
            out.extend(a.packages.iter().map(|p| p.name));
        } else if let Some(r) = views.rpm(c)
            && matches!(r.subcommand_str(), "remove" | "erase" | "rm" | "autoremove")
        {
            out.extend(r.packages.iter().map(|p| p.name));
        }
    }
    crate::util::sort::sort_by(&mut out, Ord::cmp);
    out.dedup();
    out
}

/// Whether `name` is in `gone`, as [`removed_packages`] returns it.
pub(crate) fn is_removed(gone: &[&str], name: &str) -> bool {
    gone.binary_search_by(|g| (*g).cmp(name)).is_ok()
}

/// `rm` of a path at or below one of `dirs` in the RUN at `index`.
#[must_use]
pub(crate) fn removes_path(scripts: &[RunScript<'_>], index: usize, dirs: &[&str]) -> bool {
    run_commands(scripts, index).any(|c| {
        c.tool == Tool::Rm
            && c.args.iter().any(|w| {
                let v = w.value.trim_end_matches('*');
                dirs.iter().any(|d| path_within(v, d))
            })
    })
}

/// The file range from the start of `a` to the end of `b`.
#[must_use]
pub(crate) fn span(run: &RunScript<'_>, a: &Word, b: &Word) -> TextRange {
    run.file_range(a.range).cover(run.file_range(b.range))
}

/// The command name through the subcommand word (`apt-get update`), or the name alone.
#[must_use]
pub(crate) fn head_range(run: &RunScript<'_>, cmd: &Command, sub: Option<&Word>) -> TextRange {
    match (&cmd.name, sub) {
        (Some(n), Some(s)) => span(run, n, s),
        (Some(n), None) => run.file_range(n.range),
        _ => run.file_range(cmd.range),
    }
}

/// Whether `word` sits verbatim at its range in the script text. Words of a nested script in
/// an unescaped `sh -c "…\"…"` string all map to the whole string, so an edit placed relative
/// to them would land after (or replace) the whole string: such words cannot anchor a fix.
#[must_use]
pub(crate) fn is_exact(run: &RunScript<'_>, word: &Word) -> bool {
    !word.value.is_empty()
        && run
            .text()
            .get(word.range.start_usize()..word.range.end_usize())
            .is_some_and(|s| s == word.value)
}

/// Inserts ` text` right after `word` (`None` when the word's position is not exact).
#[must_use]
pub(crate) fn insert_after(run: &RunScript<'_>, word: &Word, text: &str) -> Option<Edit> {
    is_exact(run, word).then(|| Edit::insert(run.file_range(word.range).end, format!(" {text}")))
}

/// `set_fix` for a fix that may be unavailable.
pub(crate) trait SetFixOpt {
    fn set_fix_opt(&mut self, fix: Option<crate::fix::Fix>) -> &mut Self;
}

impl SetFixOpt for crate::diagnostic::Diagnostic {
    fn set_fix_opt(&mut self, fix: Option<crate::fix::Fix>) -> &mut Self {
        if let Some(f) = fix {
            self.set_fix(f);
        }
        self
    }
}

fn leading_ws(line: &str) -> &str {
    let n = line.len() - line.trim_start().len();
    line.get(..n).unwrap_or("")
}

/// The continuation style of an instruction: `(leading, indent)` where `leading` means lines
/// start with `&&` (else they end with `&& \`).
fn continuation_style(before: &str, escape: char) -> (bool, String) {
    let lines: Vec<&str> = before.lines().collect();
    let leading = lines
        .iter()
        .skip(1)
        .filter(|l| l.trim_start().starts_with("&&"))
        .count();
    let trailing = lines
        .iter()
        .filter(|l| {
            l.trim_end()
                .strip_suffix(escape)
                .is_some_and(|r| r.trim_end().ends_with("&&"))
        })
        .count();
    if leading > 0 && leading >= trailing {
        let indent = lines
            .iter()
            .rev()
            .find(|l| l.trim_start().starts_with("&&"))
            .map_or(" ", |l| leading_ws(l));
        (true, indent.to_owned())
    } else {
        let indent = lines
            .iter()
            .skip(1)
            .rev()
            .map(|l| leading_ws(l))
            .find(|w| !w.is_empty())
            .unwrap_or("    ");
        (false, indent.to_owned())
    }
}

/// The separator to put between the end of one shell-form script (ending at `at`) and a new
/// command, matching how the instruction already continues its lines.
#[must_use]
pub(crate) fn joiner(source: &str, escape: char, ins: &Instruction, at: u32) -> String {
    let before = source
        .get(ins.range.start_usize()..at as usize)
        .unwrap_or("");
    if !before.contains('\n') {
        return " && ".to_owned();
    }
    match continuation_style(before, escape) {
        (true, indent) => format!(" {escape}\n{indent}&& "),
        (false, indent) => format!(" && {escape}\n{indent}"),
    }
}

/// Where a shell-form script can be extended: the file offset just after its last byte, when
/// appending `&& cmd` there is sound (no trailing comment, operator or parse error).
#[must_use]
pub(crate) fn script_end(run: &RunScript<'_>) -> Option<u32> {
    if run.source != ScriptSource::ShellForm
        || !run.script.errors.is_empty()
        || !run.instruction.heredocs.is_empty()
    {
        return None;
    }
    let text = run.text();
    let trimmed = text.trim_end();
    if trimmed.is_empty() || trimmed.ends_with(['&', '|', ';', '\\', '`']) {
        return None;
    }
    let last_cmd_end = run
        .script
        .commands
        .iter()
        .map(|c| c.range.end_usize())
        .max()
        .unwrap_or(0);
    if trimmed
        .get(last_cmd_end..)
        .is_none_or(|tail| tail.contains('#'))
    {
        return None;
    }
    let n = u32::try_from(trimmed.len()).ok()?;
    Some(run.file_range(TextRange::new(n - 1, n)).end)
}

/// An edit appending `command` to the script of `run`: `&& command` for shell form (in the
/// file's continuation style), a new last line for a heredoc script.
#[must_use]
pub(crate) fn append_command(cx: &Context<'_>, run: &RunScript<'_>, command: &str) -> Option<Edit> {
    match run.source {
        ScriptSource::ShellForm => {
            let at = script_end(run)?;
            let sep = joiner(cx.source, cx.dockerfile.escape, run.instruction, at);
            Some(Edit::insert(at, format!("{sep}{command}")))
        }
        ScriptSource::Heredoc(h) => {
            let doc = run.instruction.heredocs.get(h)?;
            doc.terminator_range?;
            let content = doc.content_range.slice(cx.source);
            let indent = content
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .map_or("", leading_ws);
            let nl = if content.is_empty() || content.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            Some(Edit::insert(
                doc.content_range.end,
                format!("{nl}{indent}{command}\n"),
            ))
        }
    }
}

/// The image the stage chain of instruction `i` starts from (`None` for scratch/unresolved).
#[must_use]
pub(crate) fn root_image(model: &Model<'_>, i: usize) -> Option<String> {
    let root = model.root_stage(model.contexts.get(i)?.stage?)?;
    match &model.stages.get(root)?.base.kind {
        BaseKind::Image(r) => Some(r.repository.to_ascii_lowercase()),
        _ => None,
    }
}

/// Shared check of the rpm-family cleanup rules: an install by one of `tools` in a shipped RUN
/// without `<tool> clean all` (zypper: `clean`) or removal of `dirs`, and no cache mount on them.
pub(crate) fn check_rpm_clean(
    cx: &mut Context<'_>,
    tools: &[crate::shell::commands::rpm::RpmTool],
    clean_args: &str,
    dirs: &[&str],
) {
    use crate::fix::Fix;

    // RUNs already reported: scripts come in RUN order, so the last one is enough.
    let mut done: Option<usize> = None;
    let mut cleans = PerRun::new();
    for run in cx.scripts {
        if !has_family(run, Family::Rpm)
            || done == Some(run.index)
            || !ships(cx, run)
            || cache_mounted(run.instruction, dirs)
        {
            continue;
        }
        let cleaned = *cleans.get(run.index, || {
            removes_path(cx.scripts, run.index, dirs)
                || run_commands(cx.scripts, run.index).any(|c| {
                    cx.rpm(c)
                        .is_some_and(|r| tools.contains(&r.tool) && r.clean_all)
                })
        });
        if cleaned {
            continue;
        }
        for cmd in &run.script.commands {
            let Some(rpm) = cx.rpm(cmd) else {
                continue;
            };
            if !tools.contains(&rpm.tool) || !rpm.is_install() {
                continue;
            }
            done = Some(run.index);
            let name = cmd.name_str();
            let clean = format!("{name} {clean_args}");
            let fix = append_command(cx, run, &clean)
                .map(|e| Fix::safe(format!("Append `{clean}`"), vec![e]));
            let d = cx.report(
                head_range(run, cmd, rpm.subcommand),
                format!(
                    "`{name} {}` without `{clean}` in the same RUN",
                    rpm.subcommand_str()
                ),
            );
            d.set_help(format!(
                "end the RUN with `{clean}`, or mount a cache on {}",
                dirs.first().copied().unwrap_or("the package cache")
            ));
            if let Some(f) = fix {
                d.set_fix(f);
            }
            break;
        }
    }
}
