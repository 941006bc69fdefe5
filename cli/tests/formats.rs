//! Every `--format` of `stowage lint` produces well-formed output; SARIF validates against the
//! official SARIF 2.1.0 schema (`tests/schemas/`).

mod common;

use common::{stowage, tree};

const SRC: &str = "FROM debian:12\nLABEL note=\"😀 <&> café\"\nMAINTAINER me\nRUN echo \"é\" && apt-get install -y curl\n";
/// A name that needs escaping in XML, URIs and GitHub workflow commands.
const ODD: &str = "we,ird & <x>.Dockerfile";

fn lint(format: &str) -> (tempfile::TempDir, common::Run) {
    let dir = tree(&[
        ("Dockerfile", SRC),
        (ODD, SRC),
        // Pin the rule set so rules added later do not change the counts.
        (
            "stowage.toml",
            "select = [\"SZ001\", \"COR001\", \"SEC001\"]\n",
        ),
        ("clean/Dockerfile", "FROM scratch\nUSER 1\n"),
    ]);
    let r = stowage(&["lint", "--format", format]).cwd(dir.path()).run();
    assert_eq!(r.code, 1, "{format}: {}", r.stderr);
    (dir, r)
}

#[test]
fn sarif_validates_against_the_schema() {
    let schema_text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/schemas/sarif-2.1.0-rtm.5.json"),
    )
    .unwrap();
    // The published schema's `language` patterns `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`
    // have a stray `]` that the meta-schema's `format: regex` check rejects. Stowage never
    // writes `language`; the pattern is replaced by the intended one in memory only.
    let bad = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(schema_text.contains(bad), "schema changed");
    let schema_text = schema_text.replace(bad, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let (_dir, r) = lint("sarif");
    let log = r.json();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF schema violations:\n{}",
        errors.join("\n")
    );
    // The validator does reject a broken log.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator.is_valid(&broken));

    let run = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let sz = rules.iter().find(|r| r["id"] == "SZ001").unwrap();
    assert_eq!(sz["name"], "apt-install-recommends");
    assert_eq!(sz["defaultConfiguration"]["level"], "note");
    let tags = sz["properties"]["tags"].as_array().unwrap();
    assert!(tags.contains(&"size".into()) && tags.contains(&"DL3015".into()));
    assert!(
        sz["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## What it does")
    );
    let results = run["results"].as_array().unwrap();
    let hit = results
        .iter()
        .find(|r| {
            r["ruleId"] == "SZ001"
                && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "Dockerfile"
        })
        .unwrap();
    assert_eq!(hit["level"], "note");
    let region = &hit["locations"][0]["physicalLocation"]["region"];
    let line4 = SRC.lines().nth(3).unwrap();
    let col = line4[..line4.find("apt-get").unwrap()].chars().count() + 1;
    assert_eq!(region["startLine"], 4);
    assert_eq!(region["startColumn"].as_u64().unwrap() as usize, col);
    assert!(
        hit["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
            .is_string()
    );
    assert_eq!(
        rules[hit["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "SZ001"
    );
    assert!(results.iter().any(
        |r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            == "we%2Cird%20%26%20%3Cx%3E.Dockerfile"
    ));
}

/// A small XML well-formedness check: balanced tags, quoted attributes, no stray `<` or `&`.
fn assert_well_formed_xml(xml: &str) -> Vec<String> {
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    let body = &xml[xml.find("?>").unwrap() + 2..];
    let mut stack: Vec<String> = Vec::new();
    let mut seen = Vec::new();
    let mut rest = body;
    let mut roots = 0;
    while let Some(lt) = rest.find('<') {
        check_text(&rest[..lt]);
        let gt = rest[lt..].find('>').expect("unclosed tag") + lt;
        let tag = &rest[lt + 1..gt];
        assert!(!tag.contains('<'), "'<' inside a tag: {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.trim()),
                "mismatched </{name}>"
            );
        } else {
            let self_closing = tag.ends_with('/');
            let inner = tag.trim_end_matches('/');
            let name = inner
                .split_whitespace()
                .next()
                .expect("tag name")
                .to_owned();
            check_attributes(&inner[name.len()..]);
            if stack.is_empty() {
                roots += 1;
            }
            seen.push(name.clone());
            if !self_closing {
                stack.push(name);
            }
        }
        rest = &rest[gt + 1..];
    }
    check_text(rest);
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    assert_eq!(roots, 1, "one root element");
    seen
}

fn check_text(text: &str) {
    for (i, _) in text.match_indices('&') {
        let ent = &text[i..text[i..].find(';').map_or(text.len(), |j| i + j + 1)];
        assert!(
            [
                "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#10;", "&#13;", "&#9;"
            ]
            .contains(&ent),
            "bad entity {ent}"
        );
    }
}

fn check_attributes(mut attrs: &str) {
    loop {
        attrs = attrs.trim_start();
        if attrs.is_empty() {
            return;
        }
        let eq = attrs.find('=').expect("attribute without =");
        let name = &attrs[..eq];
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'),
            "{name}"
        );
        let after = &attrs[eq + 1..];
        assert!(after.starts_with('"'), "unquoted attribute {name}");
        let close = after[1..].find('"').expect("unterminated attribute") + 1;
        check_text(&after[1..close]);
        attrs = &after[close + 1..];
    }
}

#[test]
fn checkstyle_is_well_formed() {
    let (_dir, r) = lint("checkstyle");
    let tags = assert_well_formed_xml(&r.stdout);
    assert_eq!(tags[0], "checkstyle");
    assert_eq!(tags.iter().filter(|t| *t == "file").count(), 3);
    assert!(
        r.stdout
            .contains("name=\"we,ird &amp; &lt;x&gt;.Dockerfile\""),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("source=\"stowage.SZ001\""));
}

#[test]
fn junit_is_well_formed() {
    let (_dir, r) = lint("junit");
    let tags = assert_well_formed_xml(&r.stdout);
    assert_eq!(tags[0], "testsuites");
    assert_eq!(tags.iter().filter(|t| *t == "testsuite").count(), 3);
    assert!(tags.iter().any(|t| t == "failure"));
    assert!(r.stdout.contains("failures=\"6\""), "{}", r.stdout);
}

#[test]
fn gitlab_code_quality() {
    let (_dir, r) = lint("gitlab");
    let v = r.json();
    let issues = v.as_array().unwrap();
    assert_eq!(issues.len(), 6);
    let mut fps = std::collections::HashSet::new();
    for i in issues {
        assert!(i["description"].is_string() && i["check_name"].is_string());
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&i["severity"].as_str().unwrap())
        );
        assert!(i["location"]["path"].is_string());
        assert!(i["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        assert!(
            fps.insert(i["fingerprint"].as_str().unwrap().to_owned()),
            "fingerprints are unique"
        );
    }
    // Fingerprints do not depend on line numbers.
    let dir = tree(&[("Dockerfile", &format!("# moved\n{SRC}"))]);
    let moved = stowage(&["lint", "--format", "gitlab"])
        .cwd(dir.path())
        .run()
        .json();
    let fp_of = |v: &serde_json::Value, code: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|i| i["check_name"] == code && i["location"]["path"] == "Dockerfile")
            .unwrap()["fingerprint"]
            .clone()
    };
    assert_eq!(fp_of(&v, "SZ001"), fp_of(&moved, "SZ001"));
}

#[test]
fn codeclimate_is_nul_separated_issues() {
    let (_dir, r) = lint("codeclimate");
    let chunks: Vec<&str> = r.stdout.split('\0').filter(|c| !c.is_empty()).collect();
    assert_eq!(chunks.len(), 6);
    for c in chunks {
        let i: serde_json::Value = serde_json::from_str(c).unwrap();
        assert_eq!(i["type"], "issue");
        assert!(i["categories"].as_array().is_some_and(|c| !c.is_empty()));
        assert!(
            i["location"]["positions"]["begin"]["line"]
                .as_u64()
                .unwrap()
                >= 1
        );
    }
}

#[test]
fn gnu_lines() {
    let (_dir, r) = lint("gnu");
    // `RUN echo "é" && ` is 16 characters (17 bytes): the finding starts at column 17.
    assert_eq!(SRC.lines().nth(3).unwrap().find("apt-get"), Some(17));
    assert_eq!(r.stdout.lines().count(), 6);
    for line in r.stdout.lines() {
        let (pos, rest) = line.rsplit_once(" [").unwrap();
        assert!(rest.ends_with(']'));
        let mut parts = pos.splitn(2, ".Dockerfile:").collect::<Vec<_>>();
        if parts.len() == 1 {
            parts = pos.splitn(2, "Dockerfile:").collect();
        }
        let after = parts[1];
        let (range, msg) = after.split_once(": ").unwrap();
        let (a, b) = range.split_once('-').unwrap();
        for p in [a, b] {
            let (l, c) = p.split_once('.').unwrap();
            l.parse::<u32>().unwrap();
            c.parse::<u32>().unwrap();
        }
        let sev = msg.split(':').next().unwrap();
        assert!(
            ["error", "warning", "info", "style"].contains(&sev),
            "{line}"
        );
    }
    assert!(
        r.stdout.contains(
            "Dockerfile:4.17-4.40: info: `apt-get install` without --no-install-recommends [SZ001]"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn github_annotations() {
    let (_dir, r) = lint("github");
    assert_eq!(r.stdout.lines().count(), 6);
    for line in r.stdout.lines() {
        assert!(
            line.starts_with("::error file=")
                || line.starts_with("::warning file=")
                || line.starts_with("::notice file="),
            "{line}"
        );
        for k in [",line=", ",col=", ",endLine=", ",endColumn=", ",title="] {
            assert!(line.contains(k), "{line}");
        }
    }
    assert!(
        r.stdout.contains("file=we%2Cird & <x>.Dockerfile,line="),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("::notice file=Dockerfile,line=4,col=17,endLine=4,endColumn=40,title=SZ001 (apt-install-recommends)::"), "{}", r.stdout);
}

#[test]
fn json_and_tty_formats() {
    let (_dir, r) = lint("json");
    assert_eq!(r.json().as_array().unwrap().len(), 6);
    let (_dir, r) = lint("tty");
    assert!(r.stdout.contains("6 problems"), "{}", r.stdout);
}

#[test]
fn empty_reports_are_valid() {
    let dir = tree(&[("Dockerfile", "FROM scratch\nUSER 1\n")]);
    for f in ["json", "sarif", "gitlab"] {
        let r = stowage(&["lint", "--format", f]).cwd(dir.path()).run();
        assert_eq!(r.code, 0);
        r.json();
    }
    for f in ["checkstyle", "junit"] {
        let r = stowage(&["lint", "--format", f]).cwd(dir.path()).run();
        assert_well_formed_xml(&r.stdout);
    }
}
