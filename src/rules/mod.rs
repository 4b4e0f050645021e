//! The rules of cadre planning: retirement (NĐ 135), the versioned rule set, the ward's targets,
//! checks that produce findings, and statistics.

pub mod advice;
pub mod check;
pub mod facts;
pub mod retirement;
pub mod ruleset;
pub mod stats;
pub mod targets;
