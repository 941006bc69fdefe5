//! The size optimizer: what would make the image smaller or its rebuilds cheaper, with an
//! estimate of the saving, how the estimate was made and how sure it is.
//!
//! No IO: the caller passes the Dockerfile text and, in [`Inputs`], whether a `.dockerignore`
//! exists and what it says. Base-image sizes come from the versioned table in
//! [`base_images`] (see its documentation for the source and date of each figure); package
//! and cache sizes are typical installed sizes on Debian bookworm / Alpine 3.20, stated in
//! each suggestion's `method`.
//!
//! The same analysis backs the info-level rules `SZ019` (bloated-base-image), `SZ020`
//! (multi-stage-build-advice) and `SZ021` (dockerignore-missing); merging RUNs, cache mounts
//! and COPY ordering are also reported by `SZ010`, `SZ014` and `SZ015`.

pub mod base_images;
mod checks;

use serde::Serialize;

use crate::lint::Inputs;
use crate::model::Model;
use crate::rules::collect_scripts;
use crate::rules::context::{Memo, Views};
use crate::syntax;
use crate::text::{LineIndex, PositionEncoding, TextRange};

pub use base_images::TABLE_VERSION;

/// What kind of change a suggestion proposes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SuggestionKind {
    /// A slimmer variant of the base image.
    SlimmerBase,
    /// Build in one stage, ship only the result from a small one.
    MultiStage,
    /// Merge consecutive RUNs of a shipped stage.
    MergeRuns,
    /// Keep package caches in a BuildKit cache mount instead of the layer.
    CacheMount,
    /// Copy dependency manifests before the sources, so the install layer stays cached.
    CopyOrder,
    /// Add or complete the `.dockerignore`.
    Dockerignore,
}

impl SuggestionKind {
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::SlimmerBase => "slimmer-base",
            Self::MultiStage => "multi-stage",
            Self::MergeRuns => "merge-runs",
            Self::CacheMount => "cache-mount",
            Self::CopyOrder => "copy-order",
            Self::Dockerignore => "dockerignore",
        }
    }
}

/// What the saved bytes are bytes of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// The image's compressed (pull/push) size.
    ImageCompressed,
    /// The image's size on disk (installed files).
    ImageUncompressed,
    /// Bytes sent to the builder as build context.
    BuildContext,
    /// Bytes rebuilt and re-pushed on a typical source-only change.
    PerRebuild,
}

impl Basis {
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::ImageCompressed => "image, compressed",
            Self::ImageUncompressed => "image, on disk",
            Self::BuildContext => "build context",
            Self::PerRebuild => "per rebuild",
        }
    }
}

/// How sure the estimate is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
        }
    }
}

/// An estimated saving.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Saving {
    /// Estimated bytes saved (0 when the benefit is not size: fewer layers, faster builds).
    pub bytes: u64,
    pub basis: Basis,
    /// How the figure was obtained.
    pub method: String,
}

/// A 1-based position (columns count characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// One piece of advice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    /// The rule that reports the same advice as a diagnostic.
    pub rule: &'static str,
    /// What to change, in one line.
    pub title: String,
    /// How, concretely (may span lines; Dockerfile snippets included).
    pub detail: String,
    /// Where, as byte offsets into the file.
    pub range: TextRange,
    pub start: Position,
    pub end: Position,
    pub saving: Saving,
    pub confidence: Confidence,
}

/// Everything the optimizer found in one Dockerfile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OptimizeReport {
    /// The version (date) of the built-in base-image table.
    pub table_version: &'static str,
    /// By estimated saving, largest first.
    pub suggestions: Vec<Suggestion>,
    /// Sums of the estimates per basis (upper bounds: suggestions can overlap).
    pub totals: Vec<Total>,
}

/// The sum of the estimates of one basis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Total {
    pub basis: Basis,
    pub bytes: u64,
}

/// Analyses a Dockerfile for size and layer-caching improvements.
#[must_use]
pub fn optimize(source: &str, inputs: &Inputs) -> OptimizeReport {
    let df = syntax::parse(source);
    let model = Model::new(source, &df, None);
    let scripts = collect_scripts(source, &model);
    let memo = Memo::default();
    let views = Views::new(&memo, &scripts);
    let mut suggestions = analyze(source, &model, views, inputs, Checks::All);
    let index = LineIndex::new(source);
    let pos = |offset: u32| {
        let lc = index.line_col(offset, source, PositionEncoding::Utf32);
        Position {
            line: lc.line + 1,
            column: lc.col + 1,
        }
    };
    for s in &mut suggestions {
        s.start = pos(s.range.start);
        s.end = pos(s.range.end);
    }
    crate::util::sort::sort_by(&mut suggestions, |a, b| {
        weight(b)
            .cmp(&weight(a))
            .then(a.range.start.cmp(&b.range.start))
    });
    let mut totals: Vec<Total> = Vec::new();
    for s in &suggestions {
        if s.saving.bytes == 0 {
            continue;
        }
        match totals.iter_mut().find(|t| t.basis == s.saving.basis) {
            Some(t) => t.bytes += s.saving.bytes,
            None => totals.push(Total {
                basis: s.saving.basis,
                bytes: s.saving.bytes,
            }),
        }
    }
    crate::util::sort::sort_by_key(&mut totals, |t| t.basis);
    OptimizeReport {
        table_version: TABLE_VERSION,
        suggestions,
        totals,
    }
}

/// Sort key: image savings first (compressed bytes weigh ~2.5× on-disk bytes), then the rest.
fn weight(s: &Suggestion) -> (u8, u64) {
    match s.saving.basis {
        Basis::ImageCompressed => (2, s.saving.bytes.saturating_mul(5) / 2),
        Basis::ImageUncompressed => (2, s.saving.bytes),
        Basis::BuildContext | Basis::PerRebuild => (1, s.saving.bytes),
    }
}

/// Which of the optimizer's checks [`analyze`] runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Checks {
    /// Every check: the `optimize` report.
    All,
    /// Only those whose suggestions rules report (SZ019-SZ021): a lint skips the rest.
    ReportedByRules,
}

/// The analysis shared by [`optimize`] and the size rules (positions left at zero).
pub(crate) fn analyze<'a>(
    source: &'a str,
    model: &'a Model<'_>,
    views: Views<'a>,
    inputs: &'a Inputs,
    checks: Checks,
) -> Vec<Suggestion> {
    let cx = checks::Cx {
        source,
        model,
        views,
        inputs,
    };
    let mut out = Vec::new();
    checks::base_images(&cx, &mut out);
    checks::build_tools(&cx, &mut out);
    checks::dev_dependencies(&cx, &mut out);
    if checks == Checks::All {
        checks::merge_runs(&cx, &mut out);
        checks::cache_mounts(&cx, &mut out);
        checks::copy_order(&cx, &mut out);
    }
    checks::dockerignore(&cx, &mut out);
    out
}

/// `12.3 MB`, `850 kB`, `0 B` (decimal units, as registries show them).
#[must_use]
pub fn human_bytes(bytes: u64) -> String {
    use crate::util::number::decimal;
    #[expect(
        clippy::cast_precision_loss,
        reason = "display only; sizes are far below 2^52"
    )]
    let b = bytes as f64;
    if bytes >= 1_000_000_000 {
        format!("{} GB", decimal(b / 1e9, 1))
    } else if bytes >= 1_000_000 {
        format!("{} MB", decimal(b / 1e6, 0))
    } else if bytes >= 1_000 {
        format!("{} kB", decimal(b / 1e3, 0))
    } else {
        format!("{bytes} B")
    }
}

impl OptimizeReport {
    /// A human-readable rendering (no colours, no file name).
    #[must_use]
    pub fn render_text(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        if self.suggestions.is_empty() {
            out.push_str("No size or caching improvements found.\n");
            return out;
        }
        let n = self.suggestions.len();
        let _ = write!(out, "{n} suggestion{}", if n == 1 { "" } else { "s" });
        let totals: Vec<String> = self
            .totals
            .iter()
            .map(|t| format!("~{} ({})", human_bytes(t.bytes), t.basis.as_str()))
            .collect();
        if !totals.is_empty() {
            let _ = write!(out, "; estimated savings up to {}", totals.join(", "));
        }
        out.push_str("\n\n");
        for (i, s) in self.suggestions.iter().enumerate() {
            let _ = writeln!(
                out,
                "{}. line {}: {} [{}, {}]",
                i + 1,
                s.start.line,
                s.title,
                s.kind.as_str(),
                s.rule
            );
            let saving = if s.saving.bytes == 0 {
                "no size change".to_owned()
            } else {
                format!(
                    "~{} ({})",
                    human_bytes(s.saving.bytes),
                    s.saving.basis.as_str()
                )
            };
            let _ = writeln!(
                out,
                "   saves: {saving}; confidence: {}",
                s.confidence.as_str()
            );
            let _ = writeln!(out, "   estimate: {}", s.saving.method);
            for line in s.detail.lines() {
                if line.is_empty() {
                    out.push('\n');
                } else {
                    let _ = writeln!(out, "   {line}");
                }
            }
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "Base-image sizes: built-in table {} (approximate compressed linux/amd64 sizes).",
            self.table_version
        );
        out
    }
}

#[cfg(test)]
mod tests;
