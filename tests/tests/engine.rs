//! Engine behaviour across rules: selection by code, name, family and alias; severity overrides;
//! suppressions in Stowage's and the other tools' syntaxes.

use stowage_core::{Config, Linter, Severity};

fn codes(config: Config, src: &str) -> Vec<&'static str> {
    let mut c: Vec<_> = Linter::new(config)
        .expect("config")
        .lint_dockerfile(src)
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect();
    c.dedup();
    c
}

fn select(list: &[&str]) -> Config {
    Config {
        select: Some(list.iter().map(|s| (*s).to_owned()).collect()),
        ..Config::default()
    }
}

#[test]
fn an_alias_selects_every_rule_that_carries_it() {
    let src = "FROM node\nFROM python:latest\n";
    let got = codes(select(&["DS-0001"]), src);
    assert_eq!(got, ["REP001", "REP002"]);
}

#[test]
fn family_and_name_selectors() {
    let src = "FROM debian:12\nMAINTAINER me\nRUN apt-get install -y curl\n";
    assert!(
        codes(select(&["size"]), src)
            .iter()
            .all(|c| c.starts_with("SZ"))
    );
    assert_eq!(codes(select(&["maintainer-deprecated"]), src), ["COR001"]);
    let ignore = Config {
        ignore: vec!["correctness".into(), "DL3015".into()],
        ..Config::default()
    };
    let got = codes(ignore, src);
    assert!(
        !got.contains(&"COR001") && !got.contains(&"SZ001"),
        "{got:?}"
    );
}

#[test]
fn severity_override_by_alias() {
    let mut config = select(&["COR001"]);
    config.severity.insert("DL4000".into(), Severity::Error);
    let result = Linter::new(config)
        .expect("config")
        .lint_dockerfile("FROM a:1\nMAINTAINER me\n");
    assert_eq!(result.diagnostics[0].severity, Severity::Error);
}

#[test]
fn suppressions_in_every_syntax() {
    let base = "FROM debian:12\n{}RUN apt-get install -y curl\n";
    let lint = |comment: &str| codes(select(&["SZ001"]), &base.replace("{}", comment));
    assert_eq!(lint(""), ["SZ001"]);
    assert!(lint("# stowage ignore=SZ001 -- we want recommends\n").is_empty());
    assert!(lint("# stowage ignore=apt-install-recommends\n").is_empty());
    assert!(lint("# hadolint ignore=DL3015\n").is_empty());
    assert!(lint("# checkov:skip=DS-0029:reason\n").is_empty());
    // File-level forms.
    assert!(
        codes(
            select(&["SZ001"]),
            "# hadolint global ignore=DL3015\nFROM debian:12\nRUN apt-get install -y curl\n"
        )
        .is_empty()
    );
    assert!(
        codes(
            select(&["COR001"]),
            "# check=skip=MaintainerDeprecated\nFROM a:1\nMAINTAINER me\n"
        )
        .is_empty()
    );
    // A suppression covers only the next instruction.
    let two = "FROM debian:12\n# stowage ignore=SZ001\nRUN apt-get install -y curl\nRUN apt-get install -y git\n";
    assert_eq!(codes(select(&["SZ001"]), two), ["SZ001"]);
}

#[test]
fn unknown_selector_is_a_config_error_with_suggestion() {
    let err =
        Config::from_toml("select = [\"apt-install-recomends\"]\n").expect_err("unknown rule");
    assert!(
        err.help
            .as_deref()
            .unwrap_or("")
            .contains("apt-install-recommends"),
        "{err:?}"
    );
    assert!(err.span.is_some());
    let err = Config::from_toml("selct = [\"SZ001\"]\n").expect_err("unknown key");
    assert!(
        err.help.as_deref().unwrap_or("").contains("select"),
        "{err:?}"
    );
}
