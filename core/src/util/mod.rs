//! Small shared helpers.

pub mod number;
pub mod suggest;
