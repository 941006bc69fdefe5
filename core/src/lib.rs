//! Stowage core: parses Dockerfiles and image documents, evaluates rules, proposes fixes.
//!
//! This crate does no IO at all: no file system, network, process, clock or threads.
//! Every entry point takes text (and configuration as data) and returns data, so the very
//! same engine runs in the CLI, in WebAssembly for the editor and the playground.
#![forbid(unsafe_code)]

pub mod config;
pub mod diagnostic;
pub mod fix;
pub mod image;
pub mod lint;
pub mod model;
pub mod optimize;
pub mod rules;
pub mod shell;
pub mod suppress;
pub mod syntax;
pub mod text;
pub mod util;

pub use config::{Config, ConfigError};
pub use diagnostic::{Diagnostic, Label, Severity};
pub use lint::{FixResult, Inputs, LintResult, Linter};
pub use text::{LineCol, LineIndex, PositionEncoding, TextRange};

/// The engine's version, the same on every surface.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
