//! In-process throughput over the real corpus (`../shared/corpus/dockerfiles/real`): parse,
//! parse + semantic model, lint with the default rules, and lint with every rule.
//! Run: `cargo bench -p stowage-tests --bench throughput`. Criterion prints MiB/s.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use stowage_core::model::Model;
use stowage_core::{Config, Linter, syntax};
use stowage_tests::corpus_dockerfiles as corpus;

fn bench(c: &mut Criterion) {
    let files = corpus();
    if files.is_empty() {
        return;
    }
    let bytes: usize = files.iter().map(String::len).sum();
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("parse", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|f| syntax::parse(f).items.len())
                .sum::<usize>()
        });
    });
    group.bench_function("parse+model", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|f| {
                    let df = syntax::parse(f);
                    Model::new(f, &df, None).stages.len()
                })
                .sum::<usize>()
        });
    });
    let default = Linter::default();
    group.bench_function("lint default rules", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|f| default.lint_dockerfile(f).diagnostics.len())
                .sum::<usize>()
        });
    });
    let all = Linter::new(Config {
        select: Some(vec!["all".into()]),
        ..Config::default()
    })
    .expect("config");
    group.bench_function("lint all rules", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|f| all.lint_dockerfile(f).diagnostics.len())
                .sum::<usize>()
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
