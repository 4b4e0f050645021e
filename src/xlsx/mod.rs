//! Excel workbooks (rust_xlsxwriter): exports driven by editable templates.

pub mod people;
pub mod template;

pub use people::{ExportMeta, ExportReport};
pub use template::Template;
