//! Applying fixes: sort, skip overlaps, splice; repeat on the re-linted text to a fixed point.

use super::{Applicability, Fix};
use crate::diagnostic::Diagnostic;

/// Applies the non-overlapping subset of `fixes` (in order of their first edit) to `source`.
/// Returns the new text and how many fixes were applied.
#[must_use]
pub fn apply_fixes<'f>(source: &str, fixes: impl IntoIterator<Item = &'f Fix>) -> (String, usize) {
    let mut fixes: Vec<&Fix> = fixes.into_iter().filter(|f| !f.edits.is_empty()).collect();
    crate::util::sort::sort_by_key(&mut fixes, |f| f.range().map(|r| (r.start, r.end)));
    let mut edits = Vec::new();
    let mut last_end: Option<u32> = None;
    let mut applied = 0;
    for fix in fixes {
        let Some(range) = fix.range() else { continue };
        // Fixes may not touch or overlap: an insertion at the end of the previous edit is
        // ambiguous too, so it waits for the next round.
        if last_end.is_some_and(|end| range.start < end || (range.start == end && range.is_empty()))
        {
            continue;
        }
        if fix.edits.iter().any(|e| {
            e.range.end_usize() > source.len()
                || !source.is_char_boundary(e.range.start_usize())
                || !source.is_char_boundary(e.range.end_usize())
        }) {
            continue;
        }
        last_end = Some(range.end);
        edits.extend(fix.edits.iter());
        applied += 1;
    }
    crate::util::sort::sort_by_key(&mut edits, |e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(source.len() + 64);
    let mut at = 0usize;
    for e in edits {
        let start = e.range.start_usize();
        if start < at {
            continue;
        }
        out.push_str(&source[at..start]);
        out.push_str(&e.content);
        at = e.range.end_usize();
    }
    out.push_str(&source[at.min(source.len())..]);
    (out, applied)
}

/// Which fixes a run may apply.
#[must_use]
pub fn is_applicable(fix: &Fix, unsafe_fixes: bool) -> bool {
    match fix.applicability {
        Applicability::Safe => true,
        Applicability::Unsafe => unsafe_fixes,
        Applicability::DisplayOnly => false,
    }
}

/// The applicable fixes of a set of diagnostics.
pub fn applicable(diagnostics: &[Diagnostic], unsafe_fixes: bool) -> impl Iterator<Item = &Fix> {
    diagnostics
        .iter()
        .filter_map(move |d| d.fix.as_ref().filter(|f| is_applicable(f, unsafe_fixes)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Edit;
    use crate::text::TextRange;

    #[test]
    fn skips_overlaps_and_applies_in_order() {
        let src = "abcdef";
        let a = Fix::safe("a", vec![Edit::replace(TextRange::new(0, 2), "X")]);
        let b = Fix::safe("b", vec![Edit::replace(TextRange::new(1, 3), "Y")]);
        let c = Fix::safe("c", vec![Edit::insert(6, "!")]);
        let (out, n) = apply_fixes(src, [&c, &b, &a]);
        assert_eq!((out.as_str(), n), ("Xcdef!", 2));
    }
}
