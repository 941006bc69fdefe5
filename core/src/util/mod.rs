//! Small shared helpers.

pub mod suggest;
