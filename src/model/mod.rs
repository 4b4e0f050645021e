//! Plain domain types.

pub mod date;
pub mod levels;
pub mod person;
pub mod plan;
pub mod programme;
pub mod register;
pub mod unit;

pub use date::{PartialDate, Precision, YearMonth};
pub use levels::*;
pub use person::*;
pub use unit::Unit;
