//! The core's integration tests in one binary (cargo finds it by itself: a new module here is
//! compiled and run, never silently left out). Each module is one part of the core, tested on
//! real encrypted files in temp folders with Vietnamese text; `common` holds the shared helpers.

mod common;

mod cli;
mod cli_flags;
mod docs;
mod document;
mod exchange;
mod fixtures;
mod forecast;
mod forms;
mod hd05;
mod hd45;
mod import;
mod one_core;
mod plan_scenario;
mod programmes;
mod refusals;
mod register;
mod release;
mod rule_edits;
mod rules;
mod session;
mod store;
mod suggest;
mod ui_codes;
mod ui_commands;
mod validation;
mod verdicts;
mod word;
mod wording;
mod xlsx;
