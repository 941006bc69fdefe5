use super::*;

fn kinds(src: &str, inputs: &Inputs) -> Vec<(SuggestionKind, &'static str)> {
    optimize(src, inputs)
        .suggestions
        .iter()
        .map(|s| (s.kind, s.rule))
        .collect()
}

fn checked(dockerignore: Option<&str>) -> Inputs {
    Inputs {
        dockerignore: dockerignore.map(str::to_owned),
        dockerignore_checked: true,
        ..Inputs::default()
    }
}

#[test]
fn bloated_node() {
    let src = "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD npm start\n";
    let r = optimize(src, &checked(None));
    let k: Vec<_> = r.suggestions.iter().map(|s| s.kind).collect();
    assert!(k.contains(&SuggestionKind::SlimmerBase), "{k:?}");
    assert!(k.contains(&SuggestionKind::MultiStage), "{k:?}");
    assert!(k.contains(&SuggestionKind::CopyOrder), "{k:?}");
    assert!(k.contains(&SuggestionKind::Dockerignore), "{k:?}");
    assert!(k.contains(&SuggestionKind::CacheMount), "{k:?}");
    let base = r
        .suggestions
        .iter()
        .find(|s| s.kind == SuggestionKind::SlimmerBase)
        .unwrap();
    assert!(base.title.contains("node:20-slim"), "{}", base.title);
    assert_eq!((base.start.line, base.start.column), (1, 6));
    assert_eq!(base.saving.bytes, 320 * 1_000_000);
    assert!(r.render_text().contains("node:20-slim"));
    assert!(serde_json::to_string(&r).is_ok());
}

#[test]
fn go_toolchain_in_final_stage() {
    let src = "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n";
    let k = kinds(src, &Inputs::default());
    assert!(k.contains(&(SuggestionKind::MultiStage, "SZ020")), "{k:?}");
    assert!(!k.iter().any(|(k, _)| *k == SuggestionKind::SlimmerBase));
    // Already multi-stage: nothing about the base.
    let good = "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n";
    assert!(kinds(good, &Inputs::default()).is_empty());
}

#[test]
fn build_tools_merge_and_cache() {
    let src = "FROM python:3.12-slim\nRUN apt-get update\nRUN apt-get install -y gcc libpq-dev\nRUN rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n";
    let r = optimize(src, &Inputs::default());
    let tools = r
        .suggestions
        .iter()
        .find(|s| s.kind == SuggestionKind::MultiStage)
        .unwrap();
    assert!(tools.title.contains("gcc, libpq-dev"), "{}", tools.title);
    assert_eq!(tools.saving.bytes, 158 * 1_000_000);
    let merge = r
        .suggestions
        .iter()
        .find(|s| s.kind == SuggestionKind::MergeRuns)
        .unwrap();
    assert!(merge.title.contains("3 consecutive"), "{}", merge.title);
    assert!(merge.saving.bytes > 0);
    assert!(
        r.suggestions
            .iter()
            .any(|s| s.kind == SuggestionKind::CacheMount && s.title.contains("pip"))
    );
    // Slim base: no base advice.
    assert!(
        !r.suggestions
            .iter()
            .any(|s| s.kind == SuggestionKind::SlimmerBase)
    );
}

#[test]
fn dockerignore_advice() {
    let src = "FROM alpine:3.20\nCOPY . /app\n";
    assert!(
        kinds(src, &Inputs::default()).is_empty(),
        "not checked: silent"
    );
    assert_eq!(
        kinds(src, &checked(None)),
        [(SuggestionKind::Dockerignore, "SZ021")]
    );
    assert_eq!(
        kinds(src, &checked(Some("*.md\n"))),
        [(SuggestionKind::Dockerignore, "SZ021")]
    );
    assert!(kinds(src, &checked(Some(".git\n"))).is_empty());
    let node = "FROM node:20-slim\nCOPY . .\n";
    let r = optimize(node, &checked(Some(".git\n")));
    assert!(r.suggestions[0].title.contains("node_modules"));
}

#[test]
fn never_panics_on_odd_input() {
    for src in [
        "",
        "FROM",
        "FROM ${X}\nCOPY . .\n",
        "RUN x\n",
        "FROM scratch\nRUN a\nRUN b\nRUN c\n",
    ] {
        let _ = optimize(src, &checked(None)).render_text();
    }
}
