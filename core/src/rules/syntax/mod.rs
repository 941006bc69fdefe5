//! Syntax rules: what Docker itself rejects. The parser finds these problems; each kind of
//! problem is a rule so it has a code, docs and can be configured like any other.

use crate::syntax::SyntaxErrorKind;

use super::{Context, Rule, RuleMeta};

/// Reports the parser's errors of one kind.
fn report_kind(cx: &mut Context<'_>, kind: SyntaxErrorKind) {
    let errors: Vec<_> = cx
        .dockerfile
        .errors
        .iter()
        .filter(|e| e.kind == kind)
        .cloned()
        .collect();
    for e in errors {
        let d = cx.report(e.range, e.message);
        d.help = e.help;
    }
}

macro_rules! syntax_rule {
    ($ty:ident, $kind:ident) => {
        impl Rule for $ty {
            fn meta(&self) -> &'static RuleMeta {
                &Self::META
            }

            fn check(&self, cx: &mut Context<'_>) {
                report_kind(cx, SyntaxErrorKind::$kind);
            }
        }
    };
}

mod syn001_invalid_syntax;
mod syn002_unknown_instruction;
mod syn003_no_instructions;
mod syn004_instruction_before_from;
mod syn005_unknown_flag;
mod syn006_invalid_flag_value;
mod syn007_missing_arguments;
mod syn008_extra_arguments;
mod syn009_shell_not_json;
mod syn010_invalid_onbuild_trigger;
mod syn011_unterminated_heredoc;
mod syn012_invalid_directive;
mod syn013_invalid_utf8;

pub use syn001_invalid_syntax::InvalidSyntax;
pub use syn002_unknown_instruction::UnknownInstruction;
pub use syn003_no_instructions::NoInstructions;
pub use syn004_instruction_before_from::InstructionBeforeFrom;
pub use syn005_unknown_flag::UnknownFlag;
pub use syn006_invalid_flag_value::InvalidFlagValue;
pub use syn007_missing_arguments::MissingArguments;
pub use syn008_extra_arguments::ExtraArguments;
pub use syn009_shell_not_json::ShellNotJson;
pub use syn010_invalid_onbuild_trigger::InvalidOnbuildTrigger;
pub use syn011_unterminated_heredoc::UnterminatedHeredoc;
pub use syn012_invalid_directive::InvalidDirective;
pub use syn013_invalid_utf8::InvalidUtf8;

syntax_rule!(InvalidSyntax, Invalid);
syntax_rule!(UnknownInstruction, UnknownInstruction);
syntax_rule!(NoInstructions, NoInstructions);
syntax_rule!(InstructionBeforeFrom, InstructionBeforeFrom);
syntax_rule!(UnknownFlag, UnknownFlag);
syntax_rule!(InvalidFlagValue, InvalidFlagValue);
syntax_rule!(MissingArguments, MissingArguments);
syntax_rule!(ExtraArguments, ExtraArguments);
syntax_rule!(ShellNotJson, ShellNotJson);
syntax_rule!(InvalidOnbuildTrigger, OnbuildTrigger);
syntax_rule!(UnterminatedHeredoc, UnterminatedHeredoc);
syntax_rule!(InvalidDirective, InvalidDirective);
syntax_rule!(InvalidUtf8, InvalidUtf8);

pub(crate) const RULES: &[&dyn Rule] = &[
    &InvalidSyntax,
    &UnknownInstruction,
    &NoInstructions,
    &InstructionBeforeFrom,
    &UnknownFlag,
    &InvalidFlagValue,
    &MissingArguments,
    &ExtraArguments,
    &ShellNotJson,
    &InvalidOnbuildTrigger,
    &UnterminatedHeredoc,
    &InvalidDirective,
    &InvalidUtf8,
];
