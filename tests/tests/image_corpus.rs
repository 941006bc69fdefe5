//! Image-document corpus: every JSON file of `../shared/corpus/manifests` through
//! `stowage_core::image::analyze` + `check`, plus hostile inputs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use stowage_core::diagnostic::Severity;
use stowage_core::image::checks::RULES;
use stowage_core::image::{
    DocumentKind, ImageOptions, analyze, check, rebuild_history, size_report,
};

fn corpus() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/manifests");
    p.join("INDEX.jsonl").is_file().then_some(p)
}

#[expect(clippy::print_stderr, reason = "tests report what they skipped")]
fn note(msg: &str) {
    eprintln!("{msg}");
}

/// Our kinds for an INDEX `kind`.
fn expected_kinds(index_kind: &str) -> &'static [DocumentKind] {
    use DocumentKind as K;
    match index_kind {
        "docker-container-inspect" => &[K::DockerInspectContainer],
        "docker-image-inspect" => &[K::DockerInspectImage],
        "docker-manifest-inspect-verbose" => &[K::DockerManifestInspect],
        "docker-manifest-list" => &[K::DockerManifestList],
        "docker-v1-image-json" => &[K::LegacyImageJson],
        "docker-v2s1-manifest" => &[K::DockerSchema1],
        "docker-v2s1-manifest-signed" => &[K::DockerSchema1Signed],
        "docker-v2s2-manifest" => &[K::DockerManifestV2],
        "image-config" => &[K::ImageConfig],
        // No mediaType: the shape decides; an index is OCI unless its entries are Docker types.
        "index-nomediatype" => &[K::OciIndex, K::DockerManifestList],
        // No mediaType: the config media type decides between OCI, artifact and Docker.
        "manifest-nomediatype" => &[K::OciManifest, K::OciArtifactManifest, K::DockerManifestV2],
        "oci-artifact-manifest" | "oci-artifact-manifest-with-subject" => &[K::OciArtifactManifest],
        "oci-descriptor" => &[K::Descriptor],
        "oci-index" | "oci-index-with-attestations" | "oci-index-with-subject" => &[K::OciIndex],
        "oci-layout" => &[K::OciLayout],
        "oci-manifest" => &[K::OciManifest],
        "oci-manifest-with-subject" => &[K::OciManifest, K::OciArtifactManifest],
        // JSON Schemas and `{}` / unknown-schemaVersion fixtures are not image documents.
        "json-schema" | "other" => &[K::Unknown],
        _ => &[],
    }
}

/// Files whose INDEX kind differs from ours on purpose (path suffix → our kind, reason).
const KIND_EXCEPTIONS: &[(&str, DocumentKind, &str)] = &[(
    "schema-tests/descriptor/003-expect-invalid.json",
    DocumentKind::Descriptor,
    "a descriptor (size + digest) whose mediaType was removed on purpose; INDEX calls it \"other\", \
     we recognise the descriptor shape and report the missing mediaType",
)];

/// INDEX labels a bare descriptor *of* a manifest (`{mediaType: …manifest…, size, digest}`,
/// e.g. the spec's descriptor examples and schema-tests/descriptor/*) by the media type it
/// points at. Such a document has no `schemaVersion`, `config`, `layers` or `manifests`: it is a
/// descriptor, and we say so.
fn is_bare_descriptor(src: &str) -> bool {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(src) else {
        return false;
    };
    (v.get("digest").is_some() || v.get("size").is_some())
        && ["schemaVersion", "config", "layers", "manifests"]
            .iter()
            .all(|k| v.get(k).is_none())
}

#[derive(serde::Deserialize)]
struct IndexRow {
    file: String,
    kind: String,
    json_valid: bool,
}

#[derive(serde::Deserialize)]
struct Expectation {
    file: String,
    expect_valid: bool,
}

fn read(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn every_corpus_file_is_detected() {
    let Some(root) = corpus() else {
        note("image_corpus: ../shared/corpus/manifests not found, skipping");
        return;
    };
    let rows: Vec<IndexRow> = read(&root.join("INDEX.jsonl"))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("INDEX row"))
        .collect();
    let opts = ImageOptions::default();
    let mut mismatches = Vec::new();
    let mut by_kind: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut findings = 0usize;
    let mut bare_descriptors = 0usize;
    let mut history_steps = 0usize;
    for row in &rows {
        let src = read(&root.join(&row.file));
        let a = analyze(&src);
        *by_kind.entry(a.kind.as_str()).or_default() += 1;
        if let Some(doc) = &a.document {
            let found = check(doc, &opts);
            for f in &found {
                assert!(
                    RULES.contains(&f.rule),
                    "{}: unknown rule {}",
                    row.file,
                    f.rule
                );
                assert!(
                    f.range.end as usize <= src.len(),
                    "{}: finding out of bounds",
                    row.file
                );
                assert!(
                    !f.message.contains('\n'),
                    "{}: multi-line message",
                    row.file
                );
            }
            findings += found.len();
            if let Some(ic) = &doc.image_config {
                let steps = rebuild_history(ic);
                assert_eq!(steps.len(), ic.history.len());
                history_steps += steps.len();
            }
            let report = size_report(doc, None);
            let _ = report.render_text();
        }
        for e in &a.errors {
            assert!(
                e.range.end as usize <= src.len(),
                "{}: range out of bounds",
                row.file
            );
        }
        if !row.json_valid {
            assert!(a.document.is_none(), "{}: invalid JSON accepted", row.file);
            continue;
        }
        assert!(
            a.document.is_some(),
            "{}: valid JSON rejected: {:?}",
            row.file,
            a.errors
        );
        let exception = KIND_EXCEPTIONS
            .iter()
            .find(|(f, _, _)| row.file.ends_with(f));
        let ok = match exception {
            Some((_, k, _)) => a.kind == *k,
            None if a.kind == DocumentKind::Descriptor
                && row.kind.starts_with("oci-")
                && row.kind.contains("manifest")
                && is_bare_descriptor(&src) =>
            {
                bare_descriptors += 1;
                true
            }
            None => expected_kinds(&row.kind).contains(&a.kind),
        };
        if !ok {
            mismatches.push(format!(
                "{} (INDEX {}) -> {}",
                row.file,
                row.kind,
                a.kind.as_str()
            ));
        }
    }
    note(&format!(
        "image_corpus: {} files, kinds {by_kind:?}, {findings} findings, \
         {bare_descriptors} bare descriptors labelled as manifests by INDEX, \
         {history_steps} history steps rebuilt",
        rows.len()
    ));
    assert!(
        mismatches.is_empty(),
        "kind mismatches:\n{}",
        mismatches.join("\n")
    );
}

/// Schema-test files we cannot flag, with the reason.
const UNDETECTED_INVALID: &[(&str, &str)] = &[];

#[test]
fn oci_schema_tests_match_expectations() {
    let Some(root) = corpus() else {
        note("image_corpus: corpus not found, skipping");
        return;
    };
    let dir = root.join("oci-image-spec/schema-tests");
    let exps: Vec<Expectation> = read(&dir.join("EXPECTATIONS.jsonl"))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("EXPECTATIONS row"))
        .collect();
    let mut failures = Vec::new();
    let (mut valid, mut invalid) = (0, 0);
    for e in &exps {
        let src = read(&root.join(&e.file));
        let a = analyze(&src);
        let errors: Vec<_> = a
            .errors
            .iter()
            .filter(|x| x.severity == Severity::Error)
            .collect();
        if e.expect_valid {
            valid += 1;
            if !a.errors.is_empty() {
                failures.push(format!("{}: expected valid, got {:?}", e.file, a.errors));
            }
        } else {
            invalid += 1;
            let skip = UNDETECTED_INVALID.iter().any(|(f, _)| e.file.ends_with(f));
            if errors.is_empty() && !skip {
                failures.push(format!(
                    "{}: expected invalid, no error ({})",
                    e.file,
                    a.kind.as_str()
                ));
            }
        }
    }
    note(&format!(
        "image_corpus: schema-tests {valid} valid, {invalid} invalid, {} failures",
        failures.len()
    ));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn hostile_inputs_do_not_panic() {
    let deep = "[".repeat(100_000);
    let a = analyze(&deep);
    assert!(a.document.is_none());
    assert!(a.errors[0].message.contains("nesting"), "{:?}", a.errors);

    let deep_obj = r#"{"a":"#.repeat(100_000);
    assert!(!analyze(&deep_obj).errors.is_empty());

    let big = format!("\"{}\"", "x".repeat(5 * 1024 * 1024));
    let a = analyze(&big);
    assert_eq!(a.kind, DocumentKind::Unknown);
    assert!(!a.errors.is_empty());

    let wrong = r#"{"schemaVersion":"x","layers":{},"config":[]}"#;
    let a = analyze(wrong);
    assert!(a.errors.len() >= 3, "{:?}", a.errors);
    let doc = a.document.expect("document");
    let _ = check(&doc, &ImageOptions::default());

    let wrong_cfg = r#"{"architecture":1,"os":[],"rootfs":"x","config":{"User":5,"Env":{},"ExposedPorts":[],"Labels":[],"Healthcheck":"x"},"history":[1,{"created_by":3,"empty_layer":"y"}]}"#;
    let a = analyze(wrong_cfg);
    assert!(a.errors.len() >= 8, "{:?}", a.errors);
    let _ = check(&a.document.expect("doc"), &ImageOptions::default());

    for s in [
        "",
        " ",
        "\u{feff}",
        "\"\\ud800",
        "[1e999]",
        "-",
        "{\"a\"",
        "\u{0}",
        "[\"\\u12\"]",
        r#"[{"Config":1,"Layers":2}]"#,
        r#"[{"Id":1,"RepoTags":3,"Size":-1,"Config":[]}]"#,
        r#"{"schemaVersion":2,"manifests":[1,null,{"platform":7}]}"#,
        r#"{"schemaVersion":1,"fsLayers":[1,{"blobSum":"x"}],"history":3}"#,
    ] {
        let a = analyze(s);
        if let Some(d) = &a.document {
            let _ = check(d, &ImageOptions::default());
        }
    }
}

/// Every corpus file cut at 50 points (mid-string, mid-number, mid-UTF-8 via lossy decoding):
/// analysis must not panic and must report the truncation.
#[test]
fn truncated_corpus_files_do_not_panic() {
    let Some(root) = corpus() else {
        note("image_corpus: corpus not found, skipping");
        return;
    };
    let rows: Vec<IndexRow> = read(&root.join("INDEX.jsonl"))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("INDEX row"))
        .collect();
    let mut runs = 0usize;
    for row in rows.iter().filter(|r| r.json_valid) {
        let bytes = std::fs::read(root.join(&row.file)).expect("read");
        let trimmed_len = String::from_utf8_lossy(&bytes).trim_end().len();
        for k in 1..50 {
            let cut = bytes.len() * k / 50;
            let text = String::from_utf8_lossy(&bytes[..cut]).into_owned();
            let a = analyze(&text);
            if cut < trimmed_len {
                assert!(!a.errors.is_empty(), "{} cut at {cut}: no error", row.file);
            }
            if let Some(d) = &a.document {
                let _ = check(d, &ImageOptions::default());
            }
            runs += 1;
        }
    }
    note(&format!("image_corpus: {runs} truncated inputs analysed"));
}
