//! Rule fixtures: `fixtures/rules/<family>/<CODE>[_case].Dockerfile` is linted with only that
//! rule enabled; the findings, their fixes and the fully fixed file are compared with the
//! `.snap` file beside it (`UPDATE_SNAPSHOTS=1` rewrites them). Files named `<CODE>_ok*` must
//! produce nothing. Harness invariants: fixes converge, never add parse errors, and a rule's
//! declared fix availability is honest.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use stowage_core::rules::{FixAvailability, registry};
use stowage_core::text::{LineIndex, PositionEncoding};
use stowage_core::{Config, Inputs, Linter, syntax};

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules")
}

fn fixture_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for family in std::fs::read_dir(fixtures_dir())
        .expect("fixtures dir")
        .filter_map(Result::ok)
    {
        if let Ok(files) = std::fs::read_dir(family.path()) {
            out.extend(files.filter_map(Result::ok).map(|e| e.path()).filter(|p| {
                p.extension()
                    .is_some_and(|e| e == "Dockerfile" || e == "json")
            }));
        }
    }
    out.sort();
    out
}

fn code_of(path: &Path) -> String {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    stem.split('_').next().unwrap_or(stem).to_owned()
}

/// Linter with only `code` enabled, plus options from a sibling `.toml` if present.
fn linter_for(code: &str, path: &Path) -> Linter {
    let toml_path = path.with_extension("toml");
    let mut config = match std::fs::read_to_string(&toml_path) {
        Ok(text) => {
            Config::from_toml(&text).unwrap_or_else(|e| panic!("{}: {e}", toml_path.display()))
        }
        Err(_) => Config::default(),
    };
    config.select = Some(vec![code.to_owned()]);
    Linter::new(config).expect("valid config")
}

/// Inputs for a fixture: a sibling `<fixture>.dockerignore` becomes the build context's `.dockerignore`.
fn inputs_for(path: &Path) -> Inputs {
    let dockerignore = std::fs::read_to_string(path.with_extension("dockerignore")).ok();
    Inputs {
        dockerignore_checked: dockerignore.is_some(),
        dockerignore,
        ..Inputs::default()
    }
}

fn is_image(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "json")
}

fn render(src: &str, linter: &Linter, code: &str, path: &Path) -> (String, usize) {
    let index = LineIndex::new(src);
    let result = if is_image(path) {
        linter.lint_image(src)
    } else {
        linter.lint_bytes(src.as_bytes(), &inputs_for(path)).1
    };
    let mut out = String::new();
    let ours: Vec<_> = result
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .collect();
    for d in &ours {
        let s = index.line_col(d.range.start, src, PositionEncoding::Utf32);
        let e = index.line_col(d.range.end, src, PositionEncoding::Utf32);
        let _ = writeln!(
            out,
            "{} {} ({}) {}:{}-{}:{} {:?}: {}",
            d.code,
            d.name,
            d.severity,
            s.line + 1,
            s.col + 1,
            e.line + 1,
            e.col + 1,
            d.range.slice(src).lines().next().unwrap_or(""),
            d.message
        );
        if let Some(h) = &d.help {
            let _ = writeln!(out, "  help: {h}");
        }
        if let Some(f) = &d.fix {
            let _ = writeln!(out, "  fix [{}]: {}", f.applicability.as_str(), f.title);
        }
    }
    (out, ours.len())
}

#[test]
fn rule_fixtures_match_snapshots() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    let files = fixture_files();
    for path in &files {
        let code = code_of(path);
        assert!(
            stowage_core::rules::find(&code).is_some(),
            "{}: no rule with code {code}",
            path.display()
        );
        let bytes = std::fs::read(path).expect("fixture");
        let invalid_utf8 = std::str::from_utf8(&bytes).is_err();
        let src = stowage_core::syntax::decode(&bytes).0;
        let linter = linter_for(&code, path);
        if invalid_utf8 {
            // The decoded text is what the diagnostics refer to.
            let result = linter.lint_bytes(&bytes, &inputs_for(path)).1;
            assert!(
                result.diagnostics.iter().any(|d| d.code == code),
                "{}: fixture does not trigger {code}",
                path.display()
            );
            continue;
        }
        let (mut text, count) = render(&src, &linter, &code, path);
        let is_ok_case = path
            .file_stem()
            .and_then(|s| s.to_str())
            .is_some_and(|s| s.contains("_ok"));
        if is_ok_case {
            assert_eq!(
                count,
                0,
                "{}: an _ok fixture must not trigger {code}:\n{text}",
                path.display()
            );
            continue;
        }
        assert!(
            count > 0,
            "{}: fixture does not trigger {code}",
            path.display()
        );
        let fixed = linter.fix(&src, &inputs_for(path), true);
        if !is_image(path) && fixed.output != src {
            let _ = write!(text, "--- fixed ---\n{}", fixed.output);
            // Convergence: a second fix pass changes nothing.
            let again = linter.fix(&fixed.output, &inputs_for(path), true);
            assert_eq!(
                again.output,
                fixed.output,
                "{}: fixes do not converge",
                path.display()
            );
            assert!(
                syntax::parse(&fixed.output).errors.len() <= syntax::parse(&src).errors.len(),
                "{}: fixing added parse errors",
                path.display()
            );
        }
        let snap = path.with_extension("snap");
        if update {
            std::fs::write(&snap, &text).expect("write snapshot");
        } else {
            let expected = std::fs::read_to_string(&snap).unwrap_or_default();
            if expected != text {
                failures.push(format!(
                    "{}:\n--- expected\n{expected}--- got\n{text}",
                    path.display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} snapshot(s) differ (UPDATE_SNAPSHOTS=1 to accept):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_a_triggering_fixture() {
    let files = fixture_files();
    let missing: Vec<&str> = registry()
        .iter()
        .map(|r| r.meta())
        .filter(|m| {
            !files
                .iter()
                .any(|f| code_of(f) == m.code && !f.to_string_lossy().contains("_ok"))
        })
        .map(|m| m.code)
        .collect();
    assert!(missing.is_empty(), "rules without a fixture: {missing:?}");
}

#[test]
fn declared_fix_availability_is_honest() {
    // A rule that declares no fix never offers one; a rule that always fixes does so on every
    // finding in its fixtures.
    for path in fixture_files() {
        let code = code_of(&path);
        let Some(rule) = stowage_core::rules::find(&code) else {
            continue;
        };
        let bytes = std::fs::read(&path).expect("fixture");
        let result = linter_for(&code, &path)
            .lint_bytes(&bytes, &inputs_for(&path))
            .1;
        for d in result.diagnostics.iter().filter(|d| d.code == code) {
            match rule.meta().fix {
                FixAvailability::None => assert!(
                    d.fix.is_none(),
                    "{code} declares no fix but offered one in {}",
                    path.display()
                ),
                FixAvailability::Always => assert!(
                    d.fix.is_some(),
                    "{code} declares a fix for every finding but gave none in {}",
                    path.display()
                ),
                FixAvailability::Sometimes => {}
            }
            if let Some(f) = &d.fix {
                assert!(!f.title.is_empty(), "{code}: a fix needs a title");
            }
        }
    }
}
