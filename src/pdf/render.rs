//! Lays a `document::Document` out on pages: each block in turn from the cursor down, sections
//! on new pages in their orientation and margins, then each page's number from its section's
//! numbering.

use super::fonts::{fonts, Face};
use super::page::{Doc, MM};
use super::table as t;
use super::text::Para;
use crate::document::{
    Align, Block, Columns, Document, FramedBox, Header, Run, Section, Signature, Table,
};
use crate::report::table::{CellAlign, Row};

/// The document laid out (not yet written: see `Doc::finish` and `Doc::preview`).
pub fn render(d: &Document) -> Doc {
    let mut doc: Option<Doc> = None;
    // Each section's first page and numbering.
    let mut starts = Vec::new();
    for s in &d.sections {
        let doc = match &mut doc {
            None => {
                let doc = doc.insert(Doc::new(&d.title, s.orientation, s.margins));
                doc.mirrored = s.mirrored;
                doc
            }
            Some(doc) => {
                doc.mirrored = s.mirrored;
                doc.new_page_with(s.orientation, s.margins);
                doc
            }
        };
        starts.push((doc.pages.len() - 1, s));
        section(doc, s);
    }
    let mut doc = doc.unwrap_or_else(|| {
        Doc::new(
            &d.title,
            crate::document::Orientation::Portrait,
            Default::default(),
        )
    });
    number_pages(&mut doc, &starts);
    doc
}

fn number_pages(doc: &mut Doc, starts: &[(usize, &Section)]) {
    let mut next = 1;
    for (k, (start, s)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(doc.pages.len(), |n| n.0);
        if s.numbers.restart {
            next = 1;
        }
        // The top of the number's line sits `from_top` below the edge, as a Word header does.
        let baseline = s.numbers.from_top * MM + fonts().ascent(Face::REGULAR) * s.numbers.size;
        for (i, page) in doc.pages[*start..end].iter_mut().enumerate() {
            if i > 0 || s.numbers.on_first_page {
                page.number = Some((next.to_string(), baseline, s.numbers.size));
            }
            next += 1;
        }
    }
}

fn section(doc: &mut Doc, s: &Section) {
    for (i, b) in s.blocks.iter().enumerate() {
        let next = s.blocks.get(i + 1);
        match b {
            Block::Paragraph(p) if p.keep_with_next => {
                let then = next.map_or(0.0, |n| height(doc, n));
                doc.para_keep(p, 2, then);
            }
            Block::Paragraph(p) => doc.para(p),
            Block::Header(h) => header(doc, h),
            Block::Table(tb) => {
                let then = match next {
                    Some(n) if tb.keep_with_next => height(doc, n),
                    _ => 0.0,
                };
                doc.table(&table(tb, then));
            }
            Block::Signature(sg) => signature(doc, sg),
            Block::Columns(c) => columns(doc, c),
            Block::Box(b) => framed_box(doc, b),
            Block::Space(pt) => doc.space(*pt),
            Block::KeepRoom(pt) => doc.ensure(*pt),
        }
    }
}

/// Height a block needs to stay whole (what a paragraph or table keeps with it).
fn height(doc: &Doc, b: &Block) -> f32 {
    match b {
        Block::Signature(s) => signature_height(doc, s),
        Block::Paragraph(p) => Doc::para_height(p, doc.width()),
        Block::Space(pt) => *pt,
        _ => 0.0,
    }
}

/// A centred line of one run.
fn line(run: Run, size: f32) -> Para {
    Para::new(vec![run], size)
        .align(Align::Center)
        .line_height(size * 1.2)
}

fn header(doc: &mut Doc, h: &Header) {
    let left_w = doc.width() * h.left_share;
    let right_w = doc.width() - left_w;
    let x_left = doc.left();
    let x_right = x_left + left_w;
    let top = doc.y;
    // Left: superior body, issuing body (bold), the asterisk, the number.
    let mut left = vec![
        line(Run::plain(&h.superior), h.size),
        line(Run::bold(&h.issuer), h.size),
        line(Run::plain("*"), h.size),
    ];
    if let Some(n) = &h.number {
        left.push(line(Run::plain(n), h.size));
    }
    for p in &left {
        doc.para_in(p, x_left, left_w);
    }
    let left_bottom = doc.y;
    // Right: the Party's name in bold with a rule under it as long as the name, then the date.
    doc.y = top;
    doc.para_in(&line(Run::bold(&h.party), h.party_size), x_right, right_w);
    let tw = fonts().width(Face::BOLD, &h.party, h.party_size);
    let mid = x_right + right_w / 2.0;
    let rule_y = doc.y + 1.0;
    doc.hline(mid - tw / 2.0, mid + tw / 2.0, rule_y, 0.6);
    doc.space(h.size * 0.9);
    doc.para_in(&line(Run::italic(&h.place_date), h.size), x_right, right_w);
    doc.y = doc.y.max(left_bottom) + h.space_after;
}

fn signature_head(s: &Signature) -> Vec<Para> {
    vec![
        line(Run::bold(&s.on_behalf), s.size),
        line(Run::plain(&s.title), s.size),
    ]
}

fn recipient(s: &Signature, text: &str) -> Para {
    Para::new(vec![Run::plain(text)], s.recipient_size).line_height(s.recipient_line_height)
}

fn recipients_heading(s: &Signature) -> Para {
    Para::new(vec![Run::plain("Nơi nhận:").underlined()], s.size).line_height(s.size * 1.2)
}

/// Height of the signature block beside the recipients.
fn signature_height(doc: &Doc, s: &Signature) -> f32 {
    let (left_w, right_w) = (doc.width() * 0.5, doc.width() * 0.5);
    let right: f32 = signature_head(s)
        .iter()
        .map(|p| Doc::para_height(p, right_w))
        .sum::<f32>()
        + s.sign_space
        + Doc::para_height(&line(Run::bold(&s.name), s.size), right_w);
    let heading = if s.recipients.is_empty() {
        0.0
    } else {
        Doc::para_height(&recipients_heading(s), left_w)
    };
    let left: f32 = heading
        + s.recipients
            .iter()
            .map(|r| Doc::para_height(&recipient(s, r), left_w))
            .sum::<f32>();
    right.max(left) + s.space_before
}

fn signature(doc: &mut Doc, s: &Signature) {
    let h = signature_height(doc, s);
    doc.ensure(h);
    doc.space(s.space_before);
    let half = doc.width() * 0.5;
    let (x_left, x_right) = (doc.left(), doc.left() + half);
    let top = doc.y;
    for p in &signature_head(s) {
        doc.para_in(p, x_right, half);
    }
    doc.space(s.sign_space);
    doc.para_in(&line(Run::bold(&s.name), s.size), x_right, half);
    let right_bottom = doc.y;
    doc.y = top;
    if !s.recipients.is_empty() {
        doc.para_in(&recipients_heading(s), x_left, half);
    }
    for r in &s.recipients {
        doc.para_in(&recipient(s, r), x_left, half);
    }
    doc.y = doc.y.max(right_bottom);
}

fn columns(doc: &mut Doc, c: &Columns) {
    let (x0, w) = (doc.left(), doc.width());
    let top = doc.y;
    let mut bottom = top;
    let mut x = x0;
    for (share, paras) in &c.columns {
        doc.y = top;
        let cw = w * share;
        for p in paras {
            doc.para_in(p, x, cw);
        }
        bottom = bottom.max(doc.y);
        x += cw;
    }
    doc.y = bottom + c.space_after;
}

fn framed_box(doc: &mut Doc, b: &FramedBox) {
    let (x0, w) = (doc.left(), doc.width());
    let by = doc.y;
    doc.rect(x0, by, b.width, b.height, 0.5);
    doc.y = by + b.height / 2.0 - 10.0;
    doc.para_in(&b.label, x0, b.width);
    doc.y = by + 10.0;
    for p in &b.beside {
        doc.para_in(p, x0 + b.width, w - b.width);
    }
    doc.y = by + b.height + b.space_after;
}

/// The layout engine's table of a model table.
pub(crate) fn table(tb: &Table, keep_after: f32) -> t::Table {
    let cols = tb
        .table
        .columns
        .iter()
        .map(|c| {
            let align = match c.align {
                CellAlign::Left => Align::Left,
                CellAlign::Center => Align::Center,
            };
            let mut col = t::Col::new(&c.header, c.width as f32, align);
            col.group = c.group.clone();
            col
        })
        .collect();
    let text = |cells: &[crate::report::table::Cell]| cells.iter().map(|c| c.display()).collect();
    t::Table {
        cols,
        rows: tb
            .table
            .rows
            .iter()
            .map(|r| match r {
                Row::Section(s) => t::Row::Section(s.clone()),
                Row::Data(c) => t::Row::Cells(text(c)),
                Row::Total(c) => t::Row::Total(text(c)),
            })
            .collect(),
        size: tb.size,
        number_row: tb.number_row,
        keep_after,
        min_size: tb.min_size,
    }
}
