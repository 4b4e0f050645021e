//! Excel workbooks (rust_xlsxwriter): the report tables of `crate::report` written as sheets.

pub mod export;
pub mod sheet;

pub use export::{
    export_people, export_plan_list, export_review, export_structure, export_training_gaps,
    PlanExport,
};
pub use sheet::{ExportMeta, ExportReport};
