//! Style rules: consistency and readability.

mod sty001_unknown_suppression;
mod sty002_unused_suppression;
mod sty003_expose_proto_casing;
mod sty004_instruction_casing;
mod sty005_from_as_casing;
mod sty006_stage_name_casing;
mod sty007_empty_continuation_line;
mod sty008_legacy_key_value;
mod sty009_label_key_format;
mod sty010_directive_casing;

pub use sty001_unknown_suppression::UnknownSuppression;
pub use sty002_unused_suppression::UnusedSuppression;
pub use sty003_expose_proto_casing::ExposeProtoCasing;
pub use sty004_instruction_casing::InstructionCasing;
pub use sty005_from_as_casing::FromAsCasing;
pub use sty006_stage_name_casing::StageNameCasing;
pub use sty007_empty_continuation_line::EmptyContinuationLine;
pub use sty008_legacy_key_value::LegacyKeyValue;
pub use sty009_label_key_format::LabelKeyFormat;
pub use sty010_directive_casing::DirectiveCasing;

use super::Rule;

pub(crate) const RULES: &[&dyn Rule] = &[
    &UnknownSuppression,
    &UnusedSuppression,
    &ExposeProtoCasing,
    &InstructionCasing,
    &FromAsCasing,
    &StageNameCasing,
    &EmptyContinuationLine,
    &LegacyKeyValue,
    &LabelKeyFormat,
    &DirectiveCasing,
];
