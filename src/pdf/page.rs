//! Pages: A4 portrait or landscape with margins, a cursor moving down the page, paragraphs that
//! break across pages, blocks kept whole, lines, and page numbers centred in the top margin from
//! page 2. Everything is recorded as marks (text pieces and lines, y from the top) and turned into
//! printpdf operations, with the fonts embedded and subset, when the document is finished.

use printpdf::{
    Color, FontId, Greyscale, Line as PdfLine, LinePoint, Mm, Op, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, TextItem,
};

use super::fonts::{fonts, Face};
use super::text::{lay_out, Line, Para, Seg};

pub use crate::document::{Margins, Orientation, MM};

/// Something drawn on a page; y is measured down from the top edge, in points.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Mark {
    Text {
        x: f32,
        y: f32,
        size: f32,
        face: Face,
        text: String,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
}

#[derive(Debug, Clone)]
pub struct Page {
    pub orientation: Orientation,
    pub margins: Margins,
    pub marks: Vec<Mark>,
    /// The number printed at the top centre: its text, baseline (from the top edge) and size.
    pub number: Option<(String, f32, f32)>,
}

impl Page {
    /// Width and height in points.
    pub fn size(&self) -> (f32, f32) {
        match self.orientation {
            Orientation::Portrait => (210.0 * MM, 297.0 * MM),
            Orientation::Landscape => (297.0 * MM, 210.0 * MM),
        }
    }
}

/// A page as the preview draws it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PagePreview {
    pub width: f32,
    pub height: f32,
    pub marks: Vec<Mark>,
}

/// A document being laid out.
pub struct Doc {
    pub title: String,
    pub pages: Vec<Page>,
    /// Cursor: distance from the top of the current page, in points.
    pub y: f32,
    /// Two-sided printing: even pages swap the left and right margins.
    pub mirrored: bool,
    /// The margins of the current section (an odd page's).
    pub margins: Margins,
}

impl Doc {
    pub fn new(title: &str, orientation: Orientation, margins: Margins) -> Doc {
        Doc {
            title: title.to_string(),
            pages: vec![Page {
                orientation,
                margins,
                marks: Vec::new(),
                number: None,
            }],
            y: margins.top * MM,
            mirrored: false,
            margins,
        }
    }

    pub fn page(&self) -> &Page {
        self.pages.last().expect("a document always has a page")
    }

    fn page_mut(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a document always has a page")
    }

    /// Left edge of the text area, in points.
    pub fn left(&self) -> f32 {
        self.page().margins.left * MM
    }

    /// Width of the text area, in points.
    pub fn width(&self) -> f32 {
        let p = self.page();
        p.size().0 - (p.margins.left + p.margins.right) * MM
    }

    /// Lowest y text may reach on this page.
    pub fn bottom(&self) -> f32 {
        let p = self.page();
        p.size().1 - p.margins.bottom * MM
    }

    pub fn remaining(&self) -> f32 {
        self.bottom() - self.y
    }

    /// Starts a new page (in another orientation if given), cursor at the top margin.
    pub fn new_page(&mut self, orientation: Option<Orientation>) {
        let prev = self.page().orientation;
        self.new_page_with(orientation.unwrap_or(prev), self.margins);
    }

    /// Starts a new page in the given orientation and margins (a new section); on a mirrored
    /// document an even page takes the left and right margins swapped.
    pub fn new_page_with(&mut self, orientation: Orientation, margins: Margins) {
        self.margins = margins;
        let even = self.pages.len() % 2 == 1;
        let margins = if self.mirrored && even {
            Margins {
                left: margins.right,
                right: margins.left,
                ..margins
            }
        } else {
            margins
        };
        let page = Page {
            orientation,
            margins,
            marks: Vec::new(),
            number: None,
        };
        self.y = page.margins.top * MM;
        self.pages.push(page);
    }

    /// Makes room for `height` points, starting a new page if they do not fit (and the page is
    /// not empty already).
    pub fn ensure(&mut self, height: f32) {
        let top = self.page().margins.top * MM;
        if self.y + height > self.bottom() && self.y > top + 0.5 {
            self.new_page(None);
        }
    }

    pub fn space(&mut self, pt: f32) {
        self.y += pt;
    }

    pub fn mark(&mut self, m: Mark) {
        self.page_mut().marks.push(m);
    }

    pub fn hline(&mut self, x1: f32, x2: f32, y: f32, width: f32) {
        self.mark(Mark::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width,
        });
    }

    /// The four sides of a box.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, width: f32) {
        self.hline(x, x + w, y, width);
        self.hline(x, x + w, y + h, width);
        self.vline(x, y, y + h, width);
        self.vline(x + w, y, y + h, width);
    }

    pub fn vline(&mut self, x: f32, y1: f32, y2: f32, width: f32) {
        self.mark(Mark::Line {
            x1: x,
            y1,
            x2: x,
            y2,
            width,
        });
    }

    /// Draws laid-out lines with their first baseline `ascent` below `top`, at `x0`.
    pub fn draw_lines(&mut self, lines: &[Line], x0: f32, top: f32, size: f32, line_height: f32) {
        for (i, line) in lines.iter().enumerate() {
            let baseline = top + i as f32 * line_height + line_height * 0.5 + size * 0.33;
            // Underlined pieces next to each other get one rule, spaces included.
            let mut rule: Option<(f32, f32)> = None;
            for (x, seg) in &line.pieces {
                self.draw_seg(seg, x0 + x, baseline, size);
                rule = match (rule, seg.underline) {
                    (Some((a, _)), true) => Some((a, x0 + x + seg.width)),
                    (None, true) => Some((x0 + x, x0 + x + seg.width)),
                    (Some((a, b)), false) => {
                        self.underline(a, b, baseline, size);
                        None
                    }
                    (None, false) => None,
                };
            }
            if let Some((a, b)) = rule {
                self.underline(a, b, baseline, size);
            }
        }
    }

    fn underline(&mut self, x1: f32, x2: f32, baseline: f32, size: f32) {
        self.hline(x1, x2, baseline + size * 0.12, size * 0.05);
    }

    fn draw_seg(&mut self, seg: &Seg, x: f32, baseline: f32, size: f32) {
        self.mark(Mark::Text {
            x,
            y: baseline,
            size,
            face: seg.face,
            text: seg.text.clone(),
        });
    }

    /// A paragraph across the full width, breaking across pages between lines.
    pub fn para(&mut self, p: &Para) {
        self.para_in(p, self.left(), self.width());
    }

    /// A paragraph in a column; its last `keep` lines stay on the page of the next `then` points.
    pub fn para_keep(&mut self, p: &Para, keep: usize, then: f32) {
        let lines = lay_out(p, self.width());
        self.y += p.space_before;
        let n = lines.len();
        let keep_from = n.saturating_sub(keep);
        for (i, line) in lines.iter().enumerate() {
            let need = if i == keep_from {
                (n - i) as f32 * p.line_height + p.space_after + then
            } else {
                p.line_height
            };
            self.ensure(need.min(self.usable_height()));
            let (top, x0) = (self.y, self.left());
            self.draw_lines(std::slice::from_ref(line), x0, top, p.size, p.line_height);
            self.y += p.line_height;
        }
        self.y += p.space_after;
    }

    fn usable_height(&self) -> f32 {
        let p = self.page();
        p.size().1 - (p.margins.top + p.margins.bottom) * MM
    }

    /// A paragraph in the column [x0, x0 + width].
    pub fn para_in(&mut self, p: &Para, x0: f32, width: f32) {
        let lines = lay_out(p, width);
        self.y += p.space_before;
        // On a mirrored document the text area moves when the paragraph goes on a new page.
        let from_left = x0 - self.left();
        for line in &lines {
            self.ensure(p.line_height);
            let (top, x0) = (self.y, self.left() + from_left);
            self.draw_lines(std::slice::from_ref(line), x0, top, p.size, p.line_height);
            self.y += p.line_height;
        }
        self.y += p.space_after;
    }

    /// Height a paragraph takes in a column of `width`.
    pub fn para_height(p: &Para, width: f32) -> f32 {
        p.space_before + lay_out(p, width).len() as f32 * p.line_height + p.space_after
    }

    /// The first `max` pages as drawn (size in points and marks), with their page numbers, for a
    /// preview in the app that needs no PDF viewer.
    pub fn preview(&self, max: usize) -> Vec<PagePreview> {
        let mut numbered = Doc {
            title: String::new(),
            pages: self.pages.iter().take(max).cloned().collect(),
            y: 0.0,
            mirrored: self.mirrored,
            margins: self.margins,
        };
        numbered.add_page_numbers();
        numbered
            .pages
            .into_iter()
            .map(|p| {
                let (width, height) = p.size();
                PagePreview {
                    width,
                    height,
                    marks: p.marks,
                }
            })
            .collect()
    }

    fn add_page_numbers(&mut self) {
        for page in &mut self.pages {
            let Some((text, y, size)) = page.number.take() else {
                continue;
            };
            let (w, _) = page.size();
            let tw = fonts().width(Face::REGULAR, &text, size);
            page.marks.push(Mark::Text {
                x: (w - tw) / 2.0,
                y,
                size,
                face: Face::REGULAR,
                text,
            });
        }
    }

    /// Finishes the document: the page numbers drawn, fonts embedded and subset; PDF bytes.
    pub fn finish(mut self) -> Vec<u8> {
        self.add_page_numbers();
        let mut doc = PdfDocument::new(&self.title);
        let ids: Vec<FontId> = fonts().faces.iter().map(|f| doc.add_font(f)).collect();
        let pages: Vec<PdfPage> = self.pages.iter().map(|p| to_pdf_page(p, &ids)).collect();
        let mut warnings = Vec::new();
        doc.with_pages(pages)
            .save(&PdfSaveOptions::default(), &mut warnings)
    }
}

/// Coordinates to a tenth of a point (0.035 mm): invisible, and the streams compress far better.
fn r(v: f32) -> Pt {
    Pt((v * 10.0).round() / 10.0)
}

fn to_pdf_page(page: &Page, ids: &[FontId]) -> PdfPage {
    let (w, h) = page.size();
    let mut ops = vec![
        Op::SetOutlineColor {
            col: Color::Greyscale(Greyscale::new(0.0, None)),
        },
        Op::SetFillColor {
            col: Color::Greyscale(Greyscale::new(0.0, None)),
        },
    ];
    let mut width = -1.0f32;
    for m in &page.marks {
        if let Mark::Line {
            x1,
            y1,
            x2,
            y2,
            width: lw,
        } = m
        {
            if (*lw - width).abs() > 0.001 {
                ops.push(Op::SetOutlineThickness { pt: Pt(*lw) });
                width = *lw;
            }
            ops.push(Op::DrawLine {
                line: PdfLine {
                    points: vec![
                        LinePoint {
                            p: Point {
                                x: r(*x1),
                                y: r(h - y1),
                            },
                            bezier: false,
                        },
                        LinePoint {
                            p: Point {
                                x: r(*x2),
                                y: r(h - y2),
                            },
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            });
        }
    }
    ops.push(Op::StartTextSection);
    let mut current: Option<(Face, f32)> = None;
    // Td moves relative to the previous line start (the origin at BT): shorter than a full Tm.
    let mut at = (0.0f32, 0.0f32);
    for m in &page.marks {
        if let Mark::Text {
            x,
            y,
            size,
            face,
            text,
        } = m
        {
            if current != Some((*face, *size)) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(ids[face.index()].clone()),
                    size: Pt(*size),
                });
                current = Some((*face, *size));
            }
            let (nx, ny) = (r(*x).0, r(h - y).0);
            ops.push(Op::SetTextCursor {
                pos: Point {
                    x: r(nx - at.0),
                    y: r(ny - at.1),
                },
            });
            at = (nx, ny);
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(text.clone())],
            });
        }
    }
    ops.push(Op::EndTextSection);
    PdfPage::new(Mm(w / MM), Mm(h / MM), ops)
}
