//! Text positions: byte ranges into the original source and a line index that converts
//! them to line/column in UTF-8, UTF-16 or Unicode-scalar units.

mod line_index;
mod range;

pub use line_index::{LineCol, LineIndex, PositionEncoding};
pub use range::TextRange;
