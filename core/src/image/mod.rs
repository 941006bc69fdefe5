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
    let pointers = duplicate_pointers(&parsed.root, &parsed.duplicates);
    for (d, pointer) in parsed.duplicates.iter().zip(pointers) {
        errors.push(ImageError {
            range: d.second,
            pointer,
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

/// JSON Pointers of the kept member of each duplicate key, found in one walk of the tree.
fn duplicate_pointers(root: &json::JsonNode, dups: &[json::DuplicateKey]) -> Vec<String> {
    if dups.is_empty() {
        return Vec::new();
    }
    // Sorted, not hashed: one `HashMap` type less in the .wasm, same O(n log n).
    let wanted: crate::util::VecMap<u32, usize> = dups
        .iter()
        .enumerate()
        .map(|(i, d)| (d.second.start, i))
        .collect();
    let mut out = vec![String::new(); dups.len()];
    // Iterative walk: the parser caps depth, but the walk needs no stack either way.
    let mut stack: Vec<(&json::JsonNode, String)> = vec![(root, String::new())];
    while let Some((node, ptr)) = stack.pop() {
        match &node.value {
            json::JsonValue::Object(members) => {
                for (k, v) in members {
                    let child = format!("{ptr}/{}", json::escape_pointer_token(&k.name));
                    if let Some(slot) = wanted.get(&k.range.start).and_then(|&i| out.get_mut(i)) {
                        slot.clone_from(&child);
                    }
                    stack.push((v, child));
                }
            }
            json::JsonValue::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    stack.push((v, format!("{ptr}/{i}")));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyze_reports_invalid_json_with_position() {
        let a = analyze("{\"schemaVersion\": 2,}");
        assert!(a.document.is_none());
        assert_eq!(a.kind, DocumentKind::Unknown);
        assert!(a.errors[0].message.contains("trailing comma"));
        assert_eq!(a.errors[0].range.start, 20, "points at the '}}'");
    }

    #[test]
    fn duplicate_keys_are_reported_with_pointer() {
        let src = r#"{"schemaVersion":2,"manifests":[{"mediaType":"a/b","size":1,"size":2,"digest":"sha256:0000000000000000000000000000000000000000000000000000000000000000"}]}"#;
        let a = analyze(src);
        let dup = a
            .errors
            .iter()
            .find(|e| e.message.contains("duplicate"))
            .unwrap();
        assert_eq!(dup.pointer, "/manifests/0/size");
        assert_eq!(dup.severity, Severity::Warning);
        let doc = a.document.unwrap();
        assert_eq!(doc.manifests[0].size.as_ref().unwrap().value, 2);
    }

    #[test]
    fn errors_do_not_stop_at_the_first() {
        let src = r#"{"schemaVersion":3,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"x","size":-1,"digest":"md5"},"layers":[{"size":"1"},7]}"#;
        let a = analyze(src);
        let ptrs: Vec<&str> = a.errors.iter().map(|e| e.pointer.as_str()).collect();
        for p in [
            "/schemaVersion",
            "/config/mediaType",
            "/config/size",
            "/config/digest",
            "/layers/0/mediaType",
            "/layers/0/digest",
            "/layers/0/size",
            "/layers/1",
        ] {
            assert!(ptrs.contains(&p), "{p} missing from {ptrs:?}");
        }
        let size = a
            .errors
            .iter()
            .find(|e| e.pointer == "/config/size")
            .unwrap();
        assert_eq!(size.range.slice(src), "-1");
        let missing = a
            .errors
            .iter()
            .find(|e| e.pointer == "/layers/0/digest")
            .unwrap();
        assert_eq!(missing.range.slice(src), r#"{"size":"1"}"#);
    }

    #[test]
    fn media_type_mismatch() {
        let src = r#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":1,"digest":"sha256:0000000000000000000000000000000000000000000000000000000000000000"},"layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":1,"digest":"sha256:0000000000000000000000000000000000000000000000000000000000000000"}]}"#;
        let a = analyze(src);
        // The shape wins over the declared type, and the mismatch is reported.
        assert_eq!(a.kind, DocumentKind::OciManifest);
        let e = a.errors.iter().find(|e| e.pointer == "/mediaType").unwrap();
        assert!(e.message.contains("does not match"), "{}", e.message);
        let layer = a
            .errors
            .iter()
            .find(|e| e.pointer == "/layers/0/mediaType")
            .unwrap();
        assert!(layer.message.contains("other manifest format"));
    }
}
