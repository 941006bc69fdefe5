use crate::config::Value;
use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::Keyword;

use super::common::copy_paths;
use super::dockerignore::{DockerIgnore, clean};

declare_rule! {
    /// ## What it does
    /// Reports a `COPY` or `ADD` source from the build context that the context's
    /// `.dockerignore` excludes, so it is not sent to the builder. Matching follows Docker's
    /// rules, including `**`, character classes and `!` negations (the last matching line
    /// wins); a directory is not reported when a negation may re-include something below it.
    /// Sources with wildcards, `COPY --from`, URLs and heredocs are not checked. The rule
    /// needs the `.dockerignore` contents, passed by the caller with the Dockerfile; when the
    /// caller has none, the `dockerignore` option can provide them. Without either it is silent.
    ///
    /// ## Why is this bad?
    /// The build fails with "not found" for a file that is plainly in the repository, or,
    /// for a directory, silently copies less than expected.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// COPY app.env /etc/app.env
    /// ```
    /// with this `.dockerignore` in the build context:
    /// ```dockerignore
    /// *.env
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// COPY app.conf /etc/app.conf
    /// ```
    ///
    /// ## Options
    /// - `dockerignore` (string): `.dockerignore` contents to use when the caller provides
    ///   none.
    pub CopyIgnoredFile {
        code: "COR023",
        name: "copy-ignored-file",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["CopyIgnoredFile"],
        summary: "COPY/ADD source is excluded by .dockerignore",
        options: [
            ("dockerignore", String, "`.dockerignore` contents to use when the caller passes none (default: none, the rule is then silent)"),
        ],
    }
}

fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

impl Rule for CopyIgnoredFile {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        // `[rules.copy-ignored-file] dockerignore = "…"`: the patterns, when no file is given.
        let configured = cx
            .option("dockerignore")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let Some(text) = cx.inputs.dockerignore.clone().or(configured) else {
            return;
        };
        let ignore = DockerIgnore::parse(&text);
        if ignore.patterns.is_empty() {
            return;
        }
        let model = cx.model;
        for keyword in [Keyword::Copy, Keyword::Add] {
            for (i, ins, _) in cx.instructions_with(keyword) {
                if ins.flag("from").is_some() {
                    continue;
                }
                let Some((sources, _, _)) = copy_paths(ins) else {
                    continue;
                };
                for src in sources {
                    if src.text.starts_with("<<") {
                        continue;
                    }
                    let exp = model.expand_at(&src.text, i);
                    if exp.unresolved || exp.error.is_some() {
                        continue;
                    }
                    let v = exp.value.as_str();
                    if v.contains("://") || v.starts_with("git@") || is_glob(v) {
                        continue;
                    }
                    let path = clean(v);
                    if path.is_empty() || path.starts_with("..") {
                        continue;
                    }
                    let Some(p) = ignore.excluded_by(&path) else {
                        continue;
                    };
                    if ignore.may_reinclude_below(&path) {
                        continue;
                    }
                    let text = p.text.clone();
                    cx.report(
                        src.range,
                        format!("`{path}` is excluded by the .dockerignore pattern `{text}`"),
                    )
                    .set_help("remove the source, or re-include it in .dockerignore with `!`");
                }
            }
        }
    }
}
