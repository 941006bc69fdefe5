//! Shared helpers for the cross-crate tests in `tests/tests/`.

use std::path::PathBuf;

/// `../shared/corpus` next to the checkout, if present (it is in CI and on developer machines).
#[must_use]
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    dir.is_dir().then_some(dir)
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
