//! The page layout engine on printpdf: embedded, subset TrueType fonts; paragraphs wrapped and
//! justified from real glyph widths; tables with merged headers that repeat on every page; page
//! numbers per section. `render` lays out a `document::Document`; nothing here knows about Party
//! documents (see `docs`).

pub mod fonts;
pub mod page;
pub mod render;
pub mod table;
pub mod text;

pub use fonts::Face;
pub use page::{Doc, Margins, Mark, Orientation, PagePreview, MM};
pub use render::render;
pub use table::{Col, Row, Table};
pub use text::{Align, Para, Run};
