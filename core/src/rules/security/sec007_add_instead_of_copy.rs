use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports `ADD` whose sources are all local files or directories that `ADD` would copy
    /// as they are: no URL, no git repository and no tar archive (which `ADD` extracts).
    ///
    /// ## Why is this bad?
    /// `ADD` has hidden behaviours — it downloads URLs and unpacks local tar archives — so a
    /// reader (and a renamed source file) can get a surprise. `COPY` does only what it says.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ADD app.conf /etc/app/
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// COPY app.conf /etc/app/
    /// ```
    ///
    /// ## Fix safety
    /// Safe: the keyword becomes `COPY`, which behaves identically for these sources. No fix
    /// is offered when `ADD`-only flags (`--checksum`, `--keep-git-dir`, `--unpack`) are present
    /// or a source depends on a build argument.
    pub AddInsteadOfCopy {
        code: "SEC007",
        name: "add-instead-of-copy",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3020", "DS-0005", "CKV_DOCKER_4"],
        summary: "ADD used for local files; use COPY",
    }
}

const ARCHIVE_EXTS: &[&str] = &[
    ".tar",
    ".tar.gz",
    ".tgz",
    ".tar.bz2",
    ".tbz",
    ".tbz2",
    ".tar.xz",
    ".txz",
    ".tar.zst",
    ".tzst",
    ".gz",
    ".bz2",
    ".xz",
    ".zst",
    ".tar.lz",
    ".lz",
    ".tar.lzma",
    ".lzma",
    ".taz",
    ".tz",
];

pub(super) fn is_remote(src: &str) -> bool {
    let lower = src.to_ascii_lowercase();
    lower.contains("://") || lower.starts_with("git@")
}

fn is_archive(src: &str) -> bool {
    let lower = src.to_ascii_lowercase();
    ARCHIVE_EXTS.iter().any(|e| lower.ends_with(e))
}

impl Rule for AddInsteadOfCopy {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (i, ins, _) in cx.instructions_with(Keyword::Add) {
            let Args::Copy { paths, .. } = &ins.args else {
                continue;
            };
            let Some((_, sources)) = paths.split_last() else {
                continue;
            };
            if sources.is_empty() && ins.heredocs.is_empty() {
                continue;
            }
            let mut unresolved = false;
            let mut local = true;
            for src in sources {
                if src.text.starts_with("<<") {
                    continue;
                }
                let e = cx.model.expand_at(&src.text, i);
                unresolved |= e.unresolved || !e.undefined.is_empty();
                // Wildcards may match archives; only literal names can be judged.
                if is_remote(&e.value) || is_archive(&e.value) || e.value.contains(['*', '?', '['])
                {
                    local = false;
                }
            }
            if !local {
                continue;
            }
            let add_only = ["checksum", "keep-git-dir", "unpack"]
                .iter()
                .any(|f| ins.flag(f).is_some());
            let d = cx.report(ins.keyword_range, "ADD copies local files here; use COPY");
            d.set_help("`COPY` does the same without ADD's URL download and archive extraction");
            if !add_only && !unresolved {
                let word = if ins.keyword_text().chars().all(|c| c.is_ascii_lowercase()) {
                    "copy"
                } else {
                    "COPY"
                };
                d.set_fix(Fix::safe(
                    "Replace ADD with COPY",
                    vec![Edit::replace(ins.keyword_range, word)],
                ));
            }
        }
    }
}
