//! Image documents: any bytes are analysed and linted without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stowage_core::Linter;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let result = Linter::default().lint_image(&text);
    for d in &result.diagnostics {
        assert!(d.range.end as usize <= text.len());
    }
});
