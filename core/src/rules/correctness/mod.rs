//! Correctness rules: mistakes that break or mislead the build.

mod cor001_maintainer_deprecated;

pub use cor001_maintainer_deprecated::MaintainerDeprecated;

use super::Rule;

pub(crate) const RULES: &[&dyn Rule] = &[&MaintainerDeprecated];
