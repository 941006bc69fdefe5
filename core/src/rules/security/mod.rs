//! Security rules.

mod sec001_root_user;

pub use sec001_root_user::RootUser;

use super::Rule;

pub(crate) const RULES: &[&dyn Rule] = &[&RootUser];
