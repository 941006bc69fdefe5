//! Text-edit fixes: the model and the applier.

mod apply;
mod edit;

pub use apply::{applicable, apply_fixes, is_applicable};
pub use edit::{Applicability, Edit, Fix};
