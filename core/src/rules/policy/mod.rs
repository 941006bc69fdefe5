//! Policy rules: organisation rules driven by configuration.

use super::Rule;

pub(crate) const RULES: &[&dyn Rule] = &[];
