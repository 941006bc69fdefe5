//! End-to-end tests of `stowage parse`, `lint`, `rules`, `explain` and `--version`, running the
//! real binary.

mod common;

use common::{APT, codes, fixtures, stowage, tree};

// ---------- parse ----------

#[test]
fn parse_json_contract_with_continuations_comments_heredoc_and_crlf() {
    let file = fixtures().join("parse-crlf.Dockerfile");
    let bytes = std::fs::read(&file).unwrap();
    assert!(
        bytes.windows(2).any(|w| w == b"\r\n"),
        "fixture must use CRLF"
    );
    let r = stowage(&["parse", file.to_str().unwrap()]).run();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = r.json();
    let ins = v["instructions"].as_array().unwrap();
    let kw: Vec<&str> = ins.iter().map(|i| i["keyword"].as_str().unwrap()).collect();
    assert_eq!(kw, ["FROM", "RUN", "RUN", "COPY"]);
    // Lines count every physical line: directive 1, FROM 2, comment 3, RUN 4-7.
    assert_eq!(
        (ins[0]["line"].as_u64(), ins[0]["end_line"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(
        (ins[1]["line"].as_u64(), ins[1]["end_line"].as_u64()),
        (Some(4), Some(7))
    );
    assert_eq!(
        ins[1]["flags"],
        serde_json::json!(["--mount=type=cache,target=/root/.cache"])
    );
    assert_eq!(ins[1]["column"], 1);
    assert_eq!(
        (ins[2]["line"].as_u64(), ins[2]["end_line"].as_u64()),
        (Some(8), Some(10))
    );
    let heredoc = &ins[2]["heredocs"][0];
    assert_eq!(heredoc["name"], "EOF");
    assert_eq!(heredoc["content"].as_str().unwrap().trim_end(), "echo hi");
    assert_eq!(ins[3]["line"], 11);
    assert_eq!(ins[3]["flags"], serde_json::json!(["--chmod=755"]));
    assert_eq!(v["diagnostics"], serde_json::json!([]));
    assert_eq!(v["directives"][0]["name"], "syntax");
}

#[test]
fn parse_reports_syntax_errors_with_exit_1() {
    let r = stowage(&["parse", "-"])
        .stdin("FROM alpine:3.20\nFROBNICATE x\n")
        .run();
    assert_eq!(r.code, 1, "{}", r.stdout);
    let d = &r.json()["diagnostics"][0];
    assert_eq!(d["rule"], "SYN002");
    assert_eq!(d["severity"], "error");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(1))
    );
    for k in ["message", "end_line", "end_column"] {
        assert!(!d[k].is_null(), "{k} missing");
    }
}

#[test]
fn parse_missing_file_is_one_line_and_exit_2() {
    let dir = tree(&[]);
    let r = stowage(&["parse", "Dockerfile.x"]).cwd(dir.path()).run();
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.starts_with(
            "stowage: cannot read Dockerfile.x: No such file or directory (os error 2)"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn parse_tree_format() {
    let file = fixtures().join("parse-crlf.Dockerfile");
    let r = stowage(&["parse", "--format", "tree", file.to_str().unwrap()]).run();
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("RUN (lines 4-7)"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("flag --mount=type=cache,target=/root/.cache")
    );
    assert!(
        r.stdout.contains("heredoc <<EOF (lines 9-10)"),
        "{}",
        r.stdout
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(stowage(&["lint", "--format", "yaml"]).run().code, 2);
    assert_eq!(stowage(&["frobnicate"]).run().code, 2);
    let r = stowage(&["lint", "--select", "SZ0001", "-"])
        .stdin(APT)
        .run();
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("did you mean `SZ001`"), "{}", r.stderr);
}

#[test]
fn version() {
    let r = stowage(&["--version"]).run();
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout.trim(),
        format!("stowage {}", env!("CARGO_PKG_VERSION"))
    );
}

// ---------- lint: JSON contract, positions, stdin ----------

#[test]
fn lint_json_contract_and_character_columns() {
    let src = "FROM debian:12\nLABEL note=\"😀 café\"\nRUN echo \"😀é\" && apt-get install -y curl\nUSER app\n";
    let dir = tree(&[("Dockerfile", src)]);
    let r = stowage(&["lint", "--format", "json", "Dockerfile"])
        .cwd(dir.path())
        .run();
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v = r.json();
    let d = v
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "SZ001")
        .expect("SZ001 reported");
    for key in [
        "file",
        "rule",
        "name",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "fix",
        "help",
        "offset",
        "end_offset",
        "url",
    ] {
        assert!(d.get(key).is_some(), "missing {key}: {d}");
    }
    assert_eq!(d["file"], "Dockerfile");
    assert_eq!(d["name"], "apt-install-recommends");
    assert_eq!(d["severity"], "info");
    let line3 = src.lines().nth(2).unwrap();
    let byte = line3.find("apt-get install").unwrap();
    let chars = line3[..byte].chars().count();
    assert_eq!(d["line"], 3);
    assert_eq!(
        d["column"].as_u64().unwrap() as usize,
        chars + 1,
        "columns count characters"
    );
    let start = d["offset"].as_u64().unwrap() as usize;
    assert_eq!(
        start,
        src.find("apt-get install").unwrap(),
        "offsets are bytes"
    );
    assert!(d["end_offset"].as_u64().unwrap() as usize > start);
    assert!(d["url"].as_str().unwrap().contains("SZ001"));
    let fix = &d["fix"];
    assert_eq!(fix["applicability"], "safe");
    assert!(fix["title"].is_string());
    let edit = &fix["edits"][0];
    for key in [
        "line",
        "column",
        "end_line",
        "end_column",
        "offset",
        "end_offset",
        "content",
    ] {
        assert!(edit.get(key).is_some(), "edit missing {key}");
    }
    let edit_byte = edit["offset"].as_u64().unwrap() as usize;
    let line_start = src.find(line3).unwrap();
    assert_eq!(
        edit["column"].as_u64().unwrap() as usize,
        src[line_start..edit_byte].chars().count() + 1
    );
}

#[test]
fn lint_stdin_with_filename() {
    let r = stowage(&[
        "lint",
        "--format",
        "json",
        "--stdin-filename",
        "svc/Dockerfile",
        "-",
    ])
    .stdin(APT)
    .run();
    assert_eq!(r.code, 1);
    let v = r.json();
    assert!(codes(&v).contains(&"SZ001".to_owned()));
    assert_eq!(v[0]["file"], "svc/Dockerfile");
    let r = stowage(&["lint", "--format", "json", "-"]).stdin(APT).run();
    assert_eq!(r.json()[0]["file"], "-");
}

#[test]
fn lint_invalid_utf8_is_reported_not_fatal() {
    let dir = tree(&[]);
    std::fs::write(
        dir.path().join("Dockerfile"),
        b"FROM alpine:3.20\nLABEL x=\"caf\xe9\"\nUSER app\n",
    )
    .unwrap();
    let r = stowage(&["lint", "--format", "json"]).cwd(dir.path()).run();
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v = r.json();
    assert!(codes(&v).contains(&"SYN013".to_owned()), "{v}");
    assert_eq!(v[0]["line"], 2);
}

#[test]
fn directory_discovery_honours_gitignore() {
    let dir = tree(&[
        (".gitignore", "ignored/\n"),
        ("Dockerfile", APT),
        ("api/api.Dockerfile", APT),
        ("web/Containerfile.prod", APT),
        ("web/Dockerfile.dockerignore", "*.md\n"),
        ("ignored/Dockerfile", APT),
        ("docs/README.md", "not a Dockerfile\n"),
    ]);
    let r = stowage(&["lint", "--format", "json"]).cwd(dir.path()).run();
    assert_eq!(r.code, 1, "{}", r.stderr);
    let mut files: Vec<String> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap().to_owned())
        .collect();
    files.sort();
    files.dedup();
    assert_eq!(
        files,
        ["Dockerfile", "api/api.Dockerfile", "web/Containerfile.prod"]
    );
    // A file named explicitly is checked even when ignored.
    let r = stowage(&["lint", "--format", "json", "ignored/Dockerfile"])
        .cwd(dir.path())
        .run();
    let v = r.json();
    assert!(!v.as_array().unwrap().is_empty());
    assert_eq!(v[0]["file"], "ignored/Dockerfile");
}

#[test]
fn lint_missing_path_exit_2() {
    let dir = tree(&[]);
    let r = stowage(&["lint", "nope/Dockerfile"]).cwd(dir.path()).run();
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("cannot read nope/Dockerfile"),
        "{}",
        r.stderr
    );
}

// ---------- selection, thresholds, configuration ----------

const MIXED: &str = "FROM debian:12\nMAINTAINER me\nRUN apt-get install -y curl\n";

#[test]
fn select_all_versus_default_and_config_layering() {
    let dir = tree(&[
        ("Dockerfile", MIXED),
        ("stowage.toml", "select = [\"syntax\"]\n"),
    ]);
    let only_syntax = stowage(&["lint", "--format", "json"]).cwd(dir.path()).run();
    assert_eq!(only_syntax.code, 0, "{}", only_syntax.stdout);
    assert_eq!(only_syntax.json(), serde_json::json!([]));
    let all = stowage(&["lint", "--format", "json", "--select", "all"])
        .cwd(dir.path())
        .run();
    let all_codes = codes(&all.json());
    for c in ["COR001", "SEC001", "SZ001"] {
        assert!(all_codes.contains(&c.to_owned()), "{all_codes:?}");
    }
    let extended = stowage(&["lint", "--format", "json", "--extend-select", "SZ001"])
        .cwd(dir.path())
        .run();
    assert_eq!(codes(&extended.json()), ["SZ001"]);
    // Every rule, opt-in ones included, is enabled by `--select all`: it reports at least
    // what the default set does.
    let plain = tree(&[("Dockerfile", MIXED)]);
    let default = stowage(&["lint", "--format", "json"])
        .cwd(plain.path())
        .run();
    let all = stowage(&["lint", "--format", "json", "--select", "all"])
        .cwd(plain.path())
        .run();
    assert!(all.json().as_array().unwrap().len() >= default.json().as_array().unwrap().len());
}

#[test]
fn ignore_by_alias_and_family() {
    let dir = tree(&[("Dockerfile", MIXED)]);
    let run = |args: &[&str]| {
        let mut a = vec!["lint", "--format", "json"];
        a.extend_from_slice(args);
        codes(&stowage(&a).cwd(dir.path()).run().json())
    };
    let base = run(&[]);
    assert!(base.contains(&"SZ001".to_owned()) && base.contains(&"COR001".to_owned()));
    let no_alias = run(&["--ignore", "DL3015"]);
    assert!(!no_alias.contains(&"SZ001".to_owned()), "{no_alias:?}");
    assert!(no_alias.contains(&"COR001".to_owned()));
    let no_family = run(&["--ignore", "correctness,size"]);
    assert!(!no_family.contains(&"SZ001".to_owned()));
    assert!(!no_family.contains(&"COR001".to_owned()));
    assert!(no_family.contains(&"SEC001".to_owned()));
    let repeated = run(&["--ignore", "security", "--ignore", "apt-install-recommends"]);
    assert_eq!(repeated, ["COR001"]);
}

#[test]
fn failure_threshold() {
    let dir = tree(&[("Dockerfile", APT)]); // one info finding
    let code = |args: &[&str]| {
        let mut a = vec!["lint", "--format", "json"];
        a.extend_from_slice(args);
        stowage(&a).cwd(dir.path()).run().code
    };
    assert_eq!(code(&[]), 1, "default threshold is info");
    assert_eq!(code(&["--failure-threshold", "warning"]), 0);
    assert_eq!(code(&["--failure-threshold", "error"]), 0);
    assert_eq!(code(&["--failure-threshold", "style"]), 1);
    assert_eq!(code(&["--failure-threshold", "none"]), 0);
    std::fs::write(
        dir.path().join("stowage.toml"),
        "failure-threshold = \"warning\"\n",
    )
    .unwrap();
    assert_eq!(code(&[]), 0, "config threshold");
    assert_eq!(
        code(&["--failure-threshold", "info"]),
        1,
        "flag beats config"
    );
}

#[test]
fn bad_config_exits_2_with_position() {
    let dir = tree(&[
        ("Dockerfile", APT),
        (
            "stowage.toml",
            "# settings\nselect = [\"all\"]\nselct = [\"x\"]\n",
        ),
    ]);
    let r = stowage(&["lint"]).cwd(dir.path()).run();
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.starts_with("stowage.toml:3:1: "), "{}", r.stderr);
    assert!(r.stderr.contains("did you mean `select`"), "{}", r.stderr);

    let dir = tree(&[
        ("sub/Dockerfile", APT),
        (".stowage.toml", "ignore = [\"SZ01\"]\n"),
    ]);
    let r = stowage(&["lint", "sub"]).cwd(dir.path()).run();
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains(".stowage.toml:1:"), "{}", r.stderr);
    assert!(r.stderr.contains("SZ01"), "{}", r.stderr);
}

#[test]
fn config_discovery_stops_at_git_and_env_and_flag() {
    let dir = tree(&[
        ("stowage.toml", "ignore = [\"size\"]\n"),
        ("repo/.git/HEAD", "ref: refs/heads/main\n"),
        ("repo/Dockerfile", APT),
        ("other.toml", "ignore = [\"SZ001\"]\n"),
    ]);
    let run = |s: common::Stowage| codes(&s.cwd(dir.path()).run().json());
    // The config above the repository root is not used.
    assert!(run(stowage(&["lint", "--format", "json", "repo"])).contains(&"SZ001".to_owned()));
    assert!(
        !run(stowage(&[
            "lint",
            "--format",
            "json",
            "--config",
            "other.toml",
            "repo"
        ]))
        .contains(&"SZ001".to_owned())
    );
    assert!(
        !run(stowage(&["lint", "--format", "json", "repo"]).env("STOWAGE_CONFIG", "other.toml"))
            .contains(&"SZ001".to_owned())
    );
}

#[test]
fn target_flag_is_accepted() {
    let dir = tree(&[(
        "Dockerfile",
        "FROM debian:12 AS build\nRUN apt-get install -y curl\nFROM scratch AS final\nUSER 1000\n",
    )]);
    let r = stowage(&["lint", "--format", "json", "--target", "build"])
        .cwd(dir.path())
        .run();
    assert_ne!(r.code, 2, "{}", r.stderr);
    r.json();
}

// ---------- tty ----------

/// Pins the rule set so rules added later do not change exact counts.
const PINNED: (&str, &str) = (
    "stowage.toml",
    "select = [\"SZ001\", \"COR001\", \"SEC001\"]\n",
);

#[test]
fn tty_code_frame_summary_and_no_color() {
    let dir = tree(&[("Dockerfile", MIXED), PINNED]);
    let r = stowage(&["lint"])
        .cwd(dir.path())
        .env("FORCE_COLOR", "1")
        .run();
    assert!(r.stdout.contains("\x1b["), "FORCE_COLOR colours");
    let r = stowage(&["lint"])
        .cwd(dir.path())
        .env("FORCE_COLOR", "1")
        .env("NO_COLOR", "1")
        .run();
    assert!(!r.stdout.contains('\x1b'), "NO_COLOR wins: {}", r.stdout);
    let r = stowage(&["lint", "--no-color"])
        .cwd(dir.path())
        .env("FORCE_COLOR", "1")
        .run();
    assert!(!r.stdout.contains('\x1b'));
    let out = r.stdout;
    assert!(out.contains("Dockerfile:3:5: SZ001 [info]"), "{out}");
    assert!(
        out.contains("3 | RUN apt-get install -y curl\n  |     ^^^^^^^^^^^^^^^^^^^^^^^\n"),
        "{out}"
    );
    assert!(out.contains("= fix available: "), "{out}");
    assert!(
        out.contains("3 problems (2 warnings, 1 info), 2 fixable with --fix"),
        "{out}"
    );
    // Not a terminal and no FORCE_COLOR: plain.
    let r = stowage(&["lint"]).cwd(dir.path()).run();
    assert!(!r.stdout.contains('\x1b'));
}

#[test]
fn tty_multiline_range_marks_first_and_last_line() {
    let src = "FROM debian:12\nRUN apt-get update && \\\n    apt-get install \\\n      -y \\\n      curl\nUSER app\n";
    let r = stowage(&["lint", "--select", "SZ001", "-"])
        .stdin(src)
        .run();
    let out = &r.stdout;
    assert!(out.starts_with("-:3:5: SZ001 [info]"), "{out}");
    assert!(
        out.contains("3 |     apt-get install \\\n  |     ^^^^^^^^^^^^^^^^^\n"),
        "{out}"
    );
    assert!(
        out.contains("4 |       -y \\\n5 |       curl\n  |       ^^^^\n"),
        "{out}"
    );
}

#[test]
fn tty_long_lines_show_a_window_around_the_finding() {
    // A finding far into a 3,000-byte line: the frame shows a bounded window with `…` on
    // both sides and the carets still under the reported text.
    let src = format!(
        "FROM debian:12\nRUN echo {} && sudo make install && echo {}\nUSER app\n",
        "a".repeat(1_500),
        "b".repeat(1_500)
    );
    let r = stowage(&["lint", "--select", "SEC002", "-"])
        .stdin(&src)
        .run();
    let out = &r.stdout;
    let frame: Vec<&str> = out.lines().filter(|l| l.starts_with("2 |")).collect();
    assert_eq!(frame.len(), 1, "{out}");
    let line = frame[0];
    assert!(line.chars().count() < 320, "{line}");
    assert!(line.starts_with("2 | …") && line.ends_with('…'), "{line}");
    let carets = out
        .lines()
        .skip_while(|l| !l.starts_with("2 |"))
        .nth(1)
        .unwrap_or_default();
    let at = carets.find('^').unwrap_or(0);
    let under: String = line
        .chars()
        .skip(carets[..at].chars().count())
        .take(4)
        .collect();
    assert_eq!(under, "sudo", "{out}");
}

#[test]
fn statistics() {
    let dir = tree(&[("a/Dockerfile", MIXED), ("b/Dockerfile", MIXED), PINNED]);
    let r = stowage(&["lint", "--statistics"]).cwd(dir.path()).run();
    assert!(r.stdout.contains("2  SZ001"), "{}", r.stdout);
    let r = stowage(&["lint", "--statistics", "--format", "json"])
        .cwd(dir.path())
        .run();
    let v = r.json();
    let sz = v
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["code"] == "SZ001")
        .unwrap();
    assert_eq!(sz["count"], 2);
    assert_eq!(sz["fixable"], 2);
}

// ---------- fix / diff ----------

#[cfg(unix)]
#[test]
fn fix_writes_atomically_and_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tree(&[("Dockerfile", MIXED), PINNED]);
    let path = dir.path().join("Dockerfile");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let r = stowage(&["lint", "--fix", "--format", "json"])
        .cwd(dir.path())
        .run();
    assert!(
        r.stderr
            .contains("Fixed 2 problems (COR001×1, SZ001×1), 1 remaining"),
        "{}",
        r.stderr
    );
    assert_eq!(
        codes(&r.json()),
        ["SEC001"],
        "the report lists what remains"
    );
    assert_eq!(r.code, 1);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(fixed.contains("--no-install-recommends"), "{fixed}");
    assert!(!fixed.contains("MAINTAINER"));
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "Dockerfile" && n != "stowage.toml" && n != ".git")
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    // A second run has nothing left to fix.
    let r = stowage(&["lint", "--fix"]).cwd(dir.path()).run();
    assert!(r.stderr.contains("Fixed 0 problems"), "{}", r.stderr);
}

#[test]
fn diff_changes_nothing_and_exits_1() {
    let dir = tree(&[("Dockerfile", MIXED)]);
    let r = stowage(&["lint", "--diff"]).cwd(dir.path()).run();
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.starts_with("--- a/Dockerfile\n+++ b/Dockerfile\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("+RUN apt-get install --no-install-recommends -y curl"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("-MAINTAINER me"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("Dockerfile")).unwrap(),
        MIXED
    );
    let clean = tree(&[("Dockerfile", "FROM debian:12\nUSER app\n")]);
    let r = stowage(&["lint", "--diff"]).cwd(clean.path()).run();
    assert_eq!(r.code, 0);
    assert!(r.stdout.is_empty());
}

#[test]
fn fix_stdin_prints_fixed_text() {
    let r = stowage(&["lint", "--fix", "-"]).stdin(MIXED).run();
    assert!(r.stdout.starts_with("FROM debian:12\n"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("apt-get install --no-install-recommends -y curl")
    );
    assert!(r.stderr.contains("Fixed 2 problems"));
}

// ---------- rules, explain ----------

#[test]
fn rules_json_contract() {
    let r = stowage(&["rules", "--format", "json"]).run();
    assert_eq!(r.code, 0);
    let v = r.json();
    let rules = v.as_array().unwrap();
    assert!(rules.len() >= 10);
    for rule in rules {
        for key in [
            "id",
            "name",
            "family",
            "severity",
            "default_enabled",
            "fixable",
            "summary",
            "aliases",
            "docs",
        ] {
            assert!(rule.get(key).is_some(), "missing {key}: {rule}");
        }
        assert!(rule["aliases"].is_array());
        assert!(rule["default_enabled"].is_boolean() && rule["fixable"].is_boolean());
    }
    let sz = rules.iter().find(|r| r["id"] == "SZ001").unwrap();
    assert_eq!(sz["family"], "size");
    assert_eq!(sz["fixable"], true);
    assert!(
        sz["aliases"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("DL3015"))
    );
    let text = stowage(&["rules"]).run().stdout;
    assert!(text.starts_with("CODE "));
    assert!(
        text.lines()
            .any(|l| l.starts_with("SZ001 ") && l.contains("apt-install-recommends"))
    );
}

#[test]
fn explain_by_code_name_alias_and_unknown() {
    for sel in ["SZ001", "sz001", "apt-install-recommends", "DL3015"] {
        let r = stowage(&["explain", sel]).run();
        assert_eq!(r.code, 0, "{sel}");
        assert!(
            r.stdout.starts_with("# SZ001 `apt-install-recommends`"),
            "{}",
            r.stdout
        );
    }
    let r = stowage(&["explain", "apt-instal-recommends"]).run();
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("did you mean `apt-install-recommends`"),
        "{}",
        r.stderr
    );
}

#[test]
fn generate_docs_and_check() {
    let dir = tree(&[]);
    let check = || {
        stowage(&["generate-docs", "--check", "--dir", "out"])
            .cwd(dir.path())
            .run()
    };
    assert_eq!(check().code, 1, "missing pages are drift");
    let r = stowage(&["generate-docs", "--dir", "out"])
        .cwd(dir.path())
        .run();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(dir.path().join("out/README.md").is_file());
    assert!(
        dir.path()
            .join("out/SZ001-apt-install-recommends.md")
            .is_file()
    );
    assert_eq!(check().code, 0);
    std::fs::write(
        dir.path().join("out/SZ001-apt-install-recommends.md"),
        "edited",
    )
    .unwrap();
    std::fs::write(dir.path().join("out/ZZ999-gone.md"), "old").unwrap();
    let r = check();
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("changed") && r.stderr.contains("stale"),
        "{}",
        r.stderr
    );
    let help = stowage(&["--help"]).run().stdout;
    assert!(!help.contains("generate-docs"), "hidden from help");
}

// ---------- images ----------

#[test]
fn lint_detects_image_json_by_name_and_content() {
    let config = fixtures().join("image-config.json");
    let r = stowage(&["lint", "--format", "json", config.to_str().unwrap()]).run();
    assert_eq!(r.code, 1, "{}", r.stderr);
    let c = codes(&r.json());
    assert!(c.contains(&"IMG002".to_owned()), "{c:?}");
    // Rules on the rebuilt history report on the `created_by` strings.
    assert!(c.contains(&"SZ001".to_owned()), "{c:?}");
    // Standard input starting with `{` is image JSON too.
    let text = std::fs::read_to_string(&config).unwrap();
    let r = stowage(&["lint", "--format", "json", "-"])
        .stdin(&text)
        .run();
    assert!(codes(&r.json()).contains(&"IMG002".to_owned()));
    // --kind dockerfile forces the Dockerfile parser.
    let r = stowage(&["lint", "--format", "json", "--kind", "dockerfile", "-"])
        .stdin(&text)
        .run();
    assert!(
        codes(&r.json()).iter().any(|c| c.starts_with("SYN")),
        "{}",
        r.stdout
    );
    // --kind image forces the image analyser whatever the name.
    let r = stowage(&["lint", "--format", "json", "--kind", "image", "-"])
        .stdin(APT)
        .run();
    assert!(
        codes(&r.json()).contains(&"IMG001".to_owned()),
        "{}",
        r.stdout
    );
}

#[test]
fn image_report_maps_layers_to_dockerfile_lines() {
    let f = |n: &str| fixtures().join(n).to_string_lossy().into_owned();
    let (m, c, d) = (
        f("image-manifest.json"),
        f("image-config.json"),
        f("image.Dockerfile"),
    );
    let r = stowage(&[
        "image",
        "report",
        &m,
        "--image-config",
        &c,
        "--dockerfile",
        &d,
        "--format",
        "json",
    ])
    .run();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = r.json();
    assert_eq!(v["total_bytes"], 93_000_000);
    let big = &v["layers"][0];
    assert_eq!(big["size"], 90_000_000);
    assert_eq!(big["dockerfile_line"], 2);
    let r = stowage(&[
        "image",
        "report",
        &m,
        "--image-config",
        &c,
        "--dockerfile",
        &d,
    ])
    .run();
    assert!(r.stdout.contains("90.0 MB"), "{}", r.stdout);
    let r = stowage(&["image", "report", "missing.json"]).run();
    assert_eq!(r.code, 2);
}

#[test]
fn rules_lists_the_configured_custom_rules() {
    let dir = tree(&[(
        "stowage.toml",
        "[[custom-rules]]\nid = \"ACME001\"\nname = \"no-internal-mirror\"\nmessage = \"do not download from the internal mirror\"\npattern = \"mirror\\\\.internal\"\n",
    )]);
    let r = stowage(&["rules", "--format", "json"])
        .cwd(dir.path())
        .run();
    assert_eq!(r.code, 0);
    let v = r.json();
    let last = v.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["id"], "ACME001");
    assert_eq!(last["name"], "no-internal-mirror");
    assert_eq!(last["custom"], true);
    let text = stowage(&["rules"]).cwd(dir.path()).run();
    assert!(
        text.stdout.contains("ACME001  no-internal-mirror"),
        "{}",
        text.stdout
    );
}
