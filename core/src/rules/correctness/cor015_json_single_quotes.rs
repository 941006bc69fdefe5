use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{CommandForm, Keyword};

use super::cor014_json_args_recommended::json_string;

declare_rule! {
    /// ## What it does
    /// Reports `RUN`, `CMD`, `ENTRYPOINT` and `HEALTHCHECK CMD` arguments that look like a JSON
    /// array written with single quotes, such as `CMD ['node', 'server.js']`.
    ///
    /// ## Why is this bad?
    /// JSON strings need double quotes. Docker does not recognise the array and silently runs
    /// the whole text with `/bin/sh -c`, where `['node',` is an unknown command: the container
    /// fails at start, not at build.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// CMD ['node', 'server.js']
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// CMD ["node", "server.js"]
    /// ```
    ///
    /// ## Fix safety
    /// Safe: rewrites the array with double quotes, which is what the author meant. Not offered
    /// when an element contains a double quote or a backslash.
    pub JsonSingleQuotes {
        code: "COR015",
        name: "json-single-quotes",
        family: Correctness,
        severity: Error,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["JSON_IN_SINGLE_QUOTES"],
        summary: "JSON array written with single quotes runs as a shell command",
    }
}

/// The elements of `['a', 'b']`, or `None` when it is not exactly that shape.
fn single_quoted_items(text: &str) -> Option<Vec<String>> {
    let inner = text.trim().strip_prefix('[')?.strip_suffix(']')?;
    if inner.trim().is_empty() {
        return None;
    }
    let mut items = Vec::new();
    for part in inner.split(',') {
        let p = part.trim();
        let v = p.strip_prefix('\'')?.strip_suffix('\'')?;
        if v.contains(['\'', '"', '\\']) {
            return None;
        }
        items.push(v.to_owned());
    }
    Some(items)
}

impl Rule for JsonSingleQuotes {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for keyword in [
            Keyword::Run,
            Keyword::Cmd,
            Keyword::Entrypoint,
            Keyword::Healthcheck,
        ] {
            for (_, ins, _) in cx.instructions_with(keyword) {
                let Some(CommandForm::Shell(form)) = ins.command() else {
                    continue;
                };
                let text = form.text.as_str();
                if !form.looks_like_json || !text.contains('\'') {
                    continue;
                }
                let range = form.text.file_range();
                let exact = cx.text(range) == text;
                let fix = single_quoted_items(text).filter(|_| exact).map(|items| {
                    let json: Vec<String> = items.iter().map(|s| json_string(s)).collect();
                    Fix::safe(
                        "Use double quotes",
                        vec![Edit::replace(range, format!("[{}]", json.join(", ")))],
                    )
                });
                let d = cx.report(
                    range,
                    "JSON arrays need double quotes: this runs as a shell command",
                );
                d.set_help(
                    "quote every element with double quotes, e.g. [\"node\", \"server.js\"]",
                );
                if let Some(f) = fix {
                    d.set_fix(f);
                }
            }
        }
    }
}
