//! Typed views over well-known tools' commands.
