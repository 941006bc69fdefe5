//! Small shared helpers.

pub mod number;
pub(crate) mod sort;
pub mod suggest;
pub(crate) mod text;
