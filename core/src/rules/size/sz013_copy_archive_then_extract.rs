use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::shell::basename;
use crate::shell::commands::misc::{Extract, ExtractTool};
use crate::syntax::{Args, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports `COPY` of a local tar archive (`.tar`, `.tar.gz`, `.tgz`, `.tar.bz2`, `.tar.xz`,
    /// …) that a later RUN of the same stage extracts with `tar`.
    ///
    /// ## Why is this bad?
    /// The COPY layer keeps the whole archive even if the RUN deletes it afterwards, so the
    /// image carries the data twice. `ADD` extracts a local tar archive while copying it, in
    /// a single layer that holds only the extracted files.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// COPY app.tar.gz /tmp/
    /// RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// ADD app.tar.gz /opt/
    /// ```
    pub CopyArchiveThenExtract {
        code: "SZ013",
        name: "copy-archive-then-extract",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: ["DL3010"],
        summary: "COPY of a local tar archive that is then extracted in a RUN; use ADD",
    }
}

const ARCHIVES: &[&str] = &[
    ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz", ".tar.z",
];

fn is_tar_archive(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    ARCHIVES.iter().any(|e| lower.ends_with(e))
}

impl Rule for CopyArchiveThenExtract {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        for (i, ins, onbuild) in cx.instructions_with(Keyword::Copy) {
            if onbuild || ins.flag("from").is_some() {
                continue;
            }
            let Args::Copy { paths, .. } = &ins.args else {
                continue;
            };
            let Some((_, sources)) = paths.split_last() else {
                continue;
            };
            let Some(stage) = model.stage_of(i) else {
                continue;
            };
            let end = stage.end;
            for src in sources.iter().filter(|w| is_tar_archive(&w.text)) {
                let name = basename(&src.text);
                let extracted = cx
                    .scripts
                    .iter()
                    .filter(|r| r.index > i && r.index < end && !r.onbuild)
                    .find_map(|r| {
                        r.script.commands.iter().find_map(|c| {
                            let e = Extract::from(c)?;
                            (e.tool == ExtractTool::Tar
                                && e.archive.is_some_and(|a| basename(&a.value) == name))
                            .then(|| r.file_range(c.range))
                        })
                    });
                if let Some(at) = extracted {
                    cx.report(src.range, format!("`{name}` is copied and then extracted: the archive stays in the COPY layer"))
                        .add_label(at, "extracted here")
                        .set_help("use `ADD <archive> <dir>`, which unpacks local tar archives in one layer");
                }
            }
        }
    }
}
