//! Every rule runs on any input without panicking; all fixes apply to a fixed point without
//! adding parse errors; every diagnostic range lies on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stowage_core::{Config, Inputs, Linter};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let linter = Linter::new(Config { select: Some(vec!["all".into()]), ..Config::default() }).expect("config");
    let inputs = Inputs { dockerignore: Some("*.md\n!README.md\n**/node_modules\n".into()), ..Inputs::default() };
    let result = linter.lint_dockerfile_with(text, &inputs);
    for d in &result.diagnostics {
        assert!(text.is_char_boundary(d.range.start as usize) && text.is_char_boundary(d.range.end as usize), "{d:?}");
    }
    let fixed = linter.fix(text, &inputs, true);
    let before = stowage_core::syntax::parse(text).errors.len();
    let after = stowage_core::syntax::parse(&fixed.output).errors.len();
    assert!(after <= before, "fixes added parse errors");
});
