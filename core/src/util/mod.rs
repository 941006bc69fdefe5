//! Small shared helpers.

pub mod float;
pub mod number;
pub(crate) mod sort;
pub mod suggest;
pub(crate) mod text;
pub mod vec_map;

pub use vec_map::VecMap;
