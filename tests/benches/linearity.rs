//! Linearity: each shape (100 KB or more, so caches are already cold at 1×) is linted at 1× and 10× its size with every rule enabled; the
//! ratio of the best-of-5 times should stay near 10. Prints a table; asserts nothing.
//! Run: `cargo bench -p stowage-tests --bench linearity`.

use std::time::{Duration, Instant};

use stowage_core::{Config, Inputs, Linter};

fn best_of(linter: &Linter, src: &str) -> Duration {
    (0..5)
        .map(|_| {
            let t = Instant::now();
            let _ = linter.lint_dockerfile_with(src, &Inputs::default());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

type Shape = (&'static str, fn(usize) -> String);

fn main() {
    let linter = Linter::new(Config {
        select: Some(vec!["all".into()]),
        ..Config::default()
    })
    .expect("config");
    let shapes: [Shape; 18] = [
        ("real-world mix", |k| {
            "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc \\\n && rm -rf /var/lib/apt/lists/*\nCOPY . /src\nRUN make -C /src\nFROM gcr.io/distroless/base:nonroot\nCOPY --from=build /src/app /app\nENTRYPOINT [\"/app\"]\n".repeat(500 * k)
        }),
        ("long continued RUN", |k| {
            format!(
                "FROM alpine:3\nRUN echo \\\n{}\n",
                "  a && b | c \\\n".repeat(20_000 * k)
            )
        }),
        ("heredoc script", |k| {
            format!(
                "FROM alpine:3\nRUN <<EOF\n{}EOF\n",
                "echo hi | cat\n".repeat(20_000 * k)
            )
        }),
        ("nested $(", |k| {
            format!(
                "FROM alpine:3\nRUN {}echo{}\n",
                "$(".repeat(5_000 * k),
                ")".repeat(5_000 * k)
            )
        }),
        ("nested ${", |k| {
            format!(
                "FROM scratch\nENV A={}x{}\n",
                "${B:-".repeat(1_000 * k),
                "}".repeat(1_000 * k)
            )
        }),
        ("many stages", |k| {
            "FROM a:1\nRUN apt-get install -y curl\n".repeat(5_000 * k)
        }),
        ("deep JSON", |k| {
            format!("FROM scratch\nCMD {}\n", "[".repeat(10_000 * k))
        }),
        // Each finding below asks "did you mean" among every declared name.
        ("undefined variables", |k| {
            let n = 2_000 * k;
            let args: String = (0..n).map(|i| format!("ARG VARIABLE_{i:06}=1\n")).collect();
            let uses: String = (0..n)
                .map(|i| format!("WORKDIR /${{VARIABLX_{i:06}}}\n"))
                .collect();
            format!("FROM alpine:3\n{args}{uses}")
        }),
        ("undefined FROM args", |k| {
            let n = 2_000 * k;
            let args: String = (0..n).map(|i| format!("ARG GLOBAL_{i:06}=1\n")).collect();
            let froms: String = (0..n)
                .map(|i| format!("FROM alpine:${{GLOBAX_{i:06}}}\n"))
                .collect();
            format!("{args}{froms}")
        }),
        ("unknown COPY --from", |k| {
            let n = 2_000 * k;
            let stages: String = (0..n)
                .map(|i| format!("FROM alpine AS stage_{i:06}\n"))
                .collect();
            let copies: String = (0..n)
                .map(|i| format!("COPY --from=stagx_{i:06} /a /b\n"))
                .collect();
            format!("{stages}{copies}")
        }),
        ("consecutive RUNs", |k| {
            let runs: String = (0..2_000 * k)
                .map(|i| format!("RUN curl -o /f{i} https://x/{i}\n"))
                .collect();
            format!("FROM alpine:3\n{runs}")
        }),
        ("one LABEL, many keys", |k| {
            let keys: Vec<String> = (0..2_000 * k)
                .map(|i| format!("k{}=v{i}", i % 500))
                .collect();
            format!("FROM alpine:3\nLABEL {}\n", keys.join(" "))
        }),
        ("one stage, many ENTRYPOINTs", |k| {
            format!("FROM alpine:3\n{}", "ENTRYPOINT run\n".repeat(2_000 * k))
        }),
        ("install and purge", |k| {
            let cmds: Vec<String> = (0..1_000 * k)
                .map(|i| format!("apt-get install -y p{i} gcc && apt-get purge -y p{i}"))
                .collect();
            format!("FROM debian:12\nRUN {}\n", cmds.join(" && "))
        }),
        ("file-wide ignores", |k| {
            format!(
                "FROM alpine:3\n{}",
                "# stowage ignore-file=SEC002\nRUN sudo x\n".repeat(2_000 * k)
            )
        }),
        ("one RUN, many heredoc scripts", |k| {
            let n = 1_000 * k;
            let markers: Vec<String> = (0..n).map(|i| format!("<<E{i}")).collect();
            let bodies: String = (0..n)
                .map(|i| format!("apt-get update && git clone https://x/y\nE{i}\n"))
                .collect();
            format!("FROM debian:12\nRUN {}\n{bodies}", markers.join(" "))
        }),
        ("FROM chain", |k| {
            let chain: String = (0..2_000 * k)
                .map(|i| format!("FROM s{i} AS s{}\nRUN make\n", i + 1))
                .collect();
            format!("FROM alpine:3 AS s0\n{chain}")
        }),
        ("unknown ignore codes", |k| {
            "# hadolint ignore=SC2086,SC2046,DL9999\nRUN echo hi\n".repeat(2_000 * k)
        }),
    ];
    println!(
        "{:<20} {:>10} {:>12} {:>12} {:>7}",
        "shape", "bytes(1x)", "1x", "10x", "ratio"
    );
    for (name, make) in shapes {
        let small = make(1);
        let large = make(10);
        let (a, b) = (best_of(&linter, &small), best_of(&linter, &large));
        let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-9);
        println!(
            "{name:<20} {:>10} {:>12.2?} {:>12.2?} {ratio:>7.1}",
            small.len(),
            a,
            b
        );
    }
}
