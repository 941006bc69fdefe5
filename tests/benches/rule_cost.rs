//! What each rule costs over the real corpus: the time to lint every file with only that rule
//! selected, minus the time with no rule (parse, model, suppressions). Prints the costliest
//! rules first, so a slow rule is found before it makes the editor stutter.
//! Run: `cargo bench -p stowage-tests --bench rule_cost`.

use std::time::{Duration, Instant};

use stowage_core::rules::registry;
use stowage_core::{Config, Linter};
use stowage_tests::corpus_dockerfiles as corpus;

/// The best of `rounds` passes over the corpus.
fn time(linter: &Linter, files: &[String], rounds: usize) -> Duration {
    (0..rounds)
        .map(|_| {
            let start = Instant::now();
            let n: usize = files
                .iter()
                .map(|f| linter.lint_dockerfile(f).diagnostics.len())
                .sum();
            std::hint::black_box(n);
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn linter(select: &[&str]) -> Linter {
    Linter::new(Config {
        select: Some(select.iter().map(|s| (*s).to_owned()).collect()),
        ..Config::default()
    })
    .expect("config")
}

#[expect(clippy::print_stdout, reason = "a benchmark prints its numbers")]
fn main() {
    let files = corpus();
    if files.is_empty() {
        println!("rule_cost: no corpus at ../shared/corpus; nothing measured");
        return;
    }
    let rounds = 5;
    let per_file = |d: Duration| d.as_secs_f64() * 1e6 / files.len() as f64;
    let base = time(&linter(&[]), &files, rounds);
    let defaults = time(&Linter::default(), &files, rounds);
    let all = time(&linter(&["all"]), &files, rounds);
    let mut costs: Vec<(f64, &str, &str)> = registry()
        .iter()
        .filter(|r| r.meta().target == stowage_core::rules::Target::Dockerfile)
        .map(|r| {
            let m = r.meta();
            let t = time(&linter(&[m.code]), &files, rounds);
            (per_file(t) - per_file(base), m.code, m.name)
        })
        .collect();
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!(
        "{} files; per file: no rules {:.1} µs, defaults {:.1} µs, all rules {:.1} µs",
        files.len(),
        per_file(base),
        per_file(defaults),
        per_file(all)
    );
    println!("costliest rules (µs per file above the no-rule baseline):");
    for (cost, code, name) in costs.iter().take(20) {
        println!("  {cost:>8.2}  {code:<7} {name}");
    }
}
