//! BuildKit's own parser test cases: our parse, printed the way BuildKit's `Node.Dump()` prints,
//! must equal each `testfiles/<case>/result` byte for byte; every `testfiles-negative` case
//! must produce an error.

use stowage_core::syntax::{self, Args, Instruction, Keyword};
use stowage_tests::corpus_dir;

/// Go's `strconv.Quote`.
fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn dump(ins: &Instruction) -> String {
    let mut s = if ins.keyword == Keyword::Unknown {
        ins.keyword_text().to_ascii_lowercase()
    } else {
        ins.keyword.as_str().to_ascii_lowercase()
    };
    if !ins.flags.is_empty() {
        let flags: Vec<String> = ins.flags.iter().map(|f| go_quote(&f.text)).collect();
        s.push_str(&format!(" [{}]", flags.join(" ")));
    }
    match &ins.args {
        Args::Onbuild(Some(inner)) => s.push_str(&format!(" ({})", dump(inner))),
        Args::Env(pairs) | Args::Label(pairs) => {
            for p in pairs {
                let sep = if p.legacy { "" } else { "=" };
                s.push_str(&format!(
                    " {} {} {}",
                    go_quote(&p.key.text),
                    go_quote(&p.value.text),
                    go_quote(sep)
                ));
            }
        }
        _ => {
            for v in syntax::values(ins) {
                s.push(' ');
                s.push_str(&go_quote(&v));
            }
        }
    }
    s.trim().to_owned()
}

#[test]
fn testfiles_results_match_byte_for_byte() {
    let Some(corpus) = corpus_dir() else {
        eprintln!("skipping: ../shared/corpus not found");
        return;
    };
    let dir = corpus.join("dockerfiles/buildkit-parser/testfiles");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("testfiles")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    cases.sort();
    let mut failures = Vec::new();
    for case in &cases {
        let src = std::fs::read_to_string(case.join("Dockerfile")).expect("Dockerfile");
        let expected = std::fs::read_to_string(case.join("result")).expect("result");
        let df = syntax::parse(&src);
        let got: String = df
            .instructions()
            .map(|i| format!("({})\n", dump(i)))
            .collect();
        if got != expected {
            failures.push(format!(
                "{}:\n--- ours\n{got}--- buildkit\n{expected}",
                case.display()
            ));
        }
    }
    assert_eq!(cases.len(), 33);
    assert!(
        failures.is_empty(),
        "{} of 33 cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn negative_testfiles_are_rejected() {
    let Some(corpus) = corpus_dir() else { return };
    let dir = corpus.join("dockerfiles/buildkit-parser/testfiles-negative");
    let mut n = 0;
    for case in std::fs::read_dir(&dir)
        .expect("negative cases")
        .filter_map(Result::ok)
    {
        let src = std::fs::read_to_string(case.path().join("Dockerfile")).expect("Dockerfile");
        let df = syntax::parse(&src);
        assert!(
            !df.errors.is_empty(),
            "{}: Docker rejects this file; we must report an error",
            case.path().display()
        );
        n += 1;
    }
    assert_eq!(n, 4);
}
