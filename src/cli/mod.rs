//! The `quyhoach` command line: argument parsing and output formatting only.

pub mod args;
pub mod doc;
pub mod excel;
pub mod exchange;
pub mod forecast;
pub mod out;
pub mod plan;
pub mod programmes;
pub mod run;
pub mod secret;
