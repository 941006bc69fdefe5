//! The lossless Dockerfile parser.
//!
//! Phase 1 reads parser directives (they decide the escape character), phase 2 splits the file
//! into logical lines exactly as BuildKit's scanner does (continuations, comments inside them,
//! heredoc bodies), phase 3 parses each logical line into a typed [`Instruction`]. A bad line
//! becomes a [`SyntaxError`] and parsing resumes at the next line.

mod ast;
mod dump;
mod flags;
mod heredoc;
mod instruction;
mod json;
mod logical;
mod scanner;
mod validate;
mod words;

pub use ast::*;
pub use dump::{DirectiveDump, HeredocDump, InstructionDump, ParseDump, dump, values};
pub use flags::{parse_duration, parse_mount};
pub use logical::LogicalLine;
pub use scanner::{decode, parse, parse_bytes};
