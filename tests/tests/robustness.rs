//! Hostile inputs: the whole pipeline (parse, model, every rule, fixes) must finish without a
//! panic or a stack overflow on inputs built to break recursive or quadratic code.

use stowage_core::{Config, Inputs, Linter, syntax};

fn all_rules() -> Linter {
    Linter::new(Config {
        select: Some(vec!["all".into()]),
        ..Config::default()
    })
    .expect("config")
}

fn survives(src: &str) {
    let df = syntax::parse(src);
    let covered: u32 = df.items.iter().map(|i| i.range.len()).sum();
    assert_eq!(covered as usize, src.len(), "items must tile the input");
    let linter = all_rules();
    let result = linter.lint_dockerfile_with(src, &Inputs::default());
    for d in &result.diagnostics {
        assert!(
            src.is_char_boundary(d.range.start as usize)
                && src.is_char_boundary(d.range.end as usize)
        );
    }
    let _ = linter.fix(src, &Inputs::default(), true);
}

#[test]
fn deeply_nested_variable_expansions() {
    let n = 5_000;
    survives(&format!(
        "FROM scratch\nENV A={}x{}\nLABEL b=\"{}\"\n",
        "${B:-".repeat(n),
        "}".repeat(n),
        "${".repeat(n)
    ));
    survives(&format!("ARG X={}\nFROM ${{X}}\n", "${X:+".repeat(n)));
}

#[test]
fn deeply_nested_json_and_shell() {
    let n = 50_000;
    survives(&format!(
        "FROM scratch\nCMD [{}\nRUN [\"a\", {}]\n",
        "[".repeat(n),
        "[".repeat(n)
    ));
    survives(&format!(
        "FROM alpine:3\nRUN {}echo{}\nRUN {}\n",
        "$(".repeat(n),
        ")".repeat(n),
        "( ".repeat(n)
    ));
    survives(&format!(
        "FROM alpine:3\nRUN sh -c '{}'\n",
        "sh -c \"".repeat(2_000)
    ));
}

#[test]
fn huge_and_degenerate_files() {
    survives(&format!(
        "FROM alpine:3\nRUN echo \\\n{}\n",
        "  a \\\n".repeat(50_000)
    ));
    survives(&format!(
        "FROM alpine:3\nRUN <<EOF\n{}EOF\n",
        "echo hi | cat\n".repeat(50_000)
    ));
    survives(&"FROM a\n".repeat(20_000));
    survives(&format!("FROM alpine:3\n{}", "ONBUILD ".repeat(10_000)));
    survives(&format!("FROM alpine:3\nRUN {}\n", "'".repeat(100_001)));
    survives(&"\\\n".repeat(100_000));
    survives("\u{feff}\r\r\n\r\n\0\0FROM\u{2028}x");
    let (text, df) = syntax::parse_bytes(&[b'F', b'R', 0xff, 0xfe, b'\n', 0xc3]);
    assert!(
        df.errors
            .iter()
            .any(|e| e.kind == syntax::SyntaxErrorKind::InvalidUtf8)
    );
    survives(&text);
}

#[test]
fn hostile_image_documents() {
    let linter = all_rules();
    for doc in [
        "[".repeat(100_000),
        "{\"a\":".repeat(100_000),
        format!(
            "{{\"schemaVersion\":2,\"layers\":[{}]}}",
            "{\"size\":-1,\"digest\":\"x\"},".repeat(20_000) + "{}"
        ),
        "{\"schemaVersion\":\"x\",\"layers\":{},\"config\":[],\"manifests\":7}".to_owned(),
        format!("\"{}\"", "\\u".repeat(10_000)),
    ] {
        let _ = linter.lint_image(&doc);
    }
}
