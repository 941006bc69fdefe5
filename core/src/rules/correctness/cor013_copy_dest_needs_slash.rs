use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::Keyword;

use super::common::{copy_paths, value_end};

declare_rule! {
    /// ## What it does
    /// Reports `COPY` or `ADD` with several sources (files, heredocs) whose destination does
    /// not end with `/`. A single source with a wildcard (`*.txt`) is reported as a warning,
    /// since it fails only when the pattern matches more than one file.
    ///
    /// ## Why is this bad?
    /// With more than one source the destination must be a directory, and Docker only treats
    /// it as one when it ends with `/`: the build fails. With a wildcard the build breaks the
    /// day a second file matches.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20
    /// COPY package.json package-lock.json /app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20
    /// COPY package.json package-lock.json /app/
    /// ```
    ///
    /// ## Fix safety
    /// Safe: appends `/` to the destination, the only form Docker accepts here.
    pub CopyDestNeedsSlash {
        code: "COR013",
        name: "copy-dest-needs-slash",
        family: Correctness,
        severity: Error,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3021", "DS-0011"],
        summary: "COPY with several sources to a destination without a trailing /",
    }
}

fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

impl Rule for CopyDestNeedsSlash {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        for keyword in [Keyword::Copy, Keyword::Add] {
            for (i, ins, _) in cx.instructions_with(keyword) {
                let Some((sources, dest, _)) = copy_paths(ins) else {
                    continue;
                };
                let many = sources.len() > 1;
                let glob = sources.len() == 1
                    && sources.iter().any(|s| {
                        !s.text.starts_with("<<") && !s.text.contains("://") && is_glob(&s.text)
                    });
                if !many && !glob {
                    continue;
                }
                let exp = model.expand_at(&dest.text, i);
                if exp.unresolved || exp.error.is_some() {
                    continue;
                }
                let v = exp.value.as_str();
                if v.ends_with('/')
                    || v.ends_with('\\')
                    || v == "."
                    || v == ".."
                    || v.ends_with("/.")
                    || v.ends_with("/..")
                {
                    continue;
                }
                let fix = value_end(cx.source, dest.range, &dest.text).map(|at| {
                    Fix::safe(
                        "Add a trailing `/` to the destination",
                        vec![Edit::insert(at, "/")],
                    )
                });
                let (msg, sev) = if many {
                    (
                        format!(
                            "{} sources are copied to `{v}`, which does not end with `/`",
                            sources.len()
                        ),
                        Severity::Error,
                    )
                } else {
                    (
                        format!(
                            "the wildcard source may match several files but `{v}` does not end with `/`"
                        ),
                        Severity::Warning,
                    )
                };
                let d = cx.report_with_severity(dest.range, sev, msg);
                d.set_help("end the destination with `/` so Docker treats it as a directory");
                if let Some(f) = fix {
                    d.set_fix(f);
                }
            }
        }
    }
}
