//! Image documents: OCI/Docker manifests, indexes, configs, `docker inspect` and `docker save`
//! output. Parses JSON with positions, detects the document kind, builds a typed model with
//! structural errors, runs the image rules and builds size reports. No IO.

pub mod checks;
pub mod detect;
pub mod history;
pub mod json;
pub mod model;
pub mod report;

use serde::Serialize;

pub use checks::{ImageFinding, ImageOptions, check};
pub use history::{HistoryStep, rebuild as rebuild_history};
pub use model::{DocumentKind, ImageDocument, ImageError};
pub use report::{DockerfileStep, LayerRow, SizeReport, map_to_dockerfile, size_report};

use crate::diagnostic::Severity;

/// The result of [`analyze`]: the typed document (absent only when the JSON does not parse),
/// every structural error, and the detected kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImageAnalysis {
    pub document: Option<ImageDocument>,
    pub errors: Vec<ImageError>,
    pub kind: DocumentKind,
}

/// Parses and validates an image document. Never panics.
#[must_use]
pub fn analyze(source: &str) -> ImageAnalysis {
    let parsed = match json::parse(source) {
        Ok(p) => p,
        Err(e) => {
            return ImageAnalysis {
                document: None,
                errors: vec![ImageError {
                    range: e.range,
                    pointer: String::new(),
                    message: format!("invalid JSON: {}", e.message),
                    severity: Severity::Error,
                }],
                kind: DocumentKind::Unknown,
            };
        }
    };
    let kind = detect::detect(&parsed.root);
    let mut errors = Vec::new();
    for d in &parsed.duplicates {
        errors.push(ImageError {
            range: d.second,
            pointer: String::new(),
            message: format!("duplicate key \"{}\"; the last value wins", d.name),
            severity: Severity::Warning,
        });
    }
    let document = model::build(&parsed.root, kind, &mut errors);
    ImageAnalysis {
        document: Some(document),
        errors,
        kind,
    }
}
