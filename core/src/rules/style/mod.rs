//! Style rules: consistency and readability.

mod sty001_unknown_suppression;
mod sty002_unused_suppression;
mod sty003_expose_proto_casing;

pub use sty001_unknown_suppression::UnknownSuppression;
pub use sty002_unused_suppression::UnusedSuppression;
pub use sty003_expose_proto_casing::ExposeProtoCasing;

use super::Rule;

pub(crate) const RULES: &[&dyn Rule] =
    &[&UnknownSuppression, &UnusedSuppression, &ExposeProtoCasing];
