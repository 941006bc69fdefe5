//! The parser never panics, its items tile the input exactly, and every range lies on char
//! boundaries — on any bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stowage_core::syntax;

fuzz_target!(|data: &[u8]| {
    let (text, df) = syntax::parse_bytes(data);
    let mut at = 0u32;
    for item in &df.items {
        assert_eq!(item.range.start, at, "items must tile the input");
        at = item.range.end;
    }
    assert_eq!(at as usize, text.len(), "items must cover the input");
    for ins in df.instructions() {
        for r in [ins.range, ins.keyword_range] {
            assert!(text.is_char_boundary(r.start as usize) && text.is_char_boundary(r.end as usize));
        }
    }
    for e in &df.errors {
        assert!(e.range.end as usize <= text.len());
    }
});
