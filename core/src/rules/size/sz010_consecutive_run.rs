use super::common::{joiner, script_end};
use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta, RunScript, ScriptSource};
use crate::shell::Separator;
use crate::syntax::{Instruction, Keyword};
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Reports a RUN that directly follows another RUN with the same flags (mounts, network,
    /// security) in a stage that ships. Builder stages are not checked: their layers are
    /// thrown away, and separate RUNs there only help caching.
    ///
    /// ## Why is this bad?
    /// Every RUN adds a layer. Consecutive RUNs that could be one command chain make the image
    /// carry more layers and more metadata, and files deleted by the second RUN still take
    /// space in the first one's layer.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN useradd -m app
    /// RUN mkdir /data
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN useradd -m app && mkdir /data
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: joins the two scripts with `&&`, so the layer caching of the second step is lost
    /// and a failing first step is still fatal. Offered only when both RUNs use the shell form
    /// without heredocs, the second script is a plain `&&` chain, and only whitespace separates
    /// them.
    pub ConsecutiveRun {
        code: "SZ010",
        name: "consecutive-run",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3059"],
        summary: "Consecutive RUN instructions that could be merged",
    }
}

fn same_flags(a: &Instruction, b: &Instruction) -> bool {
    a.flags.len() == b.flags.len() && a.flags.iter().zip(&b.flags).all(|(x, y)| x.text == y.text)
}

fn shell_script<'s>(scripts: &'s [RunScript<'s>], index: usize) -> Option<&'s RunScript<'s>> {
    // By binary search: a scan per RUN is quadratic in files with thousands of RUNs.
    crate::rules::scripts_of(scripts, index)
        .iter()
        .find(|r| !r.onbuild && r.source == ScriptSource::ShellForm)
}

fn merge(cx: &Context<'_>, a: usize, b: usize) -> Option<Fix> {
    let ra = shell_script(cx.scripts, a)?;
    let rb = shell_script(cx.scripts, b)?;
    if !rb.script.errors.is_empty() || !rb.instruction.heredocs.is_empty() {
        return None;
    }
    let plain_chain = rb.script.commands.iter().filter(|c| c.depth == 0).all(|c| {
        matches!(
            c.separator,
            Separator::Start | Separator::And | Separator::Pipe
        )
    });
    if !plain_chain {
        return None;
    }
    let a_end = script_end(ra)?;
    let b_text = rb.text();
    let lead = u32::try_from(b_text.len() - b_text.trim_start().len()).ok()?;
    let b_start = rb.file_range(TextRange::empty(lead)).start;
    let gap = cx
        .source
        .get(a_end as usize..rb.instruction.range.start_usize())?;
    if !gap.trim().is_empty() || b_start < rb.instruction.range.start {
        return None;
    }
    let sep = joiner(cx.source, cx.dockerfile.escape, ra.instruction, a_end);
    Some(Fix::unsafe_(
        "Merge into the previous RUN",
        vec![Edit::replace(TextRange::new(a_end, b_start), sep)],
    ))
}

impl Rule for ConsecutiveRun {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        for stage in &model.stages {
            if !model.shipped.get(stage.index).copied().unwrap_or(false) {
                continue;
            }
            for b in stage.body().skip(1) {
                let a = b - 1;
                let (Some(ia), Some(ib)) = (model.instructions.get(a), model.instructions.get(b))
                else {
                    continue;
                };
                if ia.keyword != Keyword::Run || ib.keyword != Keyword::Run || !same_flags(ia, ib) {
                    continue;
                }
                let fix = merge(cx, a, b);
                let d = cx.report(
                    ib.keyword_range,
                    "this RUN follows another RUN and could be merged with it",
                );
                d.add_label(ia.keyword_range, "previous RUN")
                    .set_help("join the commands with `&&` in one RUN to save a layer");
                if let Some(f) = fix {
                    d.set_fix(f);
                }
            }
        }
    }
}
