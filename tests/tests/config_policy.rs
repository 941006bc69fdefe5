//! Policy engine: real configuration files under `fixtures/config/` (custom rules, overrides,
//! presets, hadolint YAML, and every kind of bad configuration with its position).

use std::path::PathBuf;

use stowage_core::config::{HadolintConfig, HadolintEnv, PRESETS, preset};
use stowage_core::{Config, Linter, Severity};

fn fixture(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/config")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

fn codes(linter: &Linter, src: &str) -> Vec<(&'static str, Severity)> {
    linter
        .lint_dockerfile(src)
        .diagnostics
        .iter()
        .map(|d| (d.code, d.severity))
        .collect()
}

#[test]
fn custom_rules_behave_like_builtin_rules() {
    let config = Config::from_toml(&fixture("custom.toml")).expect("valid");
    let src = fixture("custom.Dockerfile");
    let linter = Linter::new(config.clone()).expect("linter");
    let found = codes(&linter, &src);
    // ACME001 on line 2 only: line 4 is suppressed by `# stowage ignore=ACME001`.
    assert_eq!(
        found.iter().filter(|(c, _)| *c == "ACME001").count(),
        1,
        "{found:?}"
    );
    assert!(found.contains(&("ACME001", Severity::Error)));
    assert!(found.contains(&("ACME002", Severity::Warning)));
    // The suppression is known, so neither "unknown" nor "unused".
    assert!(
        !found.iter().any(|(c, _)| *c == "STY001" || *c == "STY002"),
        "{found:?}"
    );
    // Selectable by id and by name; `ignore` in an override turns it off for ci/**.
    let ci = Linter::new(config.for_path("ci/build/Dockerfile")).expect("linter");
    assert!(!codes(&ci, &src).iter().any(|(c, _)| *c == "ACME001"));
    let mut only = config.clone();
    only.select = Some(vec!["no-curl-insecure".into()]);
    let only = Linter::new(only).expect("linter");
    assert!(codes(&only, &src).iter().all(|(c, _)| *c == "ACME001"));
    // Severity override by id.
    let mut sev = config;
    sev.severity.insert("ACME002".into(), Severity::Error);
    let sev = Linter::new(sev).expect("linter");
    assert!(codes(&sev, &src).contains(&("ACME002", Severity::Error)));
    // The fix replaces the match.
    let fixed = linter.fix(&src, &stowage_core::Inputs::default(), true);
    assert!(
        fixed
            .output
            .starts_with("FROM mirror.acme.internal/library/alpine:3.20\n"),
        "{}",
        fixed.output
    );
}

#[test]
fn suppressing_a_custom_rule_that_finds_nothing_is_unused_not_unknown() {
    let config = Config::from_toml(&fixture("custom.toml")).expect("valid");
    let linter = Linter::new(config.clone()).expect("linter");
    // Nothing here matches ACME001, so its suppression is unused (STY002); before, it was
    // reported as an unknown code (STY001) whenever the custom rule found nothing in the file.
    let src = "FROM alpine:3.20\n# stowage ignore=ACME001\nRUN echo hi\n";
    let found = codes(&linter, src);
    assert!(found.iter().any(|(c, _)| *c == "STY002"), "{found:?}");
    assert!(!found.iter().any(|(c, _)| *c == "STY001"), "{found:?}");
    // The same for a custom rule that is turned off: it is still a known name.
    let mut off = config;
    off.ignore.push("ACME001".into());
    let found = codes(&Linter::new(off).expect("linter"), src);
    assert!(!found.iter().any(|(c, _)| *c == "STY001"), "{found:?}");
}

#[test]
fn presets_resolve_and_hadolint_preset_matches_hadolint() {
    for p in PRESETS {
        let c = Config {
            extends: vec![p.name.into()],
            ..Config::default()
        };
        Linter::new(c).unwrap_or_else(|e| panic!("{}: {e}", p.name));
    }
    let h = Linter::new(Config {
        extends: vec!["hadolint".into()],
        ..Config::default()
    })
    .expect("hadolint");
    // DL3008 (REP011) is on in hadolint, off in Stowage by default; DL3003 is a warning there.
    let src = "FROM debian:12\nRUN cd /tmp && apt-get install -y --no-install-recommends curl\n";
    let found = codes(&h, src);
    assert!(found.contains(&("REP011", Severity::Warning)), "{found:?}");
    assert!(found.contains(&("COR026", Severity::Warning)), "{found:?}");
    // Rules hadolint does not have stay off (SEC009 curl|sh has no DL code).
    let found = codes(&h, "FROM alpine:3.20\nRUN curl -fsSL https://x | sh\n");
    assert!(!found.iter().any(|(c, _)| *c == "SEC009"), "{found:?}");
    // A user severity beats the preset's whatever the key form (code vs alias).
    let c = Config::from_toml("extends = \"hadolint\"\n[severity]\nCOR026 = \"error\"\n")
        .expect("toml");
    let l = Linter::new(c).expect("linter");
    assert!(
        codes(&l, "FROM debian:12\nRUN cd /tmp && true\n").contains(&("COR026", Severity::Error))
    );
    assert!(preset("security").is_some() && preset("nope").is_none());
    let e = Linter::new(Config {
        extends: vec!["strikt".into()],
        ..Config::default()
    })
    .expect_err("bad preset");
    assert_eq!(e.help.as_deref(), Some("did you mean `strict`?"));
}

#[test]
fn policy_switches_promote_rules() {
    let c = Config::from_toml("[policy]\nrequire-non-root = true\nrequire-healthcheck = true\n")
        .expect("toml");
    let l = Linter::new(c).expect("linter");
    let found = codes(&l, "FROM alpine:3.20\nCMD [\"sh\"]\n");
    assert!(found.contains(&("SEC001", Severity::Error)), "{found:?}");
    assert!(found.contains(&("REP022", Severity::Error)), "{found:?}");
    // An explicit ignore of the code still wins.
    let c =
        Config::from_toml("ignore = [\"POL001\"]\n[policy]\ntrusted-registries = [\"ghcr.io\"]\n")
            .expect("toml");
    let l = Linter::new(c).expect("linter");
    assert!(
        codes(&l, "FROM alpine:3.20\n")
            .iter()
            .all(|(c, _)| *c != "POL001")
    );
}

#[test]
fn hadolint_config_with_every_key() {
    let h = HadolintConfig::from_yaml(&fixture("hadolint.yaml")).expect("yaml");
    let (config, notes) = h.to_config();
    assert!(notes.iter().any(|n| n.contains("SC2086")), "{notes:?}");
    assert_eq!(config.failure_threshold, Some(Severity::Warning));
    assert_eq!(config.inline_suppressions, Some(false));
    let linter = Linter::new(config).expect("linter");
    let src = "FROM quay.io/x/y:1\n# hadolint ignore=DL3001\nRUN ps aux && apt-get install -y --no-install-recommends curl\nLABEL org.opencontainers.image.version=v1 extra=1\n";
    let found = codes(&linter, src);
    assert!(
        found.contains(&("POL001", Severity::Error)),
        "trustedRegistries: {found:?}"
    );
    assert!(
        found.contains(&("SEC032", Severity::Error)),
        "override error + disable-ignore-pragma: {found:?}"
    );
    assert!(
        !found.iter().any(|(c, _)| *c == "REP011"),
        "ignored DL3008: {found:?}"
    );
    assert!(
        found.contains(&("POL005", Severity::Warning)),
        "label-schema: {found:?}"
    );
    assert!(
        found.contains(&("POL006", Severity::Info)),
        "strict-labels: {found:?}"
    );
    assert!(
        found.contains(&("POL004", Severity::Info)) || found.iter().all(|(c, _)| *c != "POL004")
    );
    // no-fail and failure-threshold: none.
    let (c, _) = HadolintConfig::from_yaml("failure-threshold: none\n")
        .expect("yaml")
        .to_config();
    assert_eq!(c.no_fail, Some(true));
    let (c, _) = HadolintConfig::from_yaml("no-fail: true\n")
        .expect("yaml")
        .to_config();
    assert_eq!(c.no_fail, Some(true));
}

#[test]
fn hadolint_env_merges_like_hadolint() {
    let env = HadolintEnv::parse([
        ("HADOLINT_IGNORE", "DL3006,DL3007"),
        ("HADOLINT_FAILURE_THRESHOLD", "error"),
        ("HADOLINT_TRUSTED_REGISTRIES", "ghcr.io"),
        ("HADOLINT_REQUIRE_LABELS", "maintainer:email"),
        ("HADOLINT_OVERRIDE_STYLE", "DL3015"),
        ("HADOLINT_NOFAIL", "1"),
    ])
    .expect("env");
    let file = HadolintConfig::from_yaml(
        "ignored: [DL3008]\nfailure-threshold: info\ntrustedRegistries: docker.io\n",
    )
    .expect("yaml");
    let m = HadolintConfig::merge(env, file);
    assert_eq!(
        m.ignored,
        ["DL3006", "DL3007", "DL3008"],
        "lists are unioned"
    );
    assert_eq!(m.trusted_registries, ["ghcr.io", "docker.io"]);
    assert_eq!(
        m.failure_threshold.as_deref(),
        Some("info"),
        "the file's scalar wins"
    );
    assert_eq!(m.no_fail, Some(true));
    assert_eq!(m.overrides[&Severity::Style], ["DL3015"]);
    assert!(m.label_schema.contains_key("maintainer"));
    assert!(HadolintEnv::parse([("HADOLINT_FAILURE_THRESHOLD", "loud")]).is_err());
}

/// Every kind of bad configuration names the offending text's line and column.
#[test]
fn bad_configuration_is_positioned() {
    let cases = [
        (
            "bad_unknown_key.toml",
            (1, 1),
            Some("did you mean `select`?"),
        ),
        ("bad_type.toml", (1, 10), None),
        ("bad_glob.toml", (2, 10), None),
        ("bad_regex.toml", (4, 11), None),
        ("bad_code.toml", (1, 11), Some("did you mean `SEC001`?")),
        (
            "bad_policy_key.toml",
            (2, 1),
            Some("did you mean `trusted-registries`?"),
        ),
        (
            "bad_rule_option.toml",
            (3, 1),
            Some("did you mean `max-bytes`?"),
        ),
        ("bad_rule_option_type.toml", (2, 29), None),
        (
            "bad_rule_without_options.toml",
            (5, 1),
            Some("SEC001 has no options; remove this key"),
        ),
    ];
    for (file, pos, help) in cases {
        let text = fixture(file);
        let e = Config::from_toml(&text).expect_err(file);
        let (start, _) = e.span.unwrap_or_else(|| panic!("{file}: no span: {e:?}"));
        assert_eq!(line_col(&text, start), pos, "{file}: {e:?}");
        if let Some(h) = help {
            assert_eq!(e.help.as_deref(), Some(h), "{file}");
        }
    }
    // The messages say which rule and what was expected.
    let e = Config::from_toml(&fixture("bad_rule_option.toml")).expect_err("option");
    assert_eq!(
        e.message,
        "`max-byte` is not an option of IMG008 (image-size-budget)"
    );
    assert_eq!(e.key.as_deref(), Some("rules.image-size-budget.max-byte"));
    let e = Config::from_toml(&fixture("bad_rule_option_type.toml")).expect_err("type");
    assert_eq!(e.message, "invalid type: integer `64`, expected a string");
    let e =
        Config::from_toml("[rules.image-large-layer]\nmax-share = \"half\"\n").expect_err("type");
    assert_eq!(
        e.message,
        "invalid type: string \"half\", expected a number"
    );
    // Good options, in every accepted shape, pass (an integer is a fine number).
    Config::from_toml(
        "[rules.image-large-layer]\nmax-bytes = 1\nmax-share = 1\n[rules.IMG011]\nplatforms = []\nrequire-multi-platform = true\n[rules.secret-in-arg-env-name]\nallow = [\"A\"]\n[rules.SZ001]\n",
    )
    .expect("valid options");
    let text = fixture("bad_hadolint.yaml");
    let e = HadolintConfig::from_yaml(&text).expect_err("hadolint");
    assert_eq!(line_col(&text, e.span.expect("span").0), (3, 1));
    assert_eq!(e.help.as_deref(), Some("did you mean `trustedRegistries`?"));
    // Custom rule problems.
    for (toml, what) in [
        (
            "[[custom-rules]]\nid = \"SEC001\"\nmessage = \"x\"\npattern = \"x\"\n",
            "built-in",
        ),
        (
            "[[custom-rules]]\nid = \"acme\"\nmessage = \"x\"\npattern = \"x\"\n",
            "uppercase",
        ),
        (
            "[[custom-rules]]\nid = \"ACME001\"\nmessage = \"x\"\n",
            "exactly one",
        ),
        (
            "[[custom-rules]]\nid = \"ACME001\"\nmessage = \"x\"\ncommand = \"curl\"\ninstructions = [\"RUNN\"]\n",
            "instruction",
        ),
        (
            "[policy]\nforbidden-flags = [\"network=host\"]\n",
            "not a Dockerfile instruction",
        ),
        (
            "[[policy.base-images]]\npattern = \"python\"\ntag-pattern = \"(\"\n",
            "regex",
        ),
    ] {
        let e = Config::from_toml(toml).expect_err(what);
        assert!(e.message.contains(what), "{what}: {e:?}");
        assert!(e.span.is_some(), "{what}: no span");
    }
}

#[test]
fn merge_semantics() {
    let base = Config::from_toml("ignore = [\"SEC001\"]\nextend-select = [\"REP003\"]\n[severity]\nDL3003 = \"error\"\n[policy]\nmax-layers = 5\n").expect("base");
    let child = Config::from_toml("extend-select = [\"SEC001\"]\n[severity]\nCOR026 = \"style\"\n[policy]\nforbidden-commands = [\"sudo\"]\n").expect("child");
    let m = Config::merge(base.clone(), child);
    assert_eq!(
        m.ignore,
        Vec::<String>::new(),
        "the child's extend-select beats the base's ignore"
    );
    assert_eq!(m.extend_select, ["REP003", "SEC001"]);
    assert_eq!(m.severity.len(), 1, "COR026 replaces its alias DL3003");
    assert_eq!(m.policy.max_layers, Some(5));
    assert!(m.policy.forbidden_commands.is_some());
    let fresh = Config::merge(
        base,
        Config::from_toml("select = [\"security\"]\n").expect("child"),
    );
    assert!(
        fresh.ignore.is_empty() && fresh.extend_select.is_empty(),
        "a child select starts afresh"
    );
    // Overrides apply by glob, relative to the configuration's directory.
    let c =
        Config::from_toml("[[overrides]]\nfiles = [\"ci/**\", \"*.dev\"]\nignore = [\"SEC001\"]\n")
            .expect("toml");
    assert_eq!(c.for_path("ci/a/Dockerfile").ignore, ["SEC001"]);
    assert_eq!(c.for_path("x/Dockerfile.dev").ignore, ["SEC001"]);
    assert!(c.for_path("src/Dockerfile").ignore.is_empty());
}
