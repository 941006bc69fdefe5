//! Style rules: consistency and readability.

mod sty001_unknown_suppression;
mod sty002_unused_suppression;

pub use sty001_unknown_suppression::UnknownSuppression;
pub use sty002_unused_suppression::UnusedSuppression;

use super::Rule;

pub(crate) const RULES: &[&dyn Rule] = &[&UnknownSuppression, &UnusedSuppression];
