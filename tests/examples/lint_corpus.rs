//! Lints the real corpus `N` times with the rules given on the command line (none: defaults;
//! `none`: no rule). `STOWAGE_FILE=path` lints that one file instead of the corpus.
//! For profilers: `perf record target/release/examples/lint_corpus 5 SEC004`.
use stowage_core::{Config, Linter};

#[expect(clippy::print_stdout, reason = "prints the finding count")]
fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let select: Vec<String> = args.collect();
    let linter = if select.is_empty() {
        Linter::default()
    } else if select == ["none"] {
        Linter::new(Config {
            select: Some(Vec::new()),
            ..Config::default()
        })
        .expect("config")
    } else {
        Linter::new(Config {
            select: Some(select),
            ..Config::default()
        })
        .expect("config")
    };
    let files: Vec<String> = if let Some(one) = std::env::var_os("STOWAGE_FILE") {
        vec![std::fs::read_to_string(one).expect("STOWAGE_FILE")]
    } else {
        stowage_tests::corpus_dockerfiles()
    };
    let mut n = 0;
    for _ in 0..rounds {
        n += files
            .iter()
            .map(|f| linter.lint_dockerfile(f).diagnostics.len())
            .sum::<usize>();
    }
    println!("{n}");
}
