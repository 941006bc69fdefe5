//! Size rules: what makes images bigger than they need to be.

mod sz001_apt_install_recommends;

pub use sz001_apt_install_recommends::AptInstallRecommends;

use super::Rule;

pub(crate) const RULES: &[&dyn Rule] = &[&AptInstallRecommends];
