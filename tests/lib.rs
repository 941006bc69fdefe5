//! Shared helpers for the cross-crate tests in `tests/tests/`.

use std::path::PathBuf;

/// `../shared/corpus` next to the checkout, if present (it is in CI and on developer machines).
#[must_use]
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    dir.is_dir().then_some(dir)
}

/// The text of every real Dockerfile in the corpus, in file-name order (empty without it).
#[must_use]
pub fn corpus_dockerfiles() -> Vec<String> {
    let Some(dir) = corpus_dir() else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("dockerfiles/real"))
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// Reads a JSON-lines file into values.
///
/// # Panics
/// When the file cannot be read or a line is not JSON (the corpus is fixed data).
#[must_use]
pub fn read_jsonl(path: &std::path::Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}
