//! The rules of cadre planning: retirement (NĐ 135), the versioned rule set, the ward's targets,
//! the plan as the rules read it, the steps of an entry and their ballots, eligibility, the checks
//! (one file per family of rules) that produce findings, and statistics.

pub mod advice;
pub mod calendar;
pub mod check;
pub mod codes;
pub mod eligibility;
pub mod facts;
pub mod forecast;
pub mod plan;
pub mod programme;
pub mod retirement;
pub mod rotation;
pub mod ruleset;
pub mod stats;
pub mod steps;
pub mod suggest;
pub mod targets;
pub mod votes;
pub mod young;
