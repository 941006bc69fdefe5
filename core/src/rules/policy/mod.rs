//! Policy rules: organisation rules driven by the `[policy]` table of the configuration.
//! Each is inert until its key is set (setting the key turns the rule on); the `[policy]`
//! table reaches every rule of this family as its options.

pub mod custom;

mod pol001_untrusted_registry;
mod pol002_base_image_not_allowed;
mod pol003_base_image_requirement;
mod pol004_required_label_missing;
mod pol005_label_value_format;
mod pol006_label_not_in_schema;
mod pol007_layer_budget;
mod pol008_forbidden_instruction;
mod pol009_forbidden_command;
mod pol010_forbidden_flag;
mod pol011_syntax_directive_missing;
mod pol012_inline_suppression;

pub use pol001_untrusted_registry::UntrustedRegistry;
pub use pol002_base_image_not_allowed::BaseImageNotAllowed;
pub use pol003_base_image_requirement::BaseImageRequirement;
pub use pol004_required_label_missing::RequiredLabelMissing;
pub use pol005_label_value_format::LabelValueFormat;
pub use pol006_label_not_in_schema::LabelNotInSchema;
pub use pol007_layer_budget::LayerBudget;
pub use pol008_forbidden_instruction::ForbiddenInstruction;
pub use pol009_forbidden_command::ForbiddenCommand;
pub use pol010_forbidden_flag::ForbiddenFlag;
pub use pol011_syntax_directive_missing::SyntaxDirectiveMissing;
pub use pol012_inline_suppression::InlineSuppression;

use super::{Context, Rule};
use crate::config::{BaseImageRule, ImageAction, Policy, glob_matches};
use crate::model::ImageRef;
use crate::syntax::{Args, KeyValue};

pub(crate) const RULES: &[&dyn Rule] = &[
    &UntrustedRegistry,
    &BaseImageNotAllowed,
    &BaseImageRequirement,
    &RequiredLabelMissing,
    &LabelValueFormat,
    &LabelNotInSchema,
    &LayerBudget,
    &ForbiddenInstruction,
    &ForbiddenCommand,
    &ForbiddenFlag,
    &SyntaxDirectiveMissing,
    &InlineSuppression,
];

/// The `[policy]` table (empty when unset).
fn policy<'a>(cx: &Context<'a>) -> &'a Policy {
    cx.policy
}

/// The names a base-image pattern is matched against: as written (`python`,
/// `ghcr.io/acme/base`) and fully qualified (`docker.io/library/python`).
fn image_names(r: &ImageRef) -> [String; 2] {
    let full = format!("{}/{}", r.registry_or_default(), r.repository);
    let short = match &r.registry {
        Some(reg) if !r.is_docker_hub() => format!("{reg}/{}", r.repository),
        _ => r.short_name().to_owned(),
    };
    [short, full]
}

/// The first `[[policy.base-images]]` rule matching an image, and whether any `allow` exists.
fn matching_rule<'p>(
    rules: &'p [BaseImageRule],
    r: &ImageRef,
) -> (Option<&'p BaseImageRule>, bool) {
    let names = image_names(r);
    let hit = rules
        .iter()
        .find(|b| names.iter().any(|n| glob_matches(b.pattern.trim(), n)));
    let any_allow = rules.iter().any(|b| b.action == ImageAction::Allow);
    (hit, any_allow)
}

/// Every LABEL key/value, with its instruction index (ONBUILD triggers excluded: they label
/// a downstream image).
fn labels<'a>(cx: &Context<'a>) -> Vec<(usize, &'a KeyValue)> {
    let mut out = Vec::new();
    for (i, ins) in cx.instructions() {
        if let Args::Label(kvs) = &ins.args {
            out.extend(kvs.iter().map(|kv| (i, kv)));
        }
    }
    out
}

/// A LABEL key or value as the image gets it: quotes removed, `\` escapes resolved.
fn unquote(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut quote: Option<char> = None;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (Some('\''), c) => out.push(c),
            (_, '\\') => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            (_, c) => out.push(c),
        }
    }
    out
}
