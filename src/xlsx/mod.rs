//! Excel workbooks (rust_xlsxwriter): exports driven by editable templates.

pub mod people;
pub mod plan;
pub mod sheet;
pub mod structure;
pub mod template;

pub use sheet::{ExportMeta, ExportReport};
pub use template::{ExportKind, Template};
