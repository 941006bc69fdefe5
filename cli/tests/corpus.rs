//! Runs `stowage lint --select all --format json` over the real-world corpus: no panic, valid
//! JSON. Skipped when the shared corpus is not present.

mod common;

use std::io::Write as _;
use std::path::Path;

#[test]
fn real_corpus_lints_without_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/dockerfiles/real");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        // Skipped: the shared corpus is not checked out beside the workspace.
        let _ = writeln!(std::io::stderr(), "skipped: {} not found", dir.display());
        return;
    };
    let mut files: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    // Explicit paths: every file is checked whatever its name.
    for chunk in files.chunks(200) {
        let mut args = vec!["lint", "--select", "all", "--format", "json", "--isolated"];
        args.extend(chunk.iter().map(String::as_str));
        let r = common::stowage(&args).run();
        assert_ne!(r.code, 101, "panic: {}", r.stderr);
        assert!(r.code == 0 || r.code == 1, "exit {}: {}", r.code, r.stderr);
        let v = r.json();
        assert!(v.is_array());
    }
}
