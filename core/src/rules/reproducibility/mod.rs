//! Reproducibility rules: pinning and hygiene that make builds repeatable.

use super::Rule;

pub(crate) const RULES: &[&dyn Rule] = &[];
