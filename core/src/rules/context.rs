//! What a rule sees: the source, the parse, the model, pre-parsed shell scripts and its options,
//! plus the sink for its findings.

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::config::{Policy, Value};
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::Fix;
use crate::model::Model;
use crate::shell::commands::Family;
use crate::shell::commands::apk::Apk;
use crate::shell::commands::apt::Apt;
use crate::shell::commands::npm::Npm;
use crate::shell::commands::pip::Pip;
use crate::shell::commands::rpm::RpmCommand;
use crate::shell::{self, Command, Script};
use crate::syntax::{Args, CommandForm, Dockerfile, Instruction, Keyword, LogicalLine};
use crate::text::TextRange;

use super::RuleMeta;

/// Where a shell script came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScriptSource {
    /// The shell-form text of a RUN.
    ShellForm,
    /// The body of the RUN's heredoc with this index, run as a shell script.
    Heredoc(usize),
}

/// One shell script to analyse: a RUN's shell form or a heredoc body that the shell executes.
#[derive(Debug)]
pub struct RunScript<'a> {
    /// Index of the top-level instruction (the ONBUILD for triggers).
    pub index: usize,
    pub instruction: &'a Instruction,
    /// The script is an `ONBUILD RUN` trigger.
    pub onbuild: bool,
    pub source: ScriptSource,
    pub script: Script,
    /// The script text and its map to the file: the RUN's own for the shell form, built for a
    /// heredoc body.
    map: Cow<'a, LogicalLine>,
}

impl RunScript<'_> {
    /// Converts a range in the script text to a range in the file.
    #[must_use]
    pub fn file_range(&self, range: TextRange) -> TextRange {
        self.map.range_to_file(range)
    }

    /// The script text the ranges refer to.
    #[must_use]
    pub fn text(&self) -> &str {
        self.map.as_str()
    }
}

/// Builds the scripts of every RUN (and ONBUILD RUN), once per file.
pub(crate) fn collect_scripts<'a>(source: &'a str, model: &Model<'a>) -> Vec<RunScript<'a>> {
    let mut out = Vec::new();
    for (index, ins) in model.instructions.iter().enumerate() {
        let (ins, onbuild): (&'a Instruction, bool) = match &ins.args {
            Args::Onbuild(Some(inner)) => (inner, true),
            _ => (*ins, false),
        };
        if ins.keyword != Keyword::Run || !model.is_posix_shell_at(index) {
            continue;
        }
        let Some(CommandForm::Shell(form)) = ins.command() else {
            continue;
        };
        let text = form.text.as_str();
        out.push(RunScript {
            index,
            instruction: ins,
            onbuild,
            source: ScriptSource::ShellForm,
            script: shell::parse(text),
            map: Cow::Borrowed(&form.text),
        });
        // A heredoc is a script when the command is only the marker(s), or a shell reading it
        // (decided once per RUN: a RUN may open thousands of heredocs).
        let command_is_shell = !ins.heredocs.is_empty() && command_runs_heredoc(text);
        for (h, doc) in ins.heredocs.iter().enumerate() {
            if heredoc_is_shell(command_is_shell, &doc.content) {
                let map: Cow<'a, LogicalLine> =
                    Cow::Owned(LogicalLine::contiguous(source, doc.content_range));
                out.push(RunScript {
                    index,
                    instruction: ins,
                    onbuild,
                    source: ScriptSource::Heredoc(h),
                    script: shell::parse(map.as_str()),
                    map,
                });
            }
        }
    }
    let mut number = 0u32;
    for c in out.iter_mut().flat_map(|r| r.script.commands.iter_mut()) {
        c.number = number;
        number = number.wrapping_add(1);
    }
    out
}

/// Whether a heredoc body runs as a shell script: by its shebang, or else when the RUN's
/// command is only the heredoc markers or a shell with flags (`command_is_shell`).
fn heredoc_is_shell(command_is_shell: bool, body: &str) -> bool {
    let first_body_line = body.lines().next().unwrap_or("");
    if let Some(shebang) = first_body_line.strip_prefix("#!") {
        let interp = shebang.split_whitespace().collect::<Vec<_>>();
        let exe = interp
            .iter()
            .find(|w| !w.ends_with("/env"))
            .copied()
            .unwrap_or("");
        let base = shell::basename(exe);
        return matches!(base, "sh" | "bash" | "ash" | "dash" | "zsh" | "ksh");
    }
    command_is_shell
}

/// Whether a RUN command with heredocs feeds them to a shell: only markers, or a shell
/// (with flags only) reading them.
fn command_runs_heredoc(command: &str) -> bool {
    let words: Vec<&str> = command
        .split_whitespace()
        .filter(|w| !w.contains("<<"))
        .collect();
    match words.as_slice() {
        [] => true,
        [sh, rest @ ..] => {
            matches!(
                shell::basename(sh),
                "sh" | "bash" | "ash" | "dash" | "zsh" | "ksh"
            ) && rest.iter().all(|w| w.starts_with('-'))
        }
    }
}

/// Per-lint memo of facts several rules share (see [`Context::advice`], [`Context::apt`]).
#[derive(Default)]
pub(crate) struct Memo<'a> {
    advice: OnceCell<Vec<crate::optimize::Suggestion>>,
    apt: OnceCell<ViewTable<Apt<'a>>>,
    apk: OnceCell<ViewTable<Apk<'a>>>,
    rpm: OnceCell<ViewTable<RpmCommand<'a>>>,
    npm: OnceCell<ViewTable<Npm<'a>>>,
    pip: OnceCell<ViewTable<Pip<'a>>>,
    var_settings: OnceCell<Vec<super::security::shared::VarSet<'a>>>,
    by_keyword: OnceCell<KeywordIndex>,
    stage_refs: OnceCell<Vec<super::correctness::common::StageRef>>,
}

/// The instructions of each keyword, ONBUILD triggers included: a rule asking for its
/// keyword walks only those instead of filtering every instruction.
struct KeywordIndex {
    /// Where each keyword's entries start in `entries` (by `Keyword as usize`), and the end.
    starts: [u32; KEYWORDS + 1],
    /// (instruction index, is an ONBUILD trigger), by keyword, then in file order.
    entries: Vec<(u32, bool)>,
}

const KEYWORDS: usize = Keyword::ALL.len() + 1;

// Every keyword's number indexes `starts`: checked at compile time.
const _: () = {
    let mut i = 0;
    while i < Keyword::ALL.len() {
        assert!((Keyword::ALL[i] as usize) < KEYWORDS);
        i += 1;
    }
    assert!((Keyword::Unknown as usize) < KEYWORDS);
};

impl KeywordIndex {
    fn new(model: &Model<'_>) -> Self {
        // An ONBUILD is listed as ONBUILD and, as a trigger, under its trigger's keyword (once
        // when that is ONBUILD too).
        let listings = |ins: &Instruction| match &ins.args {
            Args::Onbuild(Some(inner)) if inner.keyword == Keyword::Onbuild => {
                [Some((Keyword::Onbuild, true)), None]
            }
            Args::Onbuild(Some(inner)) => [Some((inner.keyword, true)), Some((ins.keyword, false))],
            _ => [Some((ins.keyword, false)), None],
        };
        // A counting sort: one pass to count, one to place.
        let mut starts = [0u32; KEYWORDS + 1];
        for ins in &model.instructions {
            for (keyword, _) in listings(ins).into_iter().flatten() {
                starts[keyword as usize + 1] += 1;
            }
        }
        for k in 0..KEYWORDS {
            starts[k + 1] += starts[k];
        }
        let mut next = starts;
        let mut entries = vec![(0u32, false); starts[KEYWORDS] as usize];
        for (i, ins) in (0u32..).zip(model.instructions.iter()) {
            for (keyword, trigger) in listings(ins).into_iter().flatten() {
                let slot = &mut next[keyword as usize];
                if let Some(e) = entries.get_mut(*slot as usize) {
                    *e = (i, trigger);
                }
                *slot += 1;
            }
        }
        Self { starts, entries }
    }

    fn of(&self, keyword: Keyword) -> &[(u32, bool)] {
        let k = keyword as usize;
        let (start, end) = (self.starts[k] as usize, self.starts[k + 1] as usize);
        self.entries.get(start..end).unwrap_or(&[])
    }
}

/// The views of one kind: each view with the index of its script, and by
/// [`Command::number`] each command's address and its view's index + 1 (0: none). The second
/// list ends at the last command with a view, so it is empty when no command has one.
type ViewTable<T> = (Vec<(u32, T)>, Vec<(usize, u32)>);

/// The table in `cell`, built on first use from the commands of `family` in `scripts`.
fn table<'a, T>(
    cell: &'a OnceCell<ViewTable<T>>,
    scripts: &'a [RunScript<'a>],
    family: Family,
    from: fn(&'a Command) -> Option<T>,
) -> &'a ViewTable<T> {
    cell.get_or_init(|| {
        let mut views = Vec::new();
        let mut slots = Vec::new();
        for (s, run) in (0u32..).zip(scripts) {
            // Most commands are of no family: one byte compare, no call.
            for c in run.script.commands.iter().filter(|c| c.family == family) {
                let Some(v) = from(c) else { continue };
                views.push((s, v));
                let n = c.number as usize;
                if slots.len() <= n {
                    slots.resize(n + 1, (0, 0));
                }
                if let Some(slot) = slots.get_mut(n) {
                    *slot = (
                        std::ptr::from_ref(c).addr(),
                        u32::try_from(views.len()).unwrap_or(0),
                    );
                }
            }
        }
        (views, slots)
    })
}

/// A typed view of `cmd` from `cell`, which holds the views of every command of the file
/// that has one. Several rules ask about the same commands: each is parsed once per lint and
/// found again by its number.
fn view<'a, T>(
    cell: &'a OnceCell<ViewTable<T>>,
    scripts: &'a [RunScript<'a>],
    cmd: &Command,
    family: Family,
    from: fn(&'a Command) -> Option<T>,
) -> Option<&'a T> {
    // Most commands are of no family: answered without a lookup.
    if cmd.family != family {
        return None;
    }
    let (views, slots) = table(cell, scripts, family, from);
    let &(addr, slot) = slots.get(cmd.number as usize)?;
    // A command parsed outside this lint's scripts has no view here.
    if addr != std::ptr::from_ref(cmd).addr() {
        return None;
    }
    views.get((slot as usize).checked_sub(1)?).map(|(_, v)| v)
}

/// Every view in `cell` with its script, in script and command order: a rule about one
/// package manager visits only its commands instead of asking about every command.
fn all<'a, T>(
    cell: &'a OnceCell<ViewTable<T>>,
    scripts: &'a [RunScript<'a>],
    family: Family,
    from: fn(&'a Command) -> Option<T>,
) -> impl Iterator<Item = (&'a RunScript<'a>, &'a T)> + 'a {
    table(cell, scripts, family, from)
        .0
        .iter()
        .filter_map(move |(s, v)| Some((scripts.get(*s as usize)?, v)))
}

/// Typed views of the commands in `scripts`, each command parsed at most once per kind and
/// lint (see [`view`]); shared by the rules and the optimizer's checks.
#[derive(Clone, Copy)]
pub(crate) struct Views<'a> {
    memo: &'a Memo<'a>,
    scripts: &'a [RunScript<'a>],
}

impl<'a> Views<'a> {
    pub(crate) fn new(memo: &'a Memo<'a>, scripts: &'a [RunScript<'a>]) -> Self {
        Self { memo, scripts }
    }

    /// The scripts the views are of.
    pub(crate) fn scripts(&self) -> &'a [RunScript<'a>] {
        self.scripts
    }

    pub(crate) fn apt(&self, cmd: &Command) -> Option<&'a Apt<'a>> {
        let m = self.memo;
        view(&m.apt, self.scripts, cmd, Family::Apt, Apt::from)
    }

    pub(crate) fn apk(&self, cmd: &Command) -> Option<&'a Apk<'a>> {
        let m = self.memo;
        view(&m.apk, self.scripts, cmd, Family::Apk, Apk::from)
    }

    pub(crate) fn rpm(&self, cmd: &Command) -> Option<&'a RpmCommand<'a>> {
        let m = self.memo;
        view(&m.rpm, self.scripts, cmd, Family::Rpm, RpmCommand::from)
    }

    pub(crate) fn npm(&self, cmd: &Command) -> Option<&'a Npm<'a>> {
        let m = self.memo;
        view(&m.npm, self.scripts, cmd, Family::Npm, Npm::from)
    }

    pub(crate) fn pip(&self, cmd: &Command) -> Option<&'a Pip<'a>> {
        let m = self.memo;
        view(&m.pip, self.scripts, cmd, Family::Pip, Pip::from)
    }

    /// Every apt-family command of the file with its script, in order.
    pub(crate) fn apt_commands(self) -> impl Iterator<Item = (&'a RunScript<'a>, &'a Apt<'a>)> {
        all(&self.memo.apt, self.scripts, Family::Apt, Apt::from)
    }

    /// Every apk command of the file with its script, in order.
    pub(crate) fn apk_commands(self) -> impl Iterator<Item = (&'a RunScript<'a>, &'a Apk<'a>)> {
        all(&self.memo.apk, self.scripts, Family::Apk, Apk::from)
    }

    /// Every yum/dnf/zypper/rpm command of the file with its script, in order.
    pub(crate) fn rpm_commands(
        self,
    ) -> impl Iterator<Item = (&'a RunScript<'a>, &'a RpmCommand<'a>)> {
        all(&self.memo.rpm, self.scripts, Family::Rpm, RpmCommand::from)
    }

    /// Every npm/yarn/pnpm/bun command of the file with its script, in order.
    pub(crate) fn npm_commands(self) -> impl Iterator<Item = (&'a RunScript<'a>, &'a Npm<'a>)> {
        all(&self.memo.npm, self.scripts, Family::Npm, Npm::from)
    }

    /// Every pip command of the file with its script, in order.
    pub(crate) fn pip_commands(self) -> impl Iterator<Item = (&'a RunScript<'a>, &'a Pip<'a>)> {
        all(&self.memo.pip, self.scripts, Family::Pip, Pip::from)
    }
}

/// The rule-facing context.
pub struct Context<'a> {
    pub source: &'a str,
    pub dockerfile: &'a Dockerfile,
    pub model: &'a Model<'a>,
    pub scripts: &'a [RunScript<'a>],
    /// Options for the current rule (from the configuration), if any.
    pub options: Option<&'a Value>,
    /// The `[policy]` table (policy rules read it).
    pub policy: &'a Policy,
    /// Extra inputs the caller may give (e.g. `.dockerignore`).
    pub inputs: &'a super::super::lint::Inputs,
    /// Facts several rules derive from the same file, computed once per lint.
    pub(crate) memo: &'a Memo<'a>,
    pub(crate) meta: &'static RuleMeta,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl<'a> Context<'a> {
    /// Reports a finding of the current rule at `range`.
    pub fn report(&mut self, range: TextRange, message: impl Into<String>) -> &mut Diagnostic {
        let d = Diagnostic::new(
            self.meta.code,
            self.meta.name,
            self.meta.severity,
            message,
            range,
        );
        self.diagnostics.push(d);
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }

    /// Reports with a fix.
    pub fn report_fix(&mut self, range: TextRange, message: impl Into<String>, fix: Fix) {
        self.report(range, message).fix = Some(fix);
    }

    /// Reports with a severity other than the rule's default (still overridable by config).
    pub fn report_with_severity(
        &mut self,
        range: TextRange,
        severity: Severity,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let d = self.report(range, message);
        d.severity = severity;
        d
    }

    /// One of this rule's options (`[rules.<rule>] key = …`), if set.
    #[must_use]
    pub fn option(&self, key: &str) -> Option<&'a Value> {
        self.options.and_then(|o| o.get(key))
    }

    /// A list-of-strings option; empty when unset.
    #[must_use]
    pub fn option_strings(&self, key: &str) -> Vec<String> {
        self.options
            .and_then(|o| o.strings(key))
            .unwrap_or_default()
    }

    /// The optimizer's suggestions for this file (computed on first use, then shared).
    pub(crate) fn advice(&self) -> &'a [crate::optimize::Suggestion] {
        self.memo.advice.get_or_init(|| {
            use crate::optimize::{Checks, analyze};
            analyze(
                self.source,
                self.model,
                self.views(),
                self.inputs,
                Checks::ReportedByRules,
            )
        })
    }

    /// Every `--from=` and `--mount=…from=…` of the top-level instructions of `stage`. All
    /// the file's are listed once per lint, in instruction order, for the rules that ask.
    pub(crate) fn stage_refs(&self, stage: usize) -> &'a [super::correctness::common::StageRef] {
        let model = self.model;
        let source = self.source;
        let all = self.memo.stage_refs.get_or_init(|| {
            let mut out = Vec::new();
            for (i, ins) in model.instructions.iter().enumerate() {
                out.extend(super::correctness::common::instruction_refs(ins, source, i));
            }
            out
        });
        let body = model
            .stages
            .get(stage)
            .map_or(0..0, crate::model::Stage::body);
        let lo = all.partition_point(|r| r.index < body.start);
        let hi = all.partition_point(|r| r.index < body.end);
        all.get(lo..hi.max(lo)).unwrap_or_default()
    }

    /// Every variable assignment of the file (ENV, ARG, shell), in file order, computed once.
    pub(crate) fn var_settings(&self) -> &'a [super::security::shared::VarSet<'a>] {
        self.memo
            .var_settings
            .get_or_init(|| super::security::shared::var_settings(self))
    }

    /// The typed command views of this lint (apt, apk, rpm, npm, pip), each parsed once.
    pub(crate) fn views(&self) -> Views<'a> {
        Views {
            memo: self.memo,
            scripts: self.scripts,
        }
    }

    /// `cmd` read as an apt-family command, if it is one (parsed once per lint: see [`view`]).
    pub(crate) fn apt(&self, cmd: &Command) -> Option<&'a Apt<'a>> {
        self.views().apt(cmd)
    }

    /// `cmd` read as an apk command, if it is one.
    pub(crate) fn apk(&self, cmd: &Command) -> Option<&'a Apk<'a>> {
        self.views().apk(cmd)
    }

    /// `cmd` read as a yum/dnf/zypper/rpm command, if it is one.
    pub(crate) fn rpm(&self, cmd: &Command) -> Option<&'a RpmCommand<'a>> {
        self.views().rpm(cmd)
    }

    /// `cmd` read as an npm/yarn/pnpm/bun command, if it is one.
    pub(crate) fn npm(&self, cmd: &Command) -> Option<&'a Npm<'a>> {
        self.views().npm(cmd)
    }

    /// `cmd` read as a pip command, if it is one.
    pub(crate) fn pip(&self, cmd: &Command) -> Option<&'a Pip<'a>> {
        self.views().pip(cmd)
    }

    /// Top-level instructions with their indices.
    pub fn instructions(&self) -> impl Iterator<Item = (usize, &'a Instruction)> + 'a {
        self.model.instructions.iter().copied().enumerate()
    }

    /// Instructions with a given keyword, including ONBUILD triggers (flagged `true`), in file
    /// order.
    pub fn instructions_with(
        &self,
        keyword: Keyword,
    ) -> impl Iterator<Item = (usize, &'a Instruction, bool)> + 'a {
        let model = self.model;
        let index = self
            .memo
            .by_keyword
            .get_or_init(|| KeywordIndex::new(model));
        index.of(keyword).iter().filter_map(move |&(i, onbuild)| {
            let i = i as usize;
            let ins: &'a Instruction = model.instructions.get(i)?;
            match &ins.args {
                Args::Onbuild(Some(inner)) if onbuild => Some((i, &**inner, true)),
                _ if !onbuild => Some((i, ins, false)),
                _ => None,
            }
        })
    }

    /// The text of a range.
    #[must_use]
    pub fn text(&self, range: TextRange) -> &'a str {
        range.slice(self.source)
    }
}

/// The context of an image rule: the analysed document and the findings of the image checks.
pub struct ImageContext<'a> {
    pub source: &'a str,
    pub analysis: &'a crate::image::ImageAnalysis,
    pub(crate) findings: &'a [crate::image::ImageFinding],
    pub(crate) meta: &'static RuleMeta,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl ImageContext<'_> {
    /// Reports the image-check findings named after this rule.
    pub fn report_findings(&mut self) {
        for f in self.findings.iter().filter(|f| f.rule == self.meta.name) {
            let mut d = Diagnostic::new(
                self.meta.code,
                self.meta.name,
                self.meta.severity,
                f.message.clone(),
                f.range,
            );
            if !f.pointer.is_empty() {
                d.help = Some(format!("at JSON Pointer {}", f.pointer));
            }
            self.diagnostics.push(d);
        }
    }

    /// Reports the document's syntax and structure errors.
    pub fn report_errors(&mut self) {
        for e in &self.analysis.errors {
            let message = if e.pointer.is_empty() {
                e.message.clone()
            } else {
                format!("{} (at {})", e.message, e.pointer)
            };
            self.diagnostics.push(Diagnostic::new(
                self.meta.code,
                self.meta.name,
                e.severity,
                message,
                e.range,
            ));
        }
    }
}

/// The scripts of the instruction at `index` (its shell form and shell heredocs). `scripts` is
/// in instruction order, so this is a binary search: rules that ask once per instruction stay
/// linear in file size.
#[must_use]
pub fn scripts_of<'s, 'a>(scripts: &'s [RunScript<'a>], index: usize) -> &'s [RunScript<'a>] {
    let start = scripts.partition_point(|r| r.index < index);
    let end = scripts.partition_point(|r| r.index <= index);
    scripts.get(start..end).unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::KeywordIndex;
    use crate::model::Model;
    use crate::syntax::{Args, Keyword, parse};

    #[test]
    fn keyword_index_lists_each_keyword_in_file_order_with_onbuild_triggers() {
        let src = "FROM a AS b\nRUN x\nONBUILD RUN y\nCOPY . .\nRUN z\nONBUILD COPY a b\n\
                   BOGUS q\nFROM b\nONBUILD ONBUILD RUN w\nRUN v\nONBUILD\n";
        let df = parse(src);
        let model = Model::new(src, &df, None);
        let index = KeywordIndex::new(&model);
        for keyword in Keyword::ALL.into_iter().chain([Keyword::Unknown]) {
            let reference: Vec<(u32, bool)> = (0u32..)
                .zip(model.instructions.iter())
                .filter_map(|(i, ins)| match &ins.args {
                    Args::Onbuild(Some(inner)) if inner.keyword == keyword => Some((i, true)),
                    _ if ins.keyword == keyword => Some((i, false)),
                    _ => None,
                })
                .collect();
            assert_eq!(index.of(keyword), reference, "{keyword:?}");
        }
        assert_eq!(index.of(Keyword::Run).len(), 4);
    }
}
