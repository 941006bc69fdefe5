//! Size report: which layer costs what, which build step made it, and how to make it smaller.
//!
//! Layers come from a manifest (sizes), steps from the image config's history (non-empty
//! history entries are matched to layers in order). [`map_to_dockerfile`] then links steps to
//! the lines of the Dockerfile that produced them.

use std::fmt::Write as _;

use serde::Serialize;

use super::checks::human_size;
use super::history::instruction_from_created_by;
use super::model::{ImageConfig, ImageDocument};

/// One Dockerfile instruction, as given by the caller (from the Dockerfile parser).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DockerfileStep {
    /// 1-based line of the instruction.
    pub line: u32,
    /// Upper-case keyword: `RUN`, `COPY`, ….
    pub keyword: String,
    /// The whole instruction text, continuation lines included.
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LayerRow {
    /// Position of the layer in the manifest.
    pub index: usize,
    pub digest: String,
    pub size: u64,
    /// Fraction of the total, `0.0..=1.0`.
    pub share: f64,
    /// The raw `created_by` of the matching history entry.
    pub created_by: Option<String>,
    /// `created_by` rendered as a Dockerfile instruction.
    pub instruction: Option<String>,
    /// Index into the config's `history`.
    pub history_index: Option<usize>,
    /// Set by [`map_to_dockerfile`].
    pub dockerfile_line: Option<u32>,
    pub hints: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SizeReport {
    pub total_bytes: u64,
    /// Largest first.
    pub layers: Vec<LayerRow>,
    /// Report-wide notes.
    pub hints: Vec<String>,
}

/// Builds the report from a manifest (`layers` with sizes) and the image config, if available.
/// Without a config the rows have no build step; without a manifest (a config alone) the
/// rows have size 0.
#[must_use]
pub fn size_report(manifest: &ImageDocument, config: Option<&ImageConfig>) -> SizeReport {
    let config = config.or(manifest.image_config.as_ref());
    let steps: Vec<(usize, &str)> = config
        .map(|c| {
            c.history
                .iter()
                .filter(|h| !h.empty_layer)
                .map(|h| {
                    (
                        h.index,
                        h.created_by.as_ref().map_or("", |c| c.value.as_str()),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let mut hints = Vec::new();
    // (digest, size) per layer: from the manifest, else from the config's diff_ids.
    let layers: Vec<(String, u64)> = if manifest.layers.is_empty() {
        config
            .map(|c| c.diff_ids.iter().map(|d| (d.value.clone(), 0)).collect())
            .unwrap_or_default()
    } else {
        manifest
            .layers
            .iter()
            .map(|l| {
                (
                    l.digest
                        .as_ref()
                        .map(|d| d.value.clone())
                        .unwrap_or_default(),
                    l.size.as_ref().map_or(0, |s| s.value),
                )
            })
            .collect()
    };
    if config.is_some() && steps.len() != layers.len() {
        hints.push(format!(
            "the config history has {} layer-creating steps but there are {} layers; steps were matched in order and may be off",
            steps.len(),
            layers.len()
        ));
    }
    let total: u64 = layers.iter().map(|(_, s)| *s).fold(0, u64::saturating_add);
    let mut rows: Vec<LayerRow> = layers
        .into_iter()
        .enumerate()
        .map(|(i, (digest, size))| {
            let step = steps.get(i);
            let instruction = step.map(|(_, cb)| instruction_from_created_by(cb));
            let share = share(size, total);
            let hints = instruction
                .as_deref()
                .map(|t| step_hints(t, size, share))
                .unwrap_or_default();
            LayerRow {
                index: i,
                digest,
                size,
                share,
                created_by: step.map(|(_, cb)| (*cb).to_owned()),
                instruction,
                history_index: step.map(|(h, _)| *h),
                dockerfile_line: None,
                hints,
            }
        })
        .collect();
    crate::util::sort::sort_by(&mut rows, |a, b| {
        b.size.cmp(&a.size).then(a.index.cmp(&b.index))
    });
    if let Some(top) = rows.first().filter(|r| rows.len() > 1 && r.share > 0.5) {
        hints.push(format!(
            "layer {} holds {}% of the image ({})",
            top.index,
            crate::util::number::percent(top.share, 0),
            human_size(top.size)
        ));
    }
    SizeReport {
        total_bytes: total,
        layers: rows,
        hints,
    }
}

#[expect(
    clippy::cast_precision_loss,
    reason = "a ratio of sizes does not need exact integers"
)]
fn share(part: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        part as f64 / total as f64
    }
}

const TOOLCHAIN: &[&str] = &[
    "build-essential",
    "gcc",
    "g++",
    "clang",
    "make",
    "cmake",
    "autoconf",
    "automake",
    "libtool",
];

/// Size hints for one step (instruction text such as `RUN apt-get install -y gcc`).
#[must_use]
pub fn step_hints(instruction: &str, size: u64, share: f64) -> Vec<String> {
    let mut hints = Vec::new();
    let t = instruction;
    let has = |s: &str| t.contains(s);
    if t.starts_with("RUN ") {
        if (has("apt-get install") || has("apt install")) && !has("/var/lib/apt/lists") {
            hints.push(
                "apt lists are not removed in the same RUN: add `&& rm -rf /var/lib/apt/lists/*`"
                    .to_owned(),
            );
        }
        if has("apk add") && !has("--no-cache") && !has("/var/cache/apk") {
            hints.push("apk cache is kept: use `apk add --no-cache`".to_owned());
        }
        for pm in ["yum", "dnf", "microdnf", "zypper"] {
            if has(&format!("{pm} install")) && !has(&format!("{pm} clean")) && !has("/var/cache/")
            {
                hints.push(format!(
                    "{pm} cache is kept: add `&& {pm} clean all` in the same RUN"
                ));
            }
        }
        if (has("pip install") || has("pip3 install")) && !has("--no-cache-dir") {
            hints.push("pip keeps its cache: use `pip install --no-cache-dir`".to_owned());
        }
        let installs = has("apt-get install")
            || has("apt install")
            || has("apk add")
            || has("yum install")
            || has("dnf install");
        let removes = has("apk del")
            || has("apt-get purge")
            || has("apt-get remove")
            || has("apt-get autoremove")
            || has("yum remove")
            || has("dnf remove");
        if installs && !removes {
            let tools: Vec<&str> = t
                .split_whitespace()
                .map(|w| w.split('=').next().unwrap_or(w))
                .filter(|w| {
                    TOOLCHAIN.contains(w)
                        || (w.len() > 4
                            && (w.ends_with("-dev") || w.ends_with("-devel"))
                            && !w.starts_with('-'))
                })
                .collect();
            if !tools.is_empty() {
                hints.push(format!(
                    "build toolchain in the final image ({}): build in a separate stage and copy the result",
                    tools.join(", ")
                ));
            }
        }
    }
    let copy_all = (t.starts_with("COPY ") || t.starts_with("ADD "))
        && t.split_whitespace()
            .skip(1)
            .filter(|w| !w.starts_with("--"))
            .any(|w| w == "." || w == "./");
    if copy_all && (size > 100_000_000 || share > 0.3) {
        hints.push(format!(
            "`{}` copies the whole build context ({}): add a .dockerignore or copy only what is needed",
            t.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
            human_size(size)
        ));
    }
    hints
}

/// Collapses whitespace and line continuations, drops `# buildkit`, the keyword and leading
/// `--flag`s, and a `/bin/sh -c` prefix.
fn normalise(text: &str) -> (String, String) {
    let joined = text.replace("\\\r\n", " ").replace("\\\n", " ");
    let mut words = joined.split_whitespace().peekable();
    let keyword = words.next().unwrap_or("").to_ascii_uppercase();
    while words.peek().is_some_and(|w| w.starts_with("--")) {
        words.next();
    }
    let mut body: Vec<&str> = words.collect();
    if body.last() == Some(&"buildkit") && body.len() >= 2 && body.get(body.len() - 2) == Some(&"#")
    {
        body.truncate(body.len() - 2);
    }
    (keyword, body.join(" "))
}

/// Records in each row the Dockerfile line of the instruction that produced its layer.
///
/// Steps are matched in history order with a moving cursor (so repeated instructions map to
/// successive lines): equal normalised text first, then containment (for `RUN`), then — for
/// the classic builder's `COPY file:<hash> in <dest>` — same keyword and destination. Steps
/// that come from the base image match nothing and keep `None`.
pub fn map_to_dockerfile(report: &mut SizeReport, steps: &[DockerfileStep]) {
    let norm_steps: Vec<(String, String)> = steps.iter().map(|s| normalise(&s.text)).collect();
    let mut order: Vec<usize> = (0..report.layers.len()).collect();
    crate::util::sort::sort_by_key(&mut order, |&i| {
        report.layers.get(i).map_or(usize::MAX, |r| r.index)
    });
    let mut cursor = 0usize;
    for i in order {
        let Some(row) = report.layers.get_mut(i) else {
            continue;
        };
        let Some(instr) = row.instruction.as_deref() else {
            continue;
        };
        let (kw, body) = normalise(instr);
        if body.is_empty() {
            continue;
        }
        let classic_dest = body
            .split_once(" in ")
            .filter(|(src, _)| src.starts_with("file:") || src.starts_with("dir:"))
            .map(|(_, d)| d.trim().to_owned());
        let found = norm_steps
            .iter()
            .enumerate()
            .skip(cursor)
            .find(|(_, (k, b))| *k == kw && *b == body)
            .or_else(|| {
                norm_steps
                    .iter()
                    .enumerate()
                    .skip(cursor)
                    .find(|(_, (k, b))| {
                        *k == kw
                            && kw == "RUN"
                            && b.len() >= 8
                            && body.len() >= 8
                            && (b.contains(&body) || body.contains(b.as_str()))
                    })
            })
            .or_else(|| {
                let dest = classic_dest.as_deref()?;
                norm_steps
                    .iter()
                    .enumerate()
                    .skip(cursor)
                    .find(|(_, (k, b))| {
                        *k == kw && b.split_whitespace().last().is_some_and(|d| d == dest)
                    })
            });
        if let Some((j, _)) = found {
            row.dockerfile_line = steps.get(j).map(|s| s.line);
            cursor = j + 1;
        }
    }
}

impl SizeReport {
    /// An aligned, human-readable table, largest layer first.
    #[must_use]
    pub fn render_text(&self) -> String {
        let mut rows: Vec<[String; 5]> = vec![[
            "#".to_owned(),
            "SIZE".to_owned(),
            "SHARE".to_owned(),
            "LINE".to_owned(),
            "CREATED BY".to_owned(),
        ]];
        for r in &self.layers {
            let what = r
                .instruction
                .clone()
                .or_else(|| (!r.digest.is_empty()).then(|| r.digest.clone()))
                .unwrap_or_default();
            rows.push([
                r.index.to_string(),
                human_size(r.size),
                format!("{}%", crate::util::number::percent(r.share, 1)),
                r.dockerfile_line
                    .map_or_else(|| "-".to_owned(), |l| l.to_string()),
                truncate(&what, 72),
            ]);
        }
        let width = |c: usize| {
            rows.iter()
                .map(|r| r.get(c).map_or(0, |s| s.chars().count()))
                .max()
                .unwrap_or(0)
        };
        let widths = [width(0), width(1), width(2), width(3)];
        let mut out = String::new();
        for (n, r) in rows.iter().enumerate() {
            let [i, size, share, line, what] = r;
            let _ = writeln!(
                out,
                "{i:>w0$}  {size:>w1$}  {share:>w2$}  {line:>w3$}  {what}",
                w0 = widths[0],
                w1 = widths[1],
                w2 = widths[2],
                w3 = widths[3]
            );
            if let Some(row) = n.checked_sub(1).and_then(|k| self.layers.get(k)) {
                for h in &row.hints {
                    let _ = writeln!(out, "{:w$}  hint: {h}", "", w = widths[0]);
                }
            }
        }
        let _ = writeln!(
            out,
            "total {} in {} layer{}",
            human_size(self.total_bytes),
            self.layers.len(),
            if self.layers.len() == 1 { "" } else { "s" }
        );
        for h in &self.hints {
            let _ = writeln!(out, "note: {h}");
        }
        out
    }
}

fn truncate(s: &str, max: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::image::analyze;

    const MANIFEST: &str = r#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
      "config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":1,"digest":"sha256:0000000000000000000000000000000000000000000000000000000000000000"},
      "layers":[
        {"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","size":30000000,"digest":"sha256:1111111111111111111111111111111111111111111111111111111111111111"},
        {"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","size":400000000,"digest":"sha256:2222222222222222222222222222222222222222222222222222222222222222"},
        {"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","size":1000,"digest":"sha256:3333333333333333333333333333333333333333333333333333333333333333"},
        {"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","size":200000000,"digest":"sha256:4444444444444444444444444444444444444444444444444444444444444444"}]}"#;

    const CONFIG: &str = r#"{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},
      "history":[
        {"created_by":"/bin/sh -c #(nop) ADD file:abc in / "},
        {"created_by":"/bin/sh -c #(nop)  CMD [\"bash\"]","empty_layer":true},
        {"created_by":"RUN /bin/sh -c apt-get update &&     apt-get install -y build-essential libssl-dev # buildkit"},
        {"created_by":"WORKDIR /app","comment":"buildkit.dockerfile.v0"},
        {"created_by":"COPY . . # buildkit"}]}"#;

    fn report() -> SizeReport {
        let m = analyze(MANIFEST).document.unwrap();
        let c = analyze(CONFIG).document.unwrap();
        size_report(&m, c.image_config.as_ref())
    }

    #[test]
    fn rows_sorted_and_matched() {
        let r = report();
        assert_eq!(r.total_bytes, 630_001_000);
        let idx: Vec<usize> = r.layers.iter().map(|l| l.index).collect();
        assert_eq!(idx, vec![1, 3, 0, 2]);
        let big = &r.layers[0];
        assert_eq!(big.history_index, Some(2));
        assert!(
            big.instruction
                .as_deref()
                .unwrap()
                .starts_with("RUN apt-get update")
        );
        assert!(big.hints.iter().any(|h| h.contains("apt lists")));
        assert!(
            big.hints
                .iter()
                .any(|h| h.contains("build-essential, libssl-dev"))
        );
        let copy = &r.layers[1];
        assert_eq!(copy.instruction.as_deref(), Some("COPY . ."));
        assert!(copy.hints.iter().any(|h| h.contains(".dockerignore")));
        assert!(r.hints.iter().any(|h| h.contains("63%")));
    }

    #[test]
    fn hints() {
        assert!(step_hints("RUN apk add curl", 1, 0.0)[0].contains("--no-cache"));
        assert!(step_hints("RUN apk add --no-cache curl", 1, 0.0).is_empty());
        assert!(step_hints("RUN pip install flask", 1, 0.0)[0].contains("--no-cache-dir"));
        assert!(step_hints("RUN yum install -y x", 1, 0.0)[0].contains("yum clean all"));
        assert!(step_hints("RUN yum install -y x && yum clean all", 1, 0.0).is_empty());
        assert!(
            step_hints(
                "RUN apt-get install -y gcc && rm -rf /var/lib/apt/lists/* && apt-get purge -y gcc",
                1,
                0.0
            )
            .is_empty()
        );
        assert!(step_hints("COPY . .", 1000, 0.01).is_empty());
    }

    #[test]
    fn maps_to_dockerfile_lines() {
        let mut r = report();
        let steps = vec![
            DockerfileStep { line: 1, keyword: "FROM".into(), text: "FROM debian:12".into() },
            DockerfileStep {
                line: 2,
                keyword: "RUN".into(),
                text: "RUN --mount=type=cache,target=/var/cache/apt apt-get update && \\\n    apt-get install -y build-essential libssl-dev".into(),
            },
            DockerfileStep { line: 5, keyword: "WORKDIR".into(), text: "WORKDIR /app".into() },
            DockerfileStep { line: 6, keyword: "COPY".into(), text: "COPY . .".into() },
        ];
        map_to_dockerfile(&mut r, &steps);
        let line = |i: usize| {
            r.layers
                .iter()
                .find(|l| l.index == i)
                .unwrap()
                .dockerfile_line
        };
        assert_eq!(line(0), None, "base image layer");
        assert_eq!(line(1), Some(2));
        assert_eq!(line(2), Some(5));
        assert_eq!(line(3), Some(6));
        let text = r.render_text();
        assert!(text.lines().next().unwrap().contains("SIZE"));
        assert!(text.contains("400.0 MB"));
        assert!(text.contains("hint: "));
        assert!(text.contains("total 630.0 MB in 4 layers"));
    }

    #[test]
    fn classic_copy_maps_by_destination() {
        let mut r = SizeReport {
            total_bytes: 1,
            layers: vec![LayerRow {
                index: 0,
                digest: String::new(),
                size: 1,
                share: 1.0,
                created_by: None,
                instruction: Some("COPY file:0123abcd in /app/bin".into()),
                history_index: Some(0),
                dockerfile_line: None,
                hints: vec![],
            }],
            hints: vec![],
        };
        let steps = [DockerfileStep {
            line: 9,
            keyword: "COPY".into(),
            text: "COPY --chown=app ./bin /app/bin".into(),
        }];
        map_to_dockerfile(&mut r, &steps);
        assert_eq!(r.layers[0].dockerfile_line, Some(9));
    }

    #[test]
    fn mismatched_counts_note() {
        let m = analyze(MANIFEST).document.unwrap();
        let r = size_report(&m, None);
        assert!(r.layers.iter().all(|l| l.instruction.is_none()));
        assert!(r.hints.iter().all(|h| !h.contains("history")));
        let c = analyze(r#"{"architecture":"a","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"history":[{"created_by":"x"}]}"#).document.unwrap();
        let r = size_report(&m, c.image_config.as_ref());
        assert!(
            r.hints
                .iter()
                .any(|h| h.contains("1 layer-creating steps but there are 4"))
        );
    }
}
