//! A document described, not drawn: sections (orientation, margins, page numbering) of blocks —
//! paragraphs of styled runs, the Party's two-column header, tables with repeated headers,
//! the signature beside "Nơi nhận", columns, a framed box, space. The builders in `docs` return a
//! `Document`; `pdf` lays it out on pages and `docx` writes it as WordprocessingML, so every
//! output format prints the same document. Sizes and distances are in points.

use crate::report::ReportTable;

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// Margins in millimetres.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Margins {
    pub top: f32,
    pub bottom: f32,
    pub left: f32,
    pub right: f32,
}

impl Default for Margins {
    /// 20/20/30/15 mm (HD 05-HD/VPTW, DOMAIN §4.1).
    fn default() -> Self {
        Margins {
            top: 20.0,
            bottom: 20.0,
            left: 30.0,
            right: 15.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The PDF's title, the Word file's title.
    pub title: String,
    pub sections: Vec<Section>,
}

/// How a section's pages are numbered: centred at the top of the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageNumbers {
    /// Numbering starts again at 1 on the section's first page (an annex numbered on its own);
    /// otherwise it goes on from the section before.
    pub restart: bool,
    /// The section's first page shows its number.
    pub on_first_page: bool,
    pub size: f32,
    /// From the top edge of the page to the number's baseline, in millimetres.
    pub from_top: f32,
}

impl Default for PageNumbers {
    fn default() -> Self {
        PageNumbers {
            restart: false,
            on_first_page: false,
            size: 14.0,
            from_top: 11.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub orientation: Orientation,
    pub margins: Margins,
    /// Two-sided printing: even pages swap the left and right margins.
    pub mirrored: bool,
    pub numbers: PageNumbers,
    pub blocks: Vec<Block>,
}

impl Section {
    pub fn new(orientation: Orientation, margins: Margins) -> Section {
        Section {
            orientation,
            margins,
            mirrored: false,
            numbers: PageNumbers::default(),
            blocks: Vec::new(),
        }
    }
    pub fn push(&mut self, b: impl Into<Block>) {
        self.blocks.push(b.into());
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    Header(Header),
    Table(Table),
    Signature(Signature),
    Columns(Columns),
    Box(FramedBox),
    /// Vertical space, in points.
    Space(f32),
    /// A new page unless this many points are left on this one (what follows stays together).
    KeepRoom(f32),
}

impl From<Paragraph> for Block {
    fn from(p: Paragraph) -> Block {
        Block::Paragraph(p)
    }
}

/// A piece of text in one style. A "\n" in the text breaks the line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }
    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            bold: true,
            ..Run::plain(text)
        }
    }
    pub fn italic(text: impl Into<String>) -> Run {
        Run {
            italic: true,
            ..Run::plain(text)
        }
    }
    pub fn underlined(mut self) -> Run {
        self.underline = true;
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub runs: Vec<Run>,
    pub size: f32,
    pub align: Align,
    pub first_indent: f32,
    /// Exact distance between baselines.
    pub line_height: f32,
    pub space_before: f32,
    pub space_after: f32,
    /// Its last lines stay on the page of the block that follows (the signature).
    pub keep_with_next: bool,
}

impl Paragraph {
    pub fn new(runs: Vec<Run>, size: f32) -> Paragraph {
        Paragraph {
            runs,
            size,
            align: Align::Left,
            first_indent: 0.0,
            line_height: size * 1.2,
            space_before: 0.0,
            space_after: 0.0,
            keep_with_next: false,
        }
    }
    pub fn align(mut self, a: Align) -> Paragraph {
        self.align = a;
        self
    }
    pub fn indent(mut self, pt: f32) -> Paragraph {
        self.first_indent = pt;
        self
    }
    pub fn line_height(mut self, pt: f32) -> Paragraph {
        self.line_height = pt;
        self
    }
    pub fn after(mut self, pt: f32) -> Paragraph {
        self.space_after = pt;
        self
    }
    pub fn before(mut self, pt: f32) -> Paragraph {
        self.space_before = pt;
        self
    }
    pub fn keep_with_next(mut self) -> Paragraph {
        self.keep_with_next = true;
        self
    }
    /// The text of its runs.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// The Party's two-column header: the superior and issuing bodies, "*" and the number on the
/// left; "ĐẢNG CỘNG SẢN VIỆT NAM" with a rule under it, then the place and date, on the right.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub superior: String,
    pub issuer: String,
    /// "Số 05-TTr/ĐU"; None for a list or form without a number.
    pub number: Option<String>,
    pub party: String,
    pub place_date: String,
    /// Size of the bodies, the number and the date.
    pub size: f32,
    pub party_size: f32,
    /// Share of the text width the left column takes.
    pub left_share: f32,
    /// Space under the header.
    pub space_after: f32,
}

/// A table printed with borders; its header rows (merged group cells, the column-number row)
/// repeat on every page and no row splits across pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub table: ReportTable,
    pub size: f32,
    /// The text may shrink down to this size so that no word has to break (wide tables).
    pub min_size: f32,
    /// The row of column numbers (1, 2, 3 …) under the header.
    pub number_row: bool,
    /// The last row stays on the page of the block that follows (the signature).
    pub keep_with_next: bool,
}

/// The signature (right half: on behalf of, the post, room to sign, the name) beside "Nơi
/// nhận:" and the recipients (left half; none on an annex).
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    pub on_behalf: String,
    pub title: String,
    pub name: String,
    pub recipients: Vec<String>,
    pub size: f32,
    pub recipient_size: f32,
    pub recipient_line_height: f32,
    /// Room left to sign, in points.
    pub sign_space: f32,
    /// Space above the block.
    pub space_before: f32,
}

/// Paragraphs side by side, each column a share of the text width; what follows starts under
/// the longest.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    pub columns: Vec<(f32, Vec<Paragraph>)>,
    pub space_after: f32,
}

/// A framed box (the photo of a CV) with a label inside and paragraphs beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct FramedBox {
    /// Width and height in points.
    pub width: f32,
    pub height: f32,
    pub label: Paragraph,
    pub beside: Vec<Paragraph>,
    pub space_after: f32,
}
