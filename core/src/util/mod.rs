//! Small shared helpers.

pub mod float;
pub(crate) mod names;
pub mod number;
pub(crate) mod sort;
pub mod suggest;
pub(crate) mod text;
pub mod vec_map;

pub use vec_map::VecMap;

/// A small deterministic pseudo-random sequence for randomised tests (a 64-bit LCG).
#[cfg(test)]
pub(crate) fn test_rng() -> impl FnMut() -> u64 {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        seed >> 33
    }
}

/// A random string of up to `max_parts - 1` pieces drawn from `parts`, for randomised tests
/// that compare an implementation with a reference.
#[cfg(test)]
pub(crate) fn random_text(rng: &mut impl FnMut() -> u64, parts: &[&str], max_parts: u64) -> String {
    let n = rng() % max_parts;
    (0..n)
        .filter_map(|_| parts.get((rng() % parts.len() as u64) as usize).copied())
        .collect()
}
