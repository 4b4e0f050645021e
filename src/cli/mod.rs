//! The `quyhoach` command line: argument parsing and output formatting only.

pub mod args;
pub mod run;
pub mod secret;
