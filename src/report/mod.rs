//! Report tables, in no output format: the lists and tables a ward sends (the cadre list, the
//! trích ngang, the review result, the people to train, the structure and quality table, the
//! young-cadre and rotation lists, a programme's participants), each built once here as a
//! `ReportTable` from the data. The Excel workbooks (`xlsx`) write them as sheets, the PDF and
//! Word documents (`docs` → `pdf`, `docx`) print them as annexes.
//!
//! A workbook's columns come from its template (`template`, a ward may edit it); each key a
//! template may name is a variant of `keys::ColumnKey`, and the value of each is computed by an
//! exhaustive `match` (`people::person_cell`, `plan`), so a key nobody computes does not compile,
//! and a template naming an unknown key is refused when read.

pub mod forecast;
pub mod keys;
pub mod lists;
pub mod people;
pub mod plan;
pub mod structure;
pub mod table;
pub mod template;

pub use table::{Cell, CellAlign, Column, ReportTable, Row, Shade};
pub use template::{ExportKind, Template};
