use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, ItemKind, Keyword};

use super::common::line_start;

declare_rule! {
    /// ## What it does
    /// Reports a comment directly above a named `FROM … AS name` or an `ARG` that does not
    /// start with that name. Tools (such as `docker buildx build --call=outline`) read such a
    /// comment as the description of the stage or argument, in the form
    /// `# <name> <description>`. Opt-in, like BuildKit's experimental check.
    ///
    /// ## Why is this bad?
    /// The comment is shown as the description of the build argument or stage, but written
    /// as a general remark it reads oddly there, and the tooling expects the name first.
    ///
    /// ## Example
    /// ```dockerfile
    /// # the version of Go to use
    /// ARG GO_VERSION=1.22
    /// FROM golang:${GO_VERSION}
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// # GO_VERSION the version of Go to use
    /// ARG GO_VERSION=1.22
    /// FROM golang:${GO_VERSION}
    /// ```
    ///
    /// ## Fix safety
    /// Safe: inserts an empty line between the comment and the instruction, so the comment is
    /// no longer taken as a description.
    pub DefinitionDescription {
        code: "COR031",
        name: "definition-description",
        family: Correctness,
        severity: Info,
        default_enabled: false,
        fix: Always,
        aliases: ["InvalidDefinitionDescription"],
        summary: "Description comment does not start with the ARG or stage name",
    }
}

impl Rule for DefinitionDescription {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let items = &cx.dockerfile.items;
        for (k, item) in items.iter().enumerate() {
            let ItemKind::Instruction(ins) = &item.kind else {
                continue;
            };
            let names: Vec<&str> = match (&ins.keyword, &ins.args) {
                (Keyword::Arg, Args::Arg(decls)) => {
                    decls.iter().map(|d| d.name.text.as_str()).collect()
                }
                (Keyword::From, Args::From { alias: Some(a), .. }) => vec![a.text.as_str()],
                _ => continue,
            };
            let Some(prev) = k.checked_sub(1).and_then(|p| items.get(p)) else {
                continue;
            };
            let ItemKind::Comment(c) = &prev.kind else {
                continue;
            };
            if c.inside_instruction {
                continue;
            }
            let first = c.text(cx.source).split_whitespace().next().unwrap_or("");
            if first.is_empty() || names.contains(&first) {
                continue;
            }
            let example = if names.len() == 1 {
                names.first().copied().unwrap_or("name")
            } else {
                "<name>"
            };
            let at = line_start(cx.source, ins.range.start);
            let fix = Fix::safe(
                "Separate the comment from the instruction",
                vec![Edit::insert(at, "\n")],
            );
            cx.report(
                c.text_range,
                format!(
                    "a comment above {} is its description and should start with `{example}`",
                    ins.keyword.as_str()
                ),
            )
            .set_help(format!(
                "write `# {example} <description>`, or leave an empty line after the comment"
            ))
            .set_fix(fix);
        }
    }
}
