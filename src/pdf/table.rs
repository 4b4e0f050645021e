//! Tables with borders: a header of one or two rows (a group over consecutive columns is merged
//! across them, other headers span both rows), a column-number row, cells that wrap, section rows
//! across the table, rows that never split across pages, and the header repeated on every page.

use super::fonts::{fonts, Face};
use super::page::Doc;
use super::text::{lay_out, Align, Para, Run};
use crate::report::table::HeaderCell;

#[derive(Debug, Clone, PartialEq)]
pub struct Col {
    pub header: String,
    pub group: Option<String>,
    /// Relative width; the columns share the text width in proportion.
    pub weight: f32,
    pub align: Align,
}

impl Col {
    pub fn new(header: &str, weight: f32, align: Align) -> Col {
        Col {
            header: header.to_string(),
            group: None,
            weight,
            align,
        }
    }
    pub fn group(mut self, g: &str) -> Col {
        self.group = Some(g.to_string());
        self
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// "I. BÍ THƯ ĐẢNG ỦY", bold, across all columns.
    Section(String),
    Cells(Vec<String>),
    /// Bold cells (totals).
    Total(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub cols: Vec<Col>,
    pub rows: Vec<Row>,
    pub size: f32,
    pub number_row: bool,
    /// Height of what must follow the last row on the same page (a signature block).
    pub keep_after: f32,
    /// The text may shrink down to this size so that no word has to break (wide tables).
    pub min_size: f32,
}

const PAD_X: f32 = 2.5;
const PAD_Y: f32 = 2.0;
const RULE: f32 = 0.5;

struct Geometry {
    x: Vec<f32>,
    w: Vec<f32>,
    line_height: f32,
}

impl Geometry {
    /// Moves the columns to a page whose text area starts at `left` (mirrored margins).
    fn start_at(&mut self, left: f32) {
        let dx = left - self.x.first().copied().unwrap_or(left);
        for x in &mut self.x {
            *x += dx;
        }
    }

    fn span(&self, from: usize, to: usize) -> (f32, f32) {
        (self.x[from], self.x[to] + self.w[to] - self.x[from])
    }
}

fn cell_para(text: &str, face: Face, size: f32, align: Align, lh: f32) -> Para {
    Para::new(
        vec![Run {
            text: text.to_string(),
            bold: face.bold,
            italic: face.italic,
            underline: false,
        }],
        size,
    )
    .align(align)
    .line_height(lh)
}

fn cell_height(p: &Para, width: f32) -> f32 {
    lay_out(p, (width - 2.0 * PAD_X).max(1.0)).len() as f32 * p.line_height + 2.0 * PAD_Y
}

/// The header cells (by the one rule of `report::table::header_cells`), and whether the
/// header has two rows.
fn header_cells(cols: &[Col]) -> (Vec<HeaderCell>, bool) {
    crate::report::table::header_cells(
        &cols
            .iter()
            .map(|c| (c.group.as_deref(), c.header.as_str()))
            .collect::<Vec<_>>(),
    )
}

/// Widest unbreakable word of a text.
fn widest_word(text: &str, face: Face, size: f32) -> f32 {
    let f = fonts();
    text.split_whitespace()
        .map(|w| f.width(face, w, size))
        .fold(0.0, f32::max)
}

/// The largest measure of each column: its header's widest word, then `cell` of each body cell.
fn per_column(t: &Table, size: f32, cell: impl Fn(&str, Face) -> f32) -> Vec<f32> {
    let n = t.cols.len();
    let mut out: Vec<f32> = t
        .cols
        .iter()
        .map(|c| widest_word(&c.header, Face::BOLD, size))
        .collect();
    for row in &t.rows {
        if let Row::Cells(cells) | Row::Total(cells) = row {
            let face = if matches!(row, Row::Total(_)) {
                Face::BOLD
            } else {
                Face::REGULAR
            };
            for (i, c) in cells.iter().enumerate().take(n) {
                out[i] = out[i].max(cell(c, face));
            }
        }
    }
    out
}

/// The widest word of each column at `size`, padding included.
fn min_widths(t: &Table, width: f32, size: f32) -> Vec<f32> {
    per_column(t, size, |c, face| widest_word(c, face, size))
        .into_iter()
        .map(|m| m.min(width * 0.3) + 2.0 * PAD_X + 0.5)
        .collect()
}

/// The largest size from `t.size` down to `t.min_size` (half points) at which every word fits
/// with a third of the width left for the text columns to grow into.
fn fitting_size(t: &Table, width: f32) -> f32 {
    let mut size = t.size;
    while size - 0.5 >= t.min_size && min_widths(t, width, size).iter().sum::<f32>() > width * 0.67
    {
        size -= 0.5;
    }
    size
}

/// The widest cell of each column set on one line, padding included, capped at half the width.
fn max_widths(t: &Table, width: f32, size: f32) -> Vec<f32> {
    let f = fonts();
    per_column(t, size, |c, face| f.width(face, c, size))
        .into_iter()
        .map(|m| m.min(width * 0.5) + 2.0 * PAD_X + 0.5)
        .collect()
}

/// Column widths as a browser lays out an automatic table: each column at least as wide as its
/// widest word (so dates and names do not break inside) and, where there is room, as wide as its
/// longest text; the room between goes to the columns that can use it. Spare width beyond that
/// is shared by the template's weights. When even the minimums do not fit, they shrink in
/// proportion and long words break.
fn column_widths(t: &Table, width: f32, size: f32) -> Vec<f32> {
    let mins = min_widths(t, width, size);
    let sum_min: f32 = mins.iter().sum();
    if sum_min >= width {
        return mins.iter().map(|m| m * width / sum_min).collect();
    }
    let maxs: Vec<f32> = max_widths(t, width, size)
        .into_iter()
        .zip(&mins)
        .map(|(a, b)| a.max(*b))
        .collect();
    let sum_max: f32 = maxs.iter().sum();
    if sum_max <= width {
        let weights: f32 = t
            .cols
            .iter()
            .map(|c| c.weight.max(0.0))
            .sum::<f32>()
            .max(0.001);
        return maxs
            .iter()
            .zip(&t.cols)
            .map(|(m, c)| m + (width - sum_max) * c.weight.max(0.0) / weights)
            .collect();
    }
    let k = (width - sum_min) / (sum_max - sum_min);
    mins.iter()
        .zip(&maxs)
        .map(|(lo, hi)| lo + (hi - lo) * k)
        .collect()
}

/// The size a table prints at in a text area `width` points wide (shrunk so that words do not
/// break, down to its `min_size`) and its columns' widths: what the PDF draws, and what a Word
/// table is given.
pub fn layout(t: &Table, width: f32) -> (f32, Vec<f32>) {
    let size = if t.min_size < t.size {
        fitting_size(t, width)
    } else {
        t.size
    };
    (size, column_widths(t, width, size))
}

impl Doc {
    /// Draws the table from the cursor down, over as many pages as it needs.
    pub fn table(&mut self, t: &Table) {
        if t.cols.is_empty() {
            return;
        }
        let width = self.width();
        let (size, widths) = layout(t, width);
        let fitted;
        let t = if size != t.size {
            fitted = Table { size, ..t.clone() };
            &fitted
        } else {
            t
        };
        let mut g = Geometry {
            x: Vec::new(),
            w: widths,
            line_height: t.size * 1.2,
        };
        let mut x = self.left();
        for w in &g.w {
            g.x.push(x);
            x += w;
        }
        let header_h = self.header_height(t, &g);
        // A row's height, measured once.
        let heights: Vec<f32> = t
            .rows
            .iter()
            .map(|r| match r {
                Row::Section(s) => cell_height(
                    &cell_para(s, Face::BOLD, t.size, Align::Left, g.line_height),
                    width,
                ),
                Row::Cells(cells) | Row::Total(cells) => cells
                    .iter()
                    .zip(&t.cols)
                    .enumerate()
                    .map(|(i, (text, col))| {
                        cell_height(
                            &cell_para(text, Face::REGULAR, t.size, col.align, g.line_height),
                            g.w[i],
                        )
                    })
                    .fold(g.line_height + 2.0 * PAD_Y, f32::max),
            })
            .collect();
        // Keep the header with at least the first row.
        self.ensure(header_h + heights.first().copied().unwrap_or(0.0));
        g.start_at(self.left());
        self.draw_header(t, &g, header_h);
        let mut run_top = self.y;
        let mut body_top = self.y;
        let last = t.rows.len().saturating_sub(1);
        let next_height = heights.clone();
        for (i, (row, h)) in t.rows.iter().zip(heights).enumerate() {
            // The last row keeps the signature with it; a section heading keeps its first row.
            let need = match row {
                _ if i == last => h + t.keep_after,
                Row::Section(_) => h + next_height.get(i + 1).copied().unwrap_or(0.0),
                _ => h,
            };
            // A row never splits: it moves to the next page, under the header again. (A row taller
            // than a whole page is drawn where it starts rather than looping.)
            if self.y + need > self.bottom() && self.y > body_top + 0.01 {
                self.close_run(&g, run_top);
                self.new_page(None);
                g.start_at(self.left());
                self.draw_header(t, &g, header_h);
                run_top = self.y;
                body_top = self.y;
            }
            let top = self.y;
            match row {
                Row::Section(s) => {
                    self.close_run(&g, run_top);
                    let p = cell_para(s, Face::BOLD, t.size, Align::Left, g.line_height);
                    let (x0, w) = g.span(0, t.cols.len() - 1);
                    self.cell_text(&p, x0, w, top);
                    self.vline(x0, top, top + h, RULE);
                    self.vline(x0 + w, top, top + h, RULE);
                    self.y += h;
                    run_top = self.y;
                }
                Row::Cells(cells) | Row::Total(cells) => {
                    let face = if matches!(row, Row::Total(_)) {
                        Face::BOLD
                    } else {
                        Face::REGULAR
                    };
                    for (i, (text, col)) in cells.iter().zip(&t.cols).enumerate() {
                        let p = cell_para(text, face, t.size, col.align, g.line_height);
                        // Centred vertically, as in the Excel exports.
                        let own = cell_height(&p, g.w[i]);
                        self.cell_text(&p, g.x[i], g.w[i], top + (h - own) / 2.0);
                    }
                    self.y += h;
                }
            }
            let (x0, w) = g.span(0, t.cols.len() - 1);
            self.hline(x0, x0 + w, self.y, RULE);
        }
        self.close_run(&g, run_top);
    }

    /// Vertical rules of the plain rows since `top`.
    fn close_run(&mut self, g: &Geometry, top: f32) {
        if self.y <= top + 0.01 {
            return;
        }
        let bottom = self.y;
        for i in 0..g.x.len() {
            self.vline(g.x[i], top, bottom, RULE);
        }
        if let (Some(x), Some(w)) = (g.x.last(), g.w.last()) {
            self.vline(x + w, top, bottom, RULE);
        }
    }

    fn cell_text(&mut self, p: &Para, x: f32, w: f32, top: f32) {
        let lines = lay_out(p, (w - 2.0 * PAD_X).max(1.0));
        self.draw_lines(&lines, x + PAD_X, top + PAD_Y, p.size, p.line_height);
    }

    fn header_height(&self, t: &Table, g: &Geometry) -> f32 {
        let (cells, two) = header_cells(&t.cols);
        let lh = g.line_height;
        let h = |c: &HeaderCell| {
            let (_, w) = g.span(c.first, c.last);
            cell_height(
                &cell_para(&c.text, Face::BOLD, t.size, Align::Center, lh),
                w,
            )
        };
        let top = cells
            .iter()
            .filter(|c| c.row == 0 && c.rows == 1)
            .map(h)
            .fold(0.0, f32::max);
        let sub = cells
            .iter()
            .filter(|c| c.row == 1)
            .map(h)
            .fold(0.0, f32::max);
        let both = cells
            .iter()
            .filter(|c| c.rows == 2)
            .map(h)
            .fold(0.0, f32::max);
        let (top, sub) = if two {
            let sub = sub.max(both - top);
            (top, sub)
        } else {
            (top, 0.0)
        };
        top + sub + if t.number_row { lh + 2.0 * PAD_Y } else { 0.0 }
    }

    fn draw_header(&mut self, t: &Table, g: &Geometry, total_h: f32) {
        let (cells, two) = header_cells(&t.cols);
        let lh = g.line_height;
        let number_h = if t.number_row { lh + 2.0 * PAD_Y } else { 0.0 };
        let heads = total_h - number_h;
        let top_h = if two {
            cells
                .iter()
                .filter(|c| c.row == 0 && c.rows == 1)
                .map(|c| {
                    let (_, w) = g.span(c.first, c.last);
                    cell_height(
                        &cell_para(&c.text, Face::BOLD, t.size, Align::Center, lh),
                        w,
                    )
                })
                .fold(0.0, f32::max)
        } else {
            heads
        };
        let y0 = self.y;
        for c in &cells {
            let (x, w) = g.span(c.first, c.last);
            let (cy, ch) = match (c.row, c.rows) {
                (0, 2) => (y0, heads),
                (0, _) => (y0, top_h),
                _ => (y0 + top_h, heads - top_h),
            };
            let p = cell_para(&c.text, Face::BOLD, t.size, Align::Center, lh);
            let text_h = cell_height(&p, w) - 2.0 * PAD_Y;
            // Centred vertically in the cell.
            self.cell_text(&p, x, w, cy + (ch - 2.0 * PAD_Y - text_h) / 2.0);
            self.rect(x, cy, w, ch, RULE);
        }
        if t.number_row {
            let ny = y0 + heads;
            for i in 0..t.cols.len() {
                let p = cell_para(
                    &(i + 1).to_string(),
                    Face::ITALIC,
                    t.size,
                    Align::Center,
                    lh,
                );
                self.cell_text(&p, g.x[i], g.w[i], ny);
                self.rect(g.x[i], ny, g.w[i], number_h, RULE);
            }
        }
        self.y = y0 + total_h;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::{Margins, Mark, Orientation};

    #[test]
    fn rows_never_split_and_the_header_repeats() {
        let mut doc = Doc::new("thử", Orientation::Landscape, Margins::default());
        let cols = vec![
            Col::new("TT", 1.0, Align::Center),
            Col::new("Họ và tên", 4.0, Align::Left),
            Col::new("Nam", 2.0, Align::Center).group("Ngày sinh"),
            Col::new("Nữ", 2.0, Align::Center).group("Ngày sinh"),
            Col::new("Ghi chú", 3.0, Align::Left),
        ];
        // Rows of 1 to 6 lines, each word tagged with its row.
        let rows: Vec<Row> = (0..200)
            .map(|r| {
                let words = (0..(r % 6) * 9 + 1)
                    .map(|_| format!("r{r}"))
                    .collect::<Vec<_>>();
                Row::Cells(vec![
                    format!("r{r}"),
                    format!("Nguyễn Thị Ánh r{r}"),
                    String::new(),
                    "05/09/1992".into(),
                    words.join(" "),
                ])
            })
            .collect();
        doc.table(&Table {
            cols,
            rows,
            size: 11.0,
            number_row: true,
            keep_after: 0.0,
            min_size: 11.0,
        });
        assert!(doc.pages.len() > 5);
        let mut page_of = std::collections::HashMap::new();
        for (i, page) in doc.pages.iter().enumerate() {
            let texts: Vec<&str> = page
                .marks
                .iter()
                .filter_map(|m| match m {
                    Mark::Text { text, .. } => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            assert!(
                texts.contains(&"Họ và tên") && texts.contains(&"Ngày sinh"),
                "header on page {}",
                i + 1
            );
            let tokens = texts.iter().flat_map(|t| t.split(' '));
            for t in tokens.filter(|t| t.starts_with('r')) {
                let prev = page_of.insert(t.to_string(), i);
                assert!(
                    prev.is_none() || prev == Some(i),
                    "{t} split across pages {prev:?} and {i}"
                );
            }
            // Nothing below the bottom margin.
            let bottom = doc.pages[i].size().1 - 20.0 * crate::pdf::MM;
            for m in &page.marks {
                if let Mark::Text { y, .. } = m {
                    assert!(*y <= bottom + 0.01);
                }
            }
        }
        assert_eq!(page_of.len(), 200);
    }
}
