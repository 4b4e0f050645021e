//! Word files (.docx) of a `document::Document`: the same description the PDF prints, written as
//! WordprocessingML with quick-xml and packed with zip, so the text stays editable (no images, no
//! text boxes). A4 sections in their orientation and the ward's margins (mirrored for two-sided
//! printing), Times New Roman and Vietnamese (vi-VN) as the defaults, the Party's header and the
//! signature beside "Nơi nhận" as borderless tables, justified body paragraphs with the exact
//! line spacing, page numbers as a PAGE field centred in the header from page 2 (titlePg), an
//! annex numbered on its own (pgNumType start), and tables whose header rows repeat on every
//! page (tblHeader) and whose rows never split (cantSplit), with the columns the PDF gives them.
//!
//! Elements follow the schema's order (ECMA-376 part 1) so Word opens the file without offering
//! to repair it.

mod xml;

use std::io::Write;

use crate::document::{
    Align, Block, Columns, Document, FramedBox, Header, Orientation, Paragraph, Run, Section,
    Signature, Table, MM,
};
use crate::error::{CoreError, Result};
use crate::pdf::fonts::{fonts, Face};
use crate::report::table::CellAlign;
use xml::{half_points, twips, Xml};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const FONT: &str = "Times New Roman";
/// The relationship ids of the two headers: the page number, and the empty first-page header.
const NUMBER_HEADER: &str = "rId3";
const FIRST_HEADER: &str = "rId4";
/// The even pages' page number, on a two-sided document.
const EVEN_HEADER: &str = "rId5";

fn io(e: impl std::fmt::Display) -> CoreError {
    CoreError::Io(std::io::Error::other(format!("ghi tệp Word: {e}")))
}

/// The .docx bytes of a document.
pub fn write(d: &Document) -> Result<Vec<u8>> {
    let first = d.sections.first();
    let number_size = first.map_or(14.0, |s| s.numbers.size);
    let margins = first.map(|s| s.margins).unwrap_or_default();
    let mirrored = d.sections.iter().any(|s| s.mirrored);
    // Numbers centred on the page, as the PDF prints them, not on the text between unequal
    // margins: the header's paragraph is indented on the narrower margin's side by the
    // difference (on even pages of a two-sided document, the other side).
    let shift = (margins.left - margins.right) * MM;
    let odd = (shift.min(0.0).abs(), shift.max(0.0));
    let even = (odd.1, odd.0);
    let parts: [(&str, Vec<u8>); 10] = [
        ("[Content_Types].xml", content_types()?),
        ("_rels/.rels", package_rels()?),
        ("docProps/core.xml", core(&d.title)?),
        ("word/_rels/document.xml.rels", document_rels()?),
        ("word/document.xml", document(d)?),
        ("word/styles.xml", styles()?),
        ("word/settings.xml", settings(mirrored)?),
        ("word/header1.xml", header_part(Some((number_size, odd)))?),
        ("word/header2.xml", header_part(None)?),
        ("word/header3.xml", header_part(Some((number_size, even)))?),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, bytes) in parts {
        zip.start_file(name, options).map_err(io)?;
        zip.write_all(&bytes).map_err(io)?;
    }
    Ok(zip.finish().map_err(io)?.into_inner())
}

fn content_types() -> Result<Vec<u8>> {
    let mut x = Xml::new();
    x.open(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
    );
    x.empty(
        "Default",
        &[
            ("Extension", "rels"),
            (
                "ContentType",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
        ],
    );
    x.empty(
        "Default",
        &[("Extension", "xml"), ("ContentType", "application/xml")],
    );
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    for (part, kind) in [
        ("/word/document.xml", format!("{wml}.document.main+xml")),
        ("/word/styles.xml", format!("{wml}.styles+xml")),
        ("/word/settings.xml", format!("{wml}.settings+xml")),
        ("/word/header1.xml", format!("{wml}.header+xml")),
        ("/word/header2.xml", format!("{wml}.header+xml")),
        ("/word/header3.xml", format!("{wml}.header+xml")),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".to_string(),
        ),
    ] {
        x.empty("Override", &[("PartName", part), ("ContentType", &kind)]);
    }
    x.close("Types");
    x.finish().map_err(io)
}

fn relationships(rels: &[(&str, &str, &str)]) -> Result<Vec<u8>> {
    let mut x = Xml::new();
    x.open(
        "Relationships",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        )],
    );
    for (id, kind, target) in rels {
        x.empty(
            "Relationship",
            &[("Id", id), ("Type", kind), ("Target", target)],
        );
    }
    x.close("Relationships");
    x.finish().map_err(io)
}

fn package_rels() -> Result<Vec<u8>> {
    relationships(&[
        (
            "rId1",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
            "word/document.xml",
        ),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
    ])
}

fn document_rels() -> Result<Vec<u8>> {
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    relationships(&[
        ("rId1", &format!("{rel}/styles"), "styles.xml"),
        ("rId2", &format!("{rel}/settings"), "settings.xml"),
        (NUMBER_HEADER, &format!("{rel}/header"), "header1.xml"),
        (FIRST_HEADER, &format!("{rel}/header"), "header2.xml"),
        (EVEN_HEADER, &format!("{rel}/header"), "header3.xml"),
    ])
}

fn core(title: &str) -> Result<Vec<u8>> {
    let mut x = Xml::new();
    x.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
        ],
    );
    x.plain("dc:title", title);
    x.plain("dc:language", "vi-VN");
    x.close("cp:coreProperties");
    x.finish().map_err(io)
}

fn styles() -> Result<Vec<u8>> {
    let mut x = Xml::new();
    x.open("w:styles", &[("xmlns:w", W)]);
    x.open("w:docDefaults", &[]);
    x.open("w:rPrDefault", &[]);
    x.open("w:rPr", &[]);
    x.empty(
        "w:rFonts",
        &[
            ("w:ascii", FONT),
            ("w:hAnsi", FONT),
            ("w:eastAsia", FONT),
            ("w:cs", FONT),
        ],
    );
    x.val("w:sz", "28");
    x.val("w:szCs", "28");
    x.empty(
        "w:lang",
        &[
            ("w:val", "vi-VN"),
            ("w:eastAsia", "vi-VN"),
            ("w:bidi", "ar-SA"),
        ],
    );
    x.close("w:rPr");
    x.close("w:rPrDefault");
    x.open("w:pPrDefault", &[]);
    x.open("w:pPr", &[]);
    x.empty(
        "w:spacing",
        &[("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")],
    );
    x.close("w:pPr");
    x.close("w:pPrDefault");
    x.close("w:docDefaults");
    x.open(
        "w:style",
        &[
            ("w:type", "paragraph"),
            ("w:default", "1"),
            ("w:styleId", "Normal"),
        ],
    );
    x.val("w:name", "Normal");
    x.empty("w:qFormat", &[]);
    x.close("w:style");
    x.open(
        "w:style",
        &[
            ("w:type", "table"),
            ("w:default", "1"),
            ("w:styleId", "TableNormal"),
        ],
    );
    x.val("w:name", "Normal Table");
    x.val("w:uiPriority", "99");
    x.empty("w:semiHidden", &[]);
    x.empty("w:unhideWhenUsed", &[]);
    x.open("w:tblPr", &[]);
    x.empty("w:tblInd", &[("w:w", "0"), ("w:type", "dxa")]);
    x.open("w:tblCellMar", &[]);
    for side in ["w:top", "w:left", "w:bottom", "w:right"] {
        x.empty(side, &[("w:w", "0"), ("w:type", "dxa")]);
    }
    x.close("w:tblCellMar");
    x.close("w:tblPr");
    x.close("w:style");
    x.close("w:styles");
    x.finish().map_err(io)
}

fn settings(mirrored: bool) -> Result<Vec<u8>> {
    let mut x = Xml::new();
    x.open("w:settings", &[("xmlns:w", W)]);
    x.empty("w:zoom", &[("w:percent", "100")]);
    if mirrored {
        x.empty("w:mirrorMargins", &[]);
    }
    x.val("w:defaultTabStop", "720");
    if mirrored {
        x.empty("w:evenAndOddHeaders", &[]);
    }
    x.val("w:characterSpacingControl", "doNotCompress");
    x.open("w:compat", &[]);
    x.empty(
        "w:compatSetting",
        &[
            ("w:name", "compatibilityMode"),
            ("w:uri", "http://schemas.microsoft.com/office/word"),
            ("w:val", "15"),
        ],
    );
    x.close("w:compat");
    x.val("w:themeFontLang", "vi-VN");
    x.close("w:settings");
    x.finish().map_err(io)
}

/// A header: the page number as a PAGE field, centred (its size, and the paragraph's left and
/// right indents in points); or empty (the first page's).
fn header_part(number: Option<(f32, (f32, f32))>) -> Result<Vec<u8>> {
    let mut x = Xml::new();
    x.open("w:hdr", &[("xmlns:w", W), ("xmlns:r", R)]);
    x.open("w:p", &[]);
    x.open("w:pPr", &[]);
    if let Some((_, (left, right))) = number {
        x.empty(
            "w:ind",
            &[("w:left", &twips(left)), ("w:right", &twips(right))],
        );
    }
    x.val("w:jc", "center");
    x.close("w:pPr");
    if let Some((size, _)) = number {
        let sz = half_points(size);
        let run = |x: &mut Xml, inner: &dyn Fn(&mut Xml)| {
            x.open("w:r", &[]);
            x.open("w:rPr", &[]);
            x.val("w:sz", &sz);
            x.val("w:szCs", &sz);
            x.close("w:rPr");
            inner(x);
            x.close("w:r");
        };
        run(&mut x, &|x| {
            x.empty("w:fldChar", &[("w:fldCharType", "begin")])
        });
        run(&mut x, &|x| x.text("w:instrText", " PAGE "));
        run(&mut x, &|x| {
            x.empty("w:fldChar", &[("w:fldCharType", "separate")])
        });
        run(&mut x, &|x| x.text("w:t", "2"));
        run(&mut x, &|x| {
            x.empty("w:fldChar", &[("w:fldCharType", "end")])
        });
    }
    x.close("w:p");
    x.close("w:hdr");
    x.finish().map_err(io)
}

/// Page size in points, and the text width between the margins.
fn page(s: &Section) -> (f32, f32, f32) {
    let (w, h) = match s.orientation {
        Orientation::Portrait => (210.0 * MM, 297.0 * MM),
        Orientation::Landscape => (297.0 * MM, 210.0 * MM),
    };
    (w, h, w - (s.margins.left + s.margins.right) * MM)
}

fn document(d: &Document) -> Result<Vec<u8>> {
    let mut x = Xml::new();
    x.open("w:document", &[("xmlns:w", W), ("xmlns:r", R)]);
    x.open("w:body", &[]);
    let n = d.sections.len();
    for (i, s) in d.sections.iter().enumerate() {
        let mut b = Body {
            x: &mut x,
            text_width: page(s).2,
            keep_next: false,
        };
        b.section(s);
        // A section ends with a paragraph holding its properties (the last one's close the body).
        if i + 1 < n {
            b.spacer(1.0, Some(s));
        } else {
            b.spacer(1.0, None);
            sect_pr(b.x, s);
        }
    }
    x.close("w:body");
    x.close("w:document");
    x.finish().map_err(io)
}

fn sect_pr(x: &mut Xml, s: &Section) {
    let (w, h, _) = page(s);
    x.open("w:sectPr", &[]);
    x.empty(
        "w:headerReference",
        &[("w:type", "default"), ("r:id", NUMBER_HEADER)],
    );
    if s.mirrored {
        x.empty(
            "w:headerReference",
            &[("w:type", "even"), ("r:id", EVEN_HEADER)],
        );
    }
    x.empty(
        "w:headerReference",
        &[("w:type", "first"), ("r:id", FIRST_HEADER)],
    );
    x.val("w:type", "nextPage");
    let (pw, ph) = (twips(w), twips(h));
    let mut size = vec![("w:w", pw.as_str()), ("w:h", ph.as_str())];
    if s.orientation == Orientation::Landscape {
        size.push(("w:orient", "landscape"));
    }
    x.empty("w:pgSz", &size);
    let m = s.margins;
    let mm = |v: f32| twips(v * MM);
    let (top, right, bottom, left) = (mm(m.top), mm(m.right), mm(m.bottom), mm(m.left));
    // The header (the page number) starts `from_top` below the edge.
    let header = mm(s.numbers.from_top);
    x.empty(
        "w:pgMar",
        &[
            ("w:top", &top),
            ("w:right", &right),
            ("w:bottom", &bottom),
            ("w:left", &left),
            ("w:header", &header),
            ("w:footer", "567"),
            ("w:gutter", "0"),
        ],
    );
    if s.numbers.restart {
        x.empty("w:pgNumType", &[("w:start", "1")]);
    }
    if !s.numbers.on_first_page {
        x.empty("w:titlePg", &[]);
    }
    x.close("w:sectPr");
}

/// Paragraph options besides the model's own.
#[derive(Default)]
struct Extra<'a> {
    keep_next: bool,
    /// A rule under the paragraph, as long as its text (indent on each side, in points).
    rule_under: Option<f32>,
    section: Option<&'a Section>,
    /// Extra space before, in points.
    before: f32,
}

struct Body<'a> {
    x: &'a mut Xml,
    text_width: f32,
    /// Set by `KeepRoom`: the next paragraph stays with what follows it.
    keep_next: bool,
}

impl Body<'_> {
    fn section(&mut self, s: &Section) {
        for (i, b) in s.blocks.iter().enumerate() {
            let next_is_block = s.blocks.get(i + 1).is_some();
            match b {
                Block::Paragraph(p) => {
                    let keep = std::mem::take(&mut self.keep_next);
                    self.paragraph(
                        p,
                        &Extra {
                            keep_next: keep || (p.keep_with_next && next_is_block),
                            ..Extra::default()
                        },
                    );
                }
                Block::Header(h) => self.header(h),
                Block::Table(t) => self.table(t),
                Block::Signature(sg) => self.signature(sg),
                Block::Columns(c) => self.columns(c),
                Block::Box(b) => self.framed_box(b),
                Block::Space(pt) => self.spacer(*pt, None),
                Block::KeepRoom(_) => self.keep_next = true,
            }
        }
    }

    fn paragraph(&mut self, p: &Paragraph, e: &Extra) {
        let x = &mut *self.x;
        x.open("w:p", &[]);
        x.open("w:pPr", &[]);
        if e.keep_next {
            x.empty("w:keepNext", &[]);
        }
        if e.rule_under.is_some() {
            x.open("w:pBdr", &[]);
            x.empty(
                "w:bottom",
                &[
                    ("w:val", "single"),
                    ("w:sz", "5"),
                    ("w:space", "1"),
                    ("w:color", "000000"),
                ],
            );
            x.close("w:pBdr");
        }
        let before = twips(p.space_before + e.before);
        let after = twips(p.space_after);
        let line = twips(p.line_height);
        x.empty(
            "w:spacing",
            &[
                ("w:before", &before),
                ("w:after", &after),
                ("w:line", &line),
                ("w:lineRule", "exact"),
            ],
        );
        let indent = e.rule_under.map(twips);
        let first = twips(p.first_indent);
        let mut ind: Vec<(&str, &str)> = Vec::new();
        if let Some(side) = &indent {
            ind.extend([("w:left", side.as_str()), ("w:right", side.as_str())]);
        }
        if p.first_indent > 0.0 {
            ind.push(("w:firstLine", &first));
        }
        if !ind.is_empty() {
            x.empty("w:ind", &ind);
        }
        x.val(
            "w:jc",
            match p.align {
                Align::Left => "left",
                Align::Center => "center",
                Align::Right => "right",
                Align::Justify => "both",
            },
        );
        if let Some(s) = e.section {
            sect_pr(x, s);
        }
        x.close("w:pPr");
        for r in &p.runs {
            run(x, r, p.size);
        }
        x.close("w:p");
    }

    /// An empty paragraph exactly `pt` high (space, and what separates two tables); after a
    /// `KeepRoom` it stays with what follows.
    fn spacer(&mut self, pt: f32, section: Option<&Section>) {
        let keep = self.keep_next;
        let x = &mut *self.x;
        x.open("w:p", &[]);
        x.open("w:pPr", &[]);
        if keep {
            x.empty("w:keepNext", &[]);
        }
        let line = twips(pt.max(1.0));
        x.empty(
            "w:spacing",
            &[
                ("w:before", "0"),
                ("w:after", "0"),
                ("w:line", &line),
                ("w:lineRule", "exact"),
            ],
        );
        // (The paragraph mark's run properties come before the section's, as the schema orders.)
        x.open("w:rPr", &[]);
        x.val("w:sz", "2");
        x.val("w:szCs", "2");
        x.close("w:rPr");
        if let Some(s) = section {
            sect_pr(x, s);
        }
        x.close("w:pPr");
        x.close("w:p");
    }

    /// A borderless table of one row (the header, the signature, columns): its cells' widths in
    /// points and their paragraphs.
    fn layout_table(&mut self, cells: &[(f32, Vec<(Paragraph, Extra)>)], height: Option<f32>) {
        let x = &mut *self.x;
        let total: f32 = cells.iter().map(|c| c.0).sum();
        x.open("w:tbl", &[]);
        x.open("w:tblPr", &[]);
        let tw = twips(total);
        x.empty("w:tblW", &[("w:w", &tw), ("w:type", "dxa")]);
        borders(x, "w:tblBorders", "nil");
        x.val("w:tblLayout", "fixed");
        cell_margins(x, 0.0, 0.0);
        x.close("w:tblPr");
        x.open("w:tblGrid", &[]);
        for (w, _) in cells {
            x.empty("w:gridCol", &[("w:w", &twips(*w))]);
        }
        x.close("w:tblGrid");
        x.open("w:tr", &[]);
        x.open("w:trPr", &[]);
        x.empty("w:cantSplit", &[]);
        if let Some(h) = height {
            x.empty("w:trHeight", &[("w:val", &twips(h)), ("w:hRule", "exact")]);
        }
        x.close("w:trPr");
        for (w, paras) in cells {
            let x = &mut *self.x;
            x.open("w:tc", &[]);
            x.open("w:tcPr", &[]);
            x.empty("w:tcW", &[("w:w", &twips(*w)), ("w:type", "dxa")]);
            x.close("w:tcPr");
            if paras.is_empty() {
                self.spacer(1.0, None);
            }
            for (p, e) in paras {
                self.paragraph(p, e);
            }
            self.x.close("w:tc");
        }
        self.x.close("w:tr");
        self.x.close("w:tbl");
    }

    fn header(&mut self, h: &Header) {
        let left_w = self.text_width * h.left_share;
        let right_w = self.text_width - left_w;
        let line = |run: Run, size: f32| {
            Paragraph::new(vec![run], size)
                .align(Align::Center)
                .line_height(size * 1.2)
        };
        let mut left = vec![
            (line(Run::plain(&h.superior), h.size), Extra::default()),
            (line(Run::bold(&h.issuer), h.size), Extra::default()),
            (line(Run::plain("*"), h.size), Extra::default()),
        ];
        if let Some(n) = &h.number {
            left.push((line(Run::plain(n), h.size), Extra::default()));
        }
        // The rule under the Party's name is as long as the name.
        let name_w = fonts().width(Face::BOLD, &h.party, h.party_size);
        // (A few points to spare: office suites measure text a little differently.)
        let side = ((right_w - name_w) / 2.0 - 3.0).max(0.0);
        let right = vec![
            (
                line(Run::bold(&h.party), h.party_size),
                Extra {
                    rule_under: Some(side),
                    ..Extra::default()
                },
            ),
            (
                line(Run::italic(&h.place_date), h.size),
                Extra {
                    before: h.size * 0.9 - 2.0,
                    ..Extra::default()
                },
            ),
        ];
        self.layout_table(&[(left_w, left), (right_w, right)], None);
        self.spacer(h.space_after, None);
    }

    fn signature(&mut self, s: &Signature) {
        let half = self.text_width / 2.0;
        let centred = |run: Run| {
            Paragraph::new(vec![run], s.size)
                .align(Align::Center)
                .line_height(s.size * 1.2)
        };
        let mut left = Vec::new();
        if !s.recipients.is_empty() {
            left.push((
                Paragraph::new(vec![Run::plain("Nơi nhận:").underlined()], s.size)
                    .line_height(s.size * 1.2),
                Extra::default(),
            ));
        }
        for r in &s.recipients {
            left.push((
                Paragraph::new(vec![Run::plain(r)], s.recipient_size)
                    .line_height(s.recipient_line_height),
                Extra::default(),
            ));
        }
        let right = vec![
            (centred(Run::bold(&s.on_behalf)), Extra::default()),
            (centred(Run::plain(&s.title)), Extra::default()),
            (
                centred(Run::bold(&s.name)).before(s.sign_space),
                Extra::default(),
            ),
        ];
        // The space above stays with the signature (and the paragraph before keeps with both).
        self.keep_next = true;
        self.spacer(s.space_before, None);
        self.keep_next = false;
        self.layout_table(&[(half, left), (half, right)], None);
    }

    fn columns(&mut self, c: &Columns) {
        let cells: Vec<(f32, Vec<(Paragraph, Extra)>)> = c
            .columns
            .iter()
            .map(|(share, paras)| {
                (
                    self.text_width * share,
                    paras
                        .iter()
                        .map(|p| (p.clone(), Extra::default()))
                        .collect(),
                )
            })
            .collect();
        // A row never splits: what had to stay together (the CV's signatures) does.
        self.keep_next = false;
        self.layout_table(&cells, None);
        if c.space_after > 0.0 {
            self.spacer(c.space_after, None);
        }
    }

    fn framed_box(&mut self, b: &FramedBox) {
        let x = &mut *self.x;
        let rest = self.text_width - b.width;
        x.open("w:tbl", &[]);
        x.open("w:tblPr", &[]);
        x.empty(
            "w:tblW",
            &[("w:w", &twips(self.text_width)), ("w:type", "dxa")],
        );
        borders(x, "w:tblBorders", "nil");
        x.val("w:tblLayout", "fixed");
        cell_margins(x, 0.0, 0.0);
        x.close("w:tblPr");
        x.open("w:tblGrid", &[]);
        x.empty("w:gridCol", &[("w:w", &twips(b.width))]);
        x.empty("w:gridCol", &[("w:w", &twips(rest))]);
        x.close("w:tblGrid");
        x.open("w:tr", &[]);
        x.open("w:trPr", &[]);
        x.empty("w:cantSplit", &[]);
        x.empty(
            "w:trHeight",
            &[("w:val", &twips(b.height)), ("w:hRule", "exact")],
        );
        x.close("w:trPr");
        // The frame.
        x.open("w:tc", &[]);
        x.open("w:tcPr", &[]);
        x.empty("w:tcW", &[("w:w", &twips(b.width)), ("w:type", "dxa")]);
        borders(x, "w:tcBorders", "single");
        x.val("w:vAlign", "center");
        x.close("w:tcPr");
        self.paragraph(&b.label, &Extra::default());
        self.x.close("w:tc");
        // Beside it.
        let x = &mut *self.x;
        x.open("w:tc", &[]);
        x.open("w:tcPr", &[]);
        x.empty("w:tcW", &[("w:w", &twips(rest)), ("w:type", "dxa")]);
        x.close("w:tcPr");
        for (i, p) in b.beside.iter().enumerate() {
            let before = if i == 0 { 10.0 } else { 0.0 };
            self.paragraph(
                p,
                &Extra {
                    before,
                    ..Extra::default()
                },
            );
        }
        if b.beside.is_empty() {
            self.spacer(1.0, None);
        }
        self.x.close("w:tc");
        self.x.close("w:tr");
        self.x.close("w:tbl");
        self.spacer(b.space_after, None);
    }

    fn table(&mut self, t: &Table) {
        self.keep_next = false;
        let cols = &t.table.columns;
        if cols.is_empty() {
            return;
        }
        // The columns and size the PDF gives this table.
        let laid = crate::pdf::render::table(t, 0.0);
        let (size, widths) = crate::pdf::table::layout(&laid, self.text_width);
        let lh = size * 1.2;
        let x = &mut *self.x;
        x.open("w:tbl", &[]);
        x.open("w:tblPr", &[]);
        let total: f32 = widths.iter().sum();
        x.empty("w:tblW", &[("w:w", &twips(total)), ("w:type", "dxa")]);
        borders(x, "w:tblBorders", "single");
        x.val("w:tblLayout", "fixed");
        cell_margins(x, 2.0, 2.5);
        x.close("w:tblPr");
        x.open("w:tblGrid", &[]);
        for w in &widths {
            x.empty("w:gridCol", &[("w:w", &twips(*w))]);
        }
        x.close("w:tblGrid");

        let cell_para = |text: &str, bold: bool, italic: bool, align: Align| {
            Paragraph::new(
                vec![Run {
                    text: text.to_string(),
                    bold,
                    italic,
                    underline: false,
                }],
                size,
            )
            .align(align)
            .line_height(lh)
        };
        let span = |first: usize, last: usize| widths[first..=last].iter().sum::<f32>();
        // The header: groups merged across their columns, the others down both rows; repeated
        // on every page with the column-number row.
        let (heads, two) = t.table.header_cells();
        let rows = if two { 2 } else { 1 };
        for row in 0..rows {
            self.row_start(true);
            let mut c = 0;
            while c < cols.len() {
                let here = heads
                    .iter()
                    .find(|h| h.first == c && (h.row == row || (h.rows == 2 && row == 1)));
                match here {
                    Some(h) if h.row == row => {
                        let merge = match (h.rows, two) {
                            (2, _) => Some("restart"),
                            _ => None,
                        };
                        self.cell(
                            span(h.first, h.last),
                            h.last - h.first + 1,
                            merge,
                            &cell_para(&h.text, true, false, Align::Center),
                        );
                        c = h.last + 1;
                    }
                    Some(h) => {
                        // Row 2 under a header that spans both rows.
                        self.cell(
                            span(h.first, h.last),
                            1,
                            Some("continue"),
                            &cell_para("", true, false, Align::Center),
                        );
                        c = h.last + 1;
                    }
                    None => c += 1,
                }
            }
            self.x.close("w:tr");
        }
        if t.number_row {
            self.row_start(true);
            for (i, w) in widths.iter().enumerate() {
                self.cell(
                    *w,
                    1,
                    None,
                    &cell_para(&(i + 1).to_string(), false, true, Align::Center),
                );
            }
            self.x.close("w:tr");
        }
        let last = laid.rows.len().saturating_sub(1);
        for (i, r) in laid.rows.iter().enumerate() {
            self.row_start(false);
            let keep = t.keep_with_next && i == last;
            match r {
                crate::pdf::Row::Section(s) => {
                    let mut p = cell_para(s, true, false, Align::Left);
                    p.keep_with_next = true;
                    self.cell(total, cols.len(), None, &p);
                }
                crate::pdf::Row::Cells(cells) | crate::pdf::Row::Total(cells) => {
                    let bold = matches!(r, crate::pdf::Row::Total(_));
                    for ((text, w), col) in cells.iter().zip(&widths).zip(cols) {
                        let align = match col.align {
                            CellAlign::Left => Align::Left,
                            CellAlign::Center => Align::Center,
                        };
                        let mut p = cell_para(text, bold, false, align);
                        p.keep_with_next = keep;
                        self.cell(*w, 1, None, &p);
                    }
                }
            }
            self.x.close("w:tr");
        }
        self.x.close("w:tbl");
    }

    fn row_start(&mut self, header: bool) {
        let x = &mut *self.x;
        x.open("w:tr", &[]);
        x.open("w:trPr", &[]);
        x.empty("w:cantSplit", &[]);
        if header {
            x.empty("w:tblHeader", &[]);
        }
        x.close("w:trPr");
    }

    fn cell(&mut self, width: f32, span: usize, merge: Option<&str>, p: &Paragraph) {
        let x = &mut *self.x;
        x.open("w:tc", &[]);
        x.open("w:tcPr", &[]);
        x.empty("w:tcW", &[("w:w", &twips(width)), ("w:type", "dxa")]);
        if span > 1 {
            x.val("w:gridSpan", &span.to_string());
        }
        if let Some(m) = merge {
            x.val("w:vMerge", m);
        }
        x.val("w:vAlign", "center");
        x.close("w:tcPr");
        self.paragraph(
            p,
            &Extra {
                keep_next: p.keep_with_next,
                ..Extra::default()
            },
        );
        self.x.close("w:tc");
    }
}

/// A table's cell margins: `v` above and below, `h` left and right, in points.
fn cell_margins(x: &mut Xml, v: f32, h: f32) {
    x.open("w:tblCellMar", &[]);
    for (side, pad) in [("w:top", v), ("w:left", h), ("w:bottom", v), ("w:right", h)] {
        x.empty(side, &[("w:w", &twips(pad)), ("w:type", "dxa")]);
    }
    x.close("w:tblCellMar");
}

/// The four sides (and the inside lines of a table) in one style: "single" 0.5 pt or "nil".
fn borders(x: &mut Xml, name: &str, style: &str) {
    x.open(name, &[]);
    let sides: &[&str] = if name == "w:tblBorders" {
        &[
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:insideH",
            "w:insideV",
        ]
    } else {
        &["w:top", "w:left", "w:bottom", "w:right"]
    };
    for side in sides {
        if style == "nil" {
            x.val(side, "nil");
        } else {
            x.empty(
                side,
                &[
                    ("w:val", style),
                    ("w:sz", "4"),
                    ("w:space", "0"),
                    ("w:color", "000000"),
                ],
            );
        }
    }
    x.close(name);
}

fn run(x: &mut Xml, r: &Run, size: f32) {
    let sz = half_points(size);
    for (i, piece) in r.text.split('\n').enumerate() {
        x.open("w:r", &[]);
        x.open("w:rPr", &[]);
        if r.bold {
            x.empty("w:b", &[]);
            x.empty("w:bCs", &[]);
        }
        if r.italic {
            x.empty("w:i", &[]);
            x.empty("w:iCs", &[]);
        }
        x.val("w:sz", &sz);
        x.val("w:szCs", &sz);
        if r.underline {
            x.val("w:u", "single");
        }
        x.close("w:rPr");
        if i > 0 {
            x.empty("w:br", &[]);
        }
        if !piece.is_empty() {
            x.text("w:t", piece);
        }
        x.close("w:r");
    }
}
