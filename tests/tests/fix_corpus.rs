//! Fix round-trip over the real corpus (`../shared/corpus/dockerfiles/real`): every file is
//! fixed with every rule selected and unsafe fixes on, then
//! (a) the fixed text has no more parse errors than the original,
//! (b) a second fix pass changes nothing (fixed point),
//! (c) no finding that offers an applicable fix is left (the fixed rules no longer fire),
//! (d) BuildKit's own parser (the `dockerfile` PyPI package) accepts every fixed file whose
//!     original it accepted (skipped with a message when Python or the package is missing),
//! and the CLI (`stowage lint --fix`) produces the same text on a temporary copy of a few files.
//! Also: fixes on the same word never overlap, and the JSON edits carry lines and columns.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use stowage_core::fix::{Edit, Fix, apply_fixes};
use stowage_core::text::TextRange;
use stowage_core::{Config, Inputs, Linter, syntax};

/// Rules whose fixes may legitimately leave a finding of the same rule behind. Empty: every
/// fix so far removes what it was offered for.
const EXCEPTIONS: &[&str] = &[];

fn corpus_files() -> Option<Vec<PathBuf>> {
    let dir = stowage_tests::corpus_dir()?.join("dockerfiles/real");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    Some(files)
}

fn linter_all() -> Linter {
    let config = Config {
        select: Some(vec!["all".to_owned()]),
        ..Config::default()
    };
    Linter::new(config).expect("valid config")
}

/// A build context with no `.dockerignore`, as in the temporary copies the CLI fixes.
fn inputs() -> Inputs {
    Inputs {
        dockerignore_checked: true,
        ..Inputs::default()
    }
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stowage-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

struct Fixed {
    name: String,
    original: String,
    output: String,
}

#[test]
fn corpus_fix_round_trip() {
    let Some(files) = corpus_files() else {
        eprintln!("fix_corpus: ../shared/corpus/dockerfiles/real not found, skipped");
        return;
    };
    round_trip("corpus", &files);
}

/// The same round trip with every rule on, over the rule fixtures: they trigger the fixes the
/// real corpus rarely needs (yum clean, useradd -l, casing, …) and their interactions.
#[test]
fn rule_fixtures_fix_round_trip() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules");
    let mut files = Vec::new();
    for family in std::fs::read_dir(&root)
        .expect("fixtures")
        .filter_map(Result::ok)
    {
        if let Ok(entries) = std::fs::read_dir(family.path()) {
            files.extend(
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "Dockerfile")),
            );
        }
    }
    files.sort();
    round_trip("rule-fixtures", &files);
}

fn round_trip(label: &str, files: &[PathBuf]) {
    let linter = linter_all();
    let inputs = inputs();
    let mut problems = Vec::new();
    let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
    let mut fixed_files = Vec::new();
    let mut stopped = 0usize;
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let Ok(src) = String::from_utf8(bytes) else {
            continue;
        };
        let result = linter.fix(&src, &inputs, true);
        for (code, _) in &result.applied {
            *per_rule.entry(code).or_insert(0) += 1;
        }
        if result.stopped_on_error {
            stopped += 1;
            problems.push(format!(
                "{name}: a fix round would have added parse errors (rolled back)"
            ));
        }
        // (a) no new parse errors.
        let before = syntax::parse(&src).errors.len();
        let after = syntax::parse(&result.output).errors.len();
        if after > before {
            problems.push(format!("{name}: parse errors {before} -> {after}"));
        }
        // (b) fixed point.
        let again = linter.fix(&result.output, &inputs, true);
        if again.output != result.output {
            problems.push(format!(
                "{name}: a second pass still changes the file: {:?}",
                again.applied
            ));
        }
        // (c) nothing fixable is left.
        for d in &result.remaining {
            if d.fix
                .as_ref()
                .is_some_and(|f| stowage_core::fix::is_applicable(f, true))
                && !EXCEPTIONS.contains(&d.code)
            {
                let line = result.output[..d.range.start_usize().min(result.output.len())]
                    .matches('\n')
                    .count()
                    + 1;
                problems.push(format!(
                    "{name}:{line}: {} still fires after fixing: {}",
                    d.code, d.message
                ));
            }
        }
        if result.output != src {
            fixed_files.push(Fixed {
                name,
                original: src,
                output: result.output,
            });
        }
    }
    let total: usize = per_rule.values().sum();
    eprintln!(
        "fix_corpus [{label}]: {} files, {} changed, {total} fixes applied, {stopped} stopped on a parse error",
        files.len(),
        fixed_files.len()
    );
    for (code, n) in &per_rule {
        eprintln!("  {code:<7} {n:>5}");
    }
    // (d) BuildKit accepts every fixed file whose original it accepted.
    problems.extend(buildkit_check(label, &fixed_files));
    assert!(
        problems.is_empty(),
        "[{label}] {} fix round-trip problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Runs `tests/scripts/buildkit_parse.py` once over the originals and the fixed files.
fn buildkit_check(label: &str, fixed: &[Fixed]) -> Vec<String> {
    let python_ok = Command::new("python3")
        .args(["-c", "import dockerfile"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !python_ok {
        let installed = Command::new("python3")
            .args(["-m", "pip", "install", "--quiet", "dockerfile"])
            .output()
            .is_ok_and(|o| o.status.success());
        if !installed {
            eprintln!(
                "fix_corpus: python3 with the `dockerfile` package (BuildKit's parser) is not available, BuildKit check skipped"
            );
            return Vec::new();
        }
    }
    let root = scratch_dir(&format!("fix-{label}"));
    let (orig, out) = (root.join("original"), root.join("fixed"));
    for d in [&orig, &out] {
        std::fs::create_dir_all(d).expect("temp dir");
    }
    for f in fixed {
        std::fs::write(orig.join(&f.name), &f.original).expect("write");
        std::fs::write(out.join(&f.name), &f.output).expect("write");
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/buildkit_parse.py");
    let output = Command::new("python3")
        .arg(&script)
        .arg(&orig)
        .arg(&out)
        .output()
        .expect("run python3");
    let _ = std::fs::remove_dir_all(&root);
    if !output.status.success() {
        eprintln!(
            "fix_corpus: BuildKit check skipped: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
        return Vec::new();
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut verdict: BTreeMap<(String, String), Option<String>> = BTreeMap::new();
    for line in text.lines() {
        let mut parts = line.splitn(3, ' ');
        let (Some(status), Some(file)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Some((tag, name)) = file.split_once('/') else {
            continue;
        };
        let message = (status != "ok").then(|| parts.next().unwrap_or("").to_owned());
        verdict.insert((tag.to_owned(), name.to_owned()), message);
    }
    let mut problems = Vec::new();
    let (mut accepted, mut still) = (0usize, 0usize);
    for f in fixed {
        let before = verdict.get(&("original".to_owned(), f.name.clone()));
        let after = verdict.get(&("fixed".to_owned(), f.name.clone()));
        if matches!(before, Some(None)) {
            accepted += 1;
            match after {
                Some(None) => still += 1,
                Some(Some(msg)) => problems.push(format!(
                    "{}: BuildKit rejects the fixed file: {msg}",
                    f.name
                )),
                None => problems.push(format!("{}: BuildKit check gave no verdict", f.name)),
            }
        }
    }
    eprintln!(
        "fix_corpus [{label}]: BuildKit accepted {accepted} of {} changed originals; {still} still accepted after fixing",
        fixed.len()
    );
    problems
}

/// The CLI path: `stowage lint --fix --unsafe-fixes --select all --isolated` on a temporary
/// copy of a few corpus files gives exactly the text the core produces.
#[test]
fn cli_fix_matches_core_on_a_temp_copy() {
    let Some(files) = corpus_files() else {
        eprintln!("fix_corpus: corpus not found, skipped");
        return;
    };
    // The binary is built beside this test's executable (target/debug/stowage).
    let exe = std::env::current_exe().ok().and_then(|p| {
        p.parent()
            .and_then(Path::parent)
            .map(|d| d.join(format!("stowage{}", std::env::consts::EXE_SUFFIX)))
    });
    let Some(exe) = exe.filter(|p| p.is_file()) else {
        eprintln!(
            "fix_corpus: the stowage binary is not built (cargo build -p stowage), CLI check skipped"
        );
        return;
    };
    let linter = linter_all();
    let dir = scratch_dir("fix-cli");
    let picked: Vec<&PathBuf> = files.iter().step_by((files.len() / 8).max(1)).collect();
    let mut expected = Vec::new();
    for (i, path) in picked.iter().enumerate() {
        let Ok(src) = std::fs::read_to_string(path) else {
            continue;
        };
        let sub = dir.join(format!("f{i}"));
        std::fs::create_dir_all(&sub).expect("dir");
        let target = sub.join("Dockerfile");
        std::fs::write(&target, &src).expect("write");
        expected.push((target, linter.fix(&src, &inputs(), true).output));
    }
    let status = Command::new(&exe)
        .args([
            "lint",
            "--fix",
            "--unsafe-fixes",
            "--select",
            "all",
            "--isolated",
            "--format",
            "json",
        ])
        .args(expected.iter().map(|(p, _)| p))
        .output()
        .expect("run stowage");
    assert!(
        status.status.code().is_some_and(|c| c < 2),
        "stowage lint --fix failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    for (path, want) in &expected {
        let got = std::fs::read_to_string(path).expect("read back");
        assert_eq!(&got, want, "{}: CLI and core fixes differ", path.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Two fixes of the same word: only the first is applied in a round; the next round sees the
/// new text. With two real rules (instruction casing and MAINTAINER → LABEL) on one keyword,
/// the result converges and parses.
#[test]
fn overlapping_fixes_are_never_applied_together() {
    let src = "FROM alpine\nmaintainer me\n";
    let kw = TextRange::new(12, 22);
    assert_eq!(kw.slice(src), "maintainer");
    let upper = Fix::safe("upper", vec![Edit::replace(kw, "MAINTAINER")]);
    let label = Fix::safe(
        "label",
        vec![Edit::replace(TextRange::new(12, 25), "LABEL x=me")],
    );
    let (out, n) = apply_fixes(src, [&upper, &label]);
    assert_eq!(n, 1, "overlapping fixes must not both apply: {out:?}");
    assert!(out == "FROM alpine\nMAINTAINER me\n" || out == "FROM alpine\nLABEL x=me\n");

    let config = Config {
        select: Some(vec!["STY004".to_owned(), "COR001".to_owned()]),
        ..Config::default()
    };
    let linter = Linter::new(config).expect("config");
    let first = linter.lint_dockerfile(src);
    let fixes: Vec<_> = first
        .diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .collect();
    assert_eq!(fixes.len(), 2, "both rules offer a fix on the same word");
    let result = linter.fix(src, &Inputs::default(), true);
    assert_eq!(
        result.output,
        "FROM alpine\nLABEL org.opencontainers.image.authors=\"me\"\n"
    );
    assert_eq!(
        linter.fix(&result.output, &Inputs::default(), true).output,
        result.output
    );
    assert!(syntax::parse(&result.output).errors.is_empty());
}

/// Words of a script nested in an unescaped `sh -c "…\"…"` string all map to the whole
/// string; fixes anchored on them must not be offered (they used to append flags after the
/// string forever, or replace the whole string with `apt-get`).
#[test]
fn fixes_inside_unescaped_sh_c_strings_are_not_offered() {
    let src = concat!(
        "FROM debian:12\n",
        "RUN sh -c \"echo \\\"x\\\" && apt-get install curl && apt install jq && pip install flask",
        " && useradd -u 1000000 bob && gem install rails && wget http://e.com/a && yum install q",
        " && dnf install r && zypper install s && cargo install ripgrep\"\n",
        "FROM alpine:3\n",
        "RUN sh -c \"echo \\\"x\\\" && apk add curl\"\n",
    );
    let result = linter_all().fix(src, &inputs(), true);
    assert_eq!(result.output, src, "applied: {:?}", result.applied);
}

/// The optimizer on every corpus file: never panics, every suggestion has a range inside the
/// file, a method and a title; prints how often each kind of advice is given.
#[test]
fn optimizer_runs_on_the_corpus() {
    let Some(files) = corpus_files() else {
        eprintln!("fix_corpus: corpus not found, skipped");
        return;
    };
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for path in &files {
        let Ok(src) = std::fs::read_to_string(path) else {
            continue;
        };
        let report = stowage_core::optimize::optimize(&src, &inputs());
        for s in &report.suggestions {
            assert!(
                s.range.end_usize() <= src.len()
                    && !s.title.is_empty()
                    && !s.saving.method.is_empty(),
                "{}: bad suggestion {s:?}",
                path.display()
            );
            *kinds.entry(s.kind.as_str()).or_insert(0) += 1;
        }
        let _ = report.render_text();
    }
    eprintln!("optimizer over {} corpus files: {kinds:?}", files.len());
}
