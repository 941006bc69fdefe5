//! Parser conformance with BuildKit: every corpus Dockerfile is parsed and compared with the
//! official parser's output (`oracle/buildkit-parse.jsonl`), and printed back byte for byte.
//! Known, documented differences live in `docs/parser-conformance.md` and in `KNOWN` below.

use std::collections::BTreeMap;

use serde_json::Value;
use stowage_core::syntax::{self, Keyword};
use stowage_core::text::LineIndex;
use stowage_tests::{corpus_dir, read_jsonl};

/// Files whose difference from the oracle is explained in docs/parser-conformance.md.
const KNOWN: &[(&str, &str)] = &[
    // The oracle passes strings through C and cuts them at NUL (corpus README, limit 2); we keep the NUL.
    ("testfiles/json/Dockerfile", "oracle truncates at NUL"),
];

fn compare(file: &str, src: &str, oracle: &Value) -> Vec<String> {
    let df = syntax::parse(src);
    let index = LineIndex::new(src);
    let ours = syntax::dump(src, &df, &index);
    let mut diffs = Vec::new();
    let Some(theirs) = oracle["instructions"].as_array() else {
        return diffs;
    };
    if theirs.len() != ours.instructions.len() {
        diffs.push(format!(
            "{file}: {} instructions, oracle has {}",
            ours.instructions.len(),
            theirs.len()
        ));
    }
    for (o, t) in ours.instructions.iter().zip(theirs) {
        let mut cmd = t["cmd"].as_str().unwrap_or("").to_ascii_uppercase();
        let sub = t["sub_cmd"].as_str().map(str::to_ascii_uppercase);
        let ours_kw = o.keyword.clone();
        if Keyword::parse(&cmd) == Keyword::Unknown && ours_kw != cmd {
            cmd = cmd.to_ascii_uppercase();
        }
        let at = format!("{file}:{}", o.line);
        if ours_kw != cmd {
            diffs.push(format!("{at}: keyword {ours_kw} vs {cmd}"));
            continue;
        }
        if Some(o.line) != t["start_line"].as_u64().and_then(|v| u32::try_from(v).ok())
            || Some(o.end_line) != t["end_line"].as_u64().and_then(|v| u32::try_from(v).ok())
        {
            diffs.push(format!(
                "{at}: lines {}-{} vs {}-{}",
                o.line, o.end_line, t["start_line"], t["end_line"]
            ));
        }
        let flags: Vec<&str> = t["flags"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        // The oracle loses ONBUILD's inner flags (corpus README, limit 3).
        let our_flags: Vec<&str> = o.flags.iter().map(String::as_str).collect();
        if our_flags != flags {
            diffs.push(format!("{at}: flags {our_flags:?} vs {flags:?}"));
        }
        let value: Vec<&str> = t["value"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let our_value: Vec<String> = match (&o.onbuild, sub) {
            (Some(inner), Some(_)) => {
                // The oracle drops the trigger's flags into nowhere and keeps its value chain.
                inner.value.clone()
            }
            _ => o.value.clone(),
        };
        let our_value: Vec<&str> = our_value.iter().map(String::as_str).collect();
        if our_value != value {
            diffs.push(format!("{at}: value {our_value:?} vs {value:?}"));
        }
        if o.json != t["json"].as_bool().unwrap_or(false) {
            diffs.push(format!("{at}: json {} vs {}", o.json, t["json"]));
        }
        let heredocs: Vec<(String, String)> = t["heredocs"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|h| {
                        (
                            h["name"].as_str().unwrap_or("").to_owned(),
                            h["content"].as_str().unwrap_or("").to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let ours_h: Vec<(String, String)> = o
            .heredocs
            .iter()
            .map(|h| (h.name.clone(), h.content.clone()))
            .collect();
        if ours_h != heredocs {
            diffs.push(format!("{at}: heredocs {ours_h:?} vs {heredocs:?}"));
        }
    }
    diffs
}

#[test]
fn buildkit_oracle_parity_and_round_trip() {
    let Some(corpus) = corpus_dir() else {
        eprintln!("skipping: ../shared/corpus not found");
        return;
    };
    let oracle = read_jsonl(&corpus.join("oracle/buildkit-parse.jsonl"));
    let mut by_file: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let (mut files, mut matching, mut rejected_ok) = (0, 0, 0);
    for entry in &oracle {
        let file = entry["file"].as_str().expect("file");
        let bytes = std::fs::read(corpus.join(file)).expect("corpus file");
        let src = String::from_utf8(bytes).expect("corpus files are UTF-8");
        files += 1;
        let df = syntax::parse(&src);
        // Lossless: the items tile the input exactly.
        let mut at = 0u32;
        let mut printed = String::with_capacity(src.len());
        for item in &df.items {
            assert_eq!(
                item.range.start, at,
                "{file}: gap or overlap before byte {at}"
            );
            at = item.range.end;
            printed.push_str(item.range.slice(&src));
        }
        assert_eq!(printed, src, "{file}: round trip");
        if entry["ok"] == Value::Bool(false) {
            // The official parser rejects it: we must report an error.
            assert!(
                !df.errors.is_empty(),
                "{file}: BuildKit rejects this file but we report no error"
            );
            rejected_ok += 1;
            continue;
        }
        let diffs = compare(file, &src, entry);
        if diffs.is_empty() {
            matching += 1;
        } else {
            by_file.insert(file.to_owned(), diffs);
        }
    }
    let unexplained: Vec<_> = by_file
        .iter()
        .filter(|(f, _)| !KNOWN.iter().any(|(k, _)| f.ends_with(k)))
        .collect();
    eprintln!(
        "parser conformance: {matching} of {} accepted files match BuildKit; {rejected_ok} rejected files reported",
        files - rejected_ok
    );
    for (f, d) in &unexplained {
        eprintln!(
            "UNEXPLAINED {f}:\n  {}",
            d.iter().take(5).cloned().collect::<Vec<_>>().join("\n  ")
        );
    }
    assert!(
        unexplained.is_empty(),
        "{} files differ from BuildKit without a documented reason",
        unexplained.len()
    );
}
