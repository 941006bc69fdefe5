use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::model::{BaseKind, Model};
use crate::rules::{Context, Rule, RuleMeta};
use crate::shell;
use crate::syntax::{CommandForm, Instruction, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports `CMD` and `ENTRYPOINT` written in shell form (`CMD node server.js`). Stages that
    /// set a `SHELL` are skipped (the shell form is then a deliberate choice), as are Windows
    /// stages.
    ///
    /// ## Why is this bad?
    /// The shell form runs the command as `/bin/sh -c "…"`: the shell becomes PID 1 and does
    /// not forward `SIGTERM`, so `docker stop` waits for its timeout and kills the process
    /// without a clean shutdown. A shell-form `ENTRYPOINT` also ignores `CMD` and the
    /// arguments given to `docker run`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// CMD node server.js
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// CMD ["node", "server.js"]
    /// ```
    ///
    /// ## Fix safety
    /// Offered only when the command uses no shell syntax (no variables, quotes that need a
    /// shell, operators, redirections, globs or subshells); a leading `exec` is dropped.
    /// Safe in general: the same program runs with the same arguments, without the shell in
    /// between. Unsafe when the arguments would then be combined differently: a `CMD` while
    /// an `ENTRYPOINT` is set in the stage chain, or an `ENTRYPOINT` in a stage that also sets
    /// `CMD`.
    pub JsonArgsRecommended {
        code: "COR014",
        name: "json-args-recommended",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3025", "JSONArgsRecommended"],
        summary: "CMD/ENTRYPOINT in shell form instead of JSON (exec) form",
    }
}

/// The argv of a shell command with no shell syntax, or `None`.
pub(crate) fn plain_argv(text: &str) -> Option<Vec<String>> {
    const SPECIAL: &[char] = &[
        '$', '`', ';', '&', '|', '<', '>', '(', ')', '*', '?', '[', ']', '~', '{', '}', '\\', '#',
        '!', '\n', '\r',
    ];
    if text.contains(SPECIAL) {
        return None;
    }
    let script = shell::parse(text);
    if !script.errors.is_empty() || script.commands.len() != 1 {
        return None;
    }
    let cmd = script.commands.first()?;
    if !cmd.assignments.is_empty() || !cmd.redirects.is_empty() || cmd.negated {
        return None;
    }
    let mut words: Vec<&shell::Word> = cmd
        .wrappers
        .iter()
        .chain(cmd.name.iter())
        .chain(cmd.args.iter())
        .collect();
    crate::util::sort::sort_by_key(&mut words, |w| w.range.start);
    let mut argv: Vec<String> = words.into_iter().map(|w| w.value.clone()).collect();
    if argv.first().is_some_and(|w| w == "exec") {
        argv.remove(0);
    }
    (!argv.is_empty()).then_some(argv)
}

/// `["a", "b"]` with JSON string escapes.
pub(crate) fn json_array(argv: &[String]) -> String {
    let items: Vec<String> = argv.iter().map(|a| json_string(a)).collect();
    format!("[{}]", items.join(", "))
}

pub(crate) fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Per stage: whether its body has a CMD, and whether it or a stage it is built FROM has an
/// ENTRYPOINT. Computed once per file: asked per instruction, a scan of the stage would be
/// quadratic in a stage with thousands of them.
fn stage_facts(model: &Model<'_>) -> Vec<(bool, bool)> {
    let mut facts: Vec<(bool, bool)> = Vec::with_capacity(model.stages.len());
    for (s, st) in model.stages.iter().enumerate() {
        let has = |keyword: Keyword| {
            st.body().any(|j| {
                model
                    .instructions
                    .get(j)
                    .is_some_and(|x| x.keyword == keyword)
            })
        };
        // As `stage_chain` follows it: to an earlier stage only.
        let parent_entrypoint = match st.base.kind {
            BaseKind::Stage(p) if p < s => facts.get(p).is_some_and(|f| f.1),
            _ => false,
        };
        facts.push((
            has(Keyword::Cmd),
            has(Keyword::Entrypoint) || parent_entrypoint,
        ));
    }
    facts
}

impl JsonArgsRecommended {
    fn check_one(
        cx: &mut Context<'_>,
        facts: &[(bool, bool)],
        i: usize,
        ins: &Instruction,
        onbuild: bool,
    ) {
        let Some(CommandForm::Shell(form)) = ins.command() else {
            return;
        };
        if form.looks_like_json || form.text.as_str().trim().is_empty() {
            return;
        }
        let model = cx.model;
        if !onbuild
            && (model.contexts.get(i).and_then(|c| c.shell).is_some()
                || !model.is_posix_shell_at(i))
        {
            return;
        }
        let range = form.text.file_range();
        let name = ins.keyword.as_str();
        let text = form.text.as_str().trim_end();
        let fix = plain_argv(text).map(|argv| {
            let json = json_array(&argv);
            let stage = model.contexts.get(i).and_then(|c| c.stage);
            let (cmd, entrypoint) = stage
                .and_then(|s| facts.get(s))
                .copied()
                .unwrap_or_default();
            let risky = !onbuild
                && match ins.keyword {
                    Keyword::Cmd => entrypoint,
                    _ => cmd,
                };
            let title = format!("Use the exec form `{name} {json}`");
            let edits = vec![Edit::replace(range, json)];
            if risky || onbuild {
                Fix::unsafe_(title, edits)
            } else {
                Fix::safe(title, edits)
            }
        });
        let d = cx.report(range, format!("{name} in shell form: the command runs under `/bin/sh -c` and does not receive signals"));
        d.set_help(format!(
            "write {name} as a JSON array, e.g. {name} [\"executable\", \"arg\"]"
        ));
        if let Some(f) = fix {
            d.set_fix(f);
        }
    }
}

impl Rule for JsonArgsRecommended {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let facts = stage_facts(cx.model);
        for keyword in [Keyword::Cmd, Keyword::Entrypoint] {
            for (i, ins, onbuild) in cx.instructions_with(keyword) {
                Self::check_one(cx, &facts, i, ins, onbuild);
            }
        }
    }
}
