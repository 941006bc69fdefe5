//! Text-edit fixes: the model and the applier.

mod edit;

pub use edit::{Applicability, Edit, Fix};
