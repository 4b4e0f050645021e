//! A report table as data, in no output format: the columns (with the group a header spans, a
//! width and how text sits), and rows of typed cells (text, real dates, numbers, shares, formulas
//! with their cached value), with section rows across the table and bold total rows. The Excel
//! exports write it as a sheet; the PDF and Word documents print it as an annex.

use chrono::NaiveDate;

use crate::model::{PartialDate, Precision};

/// One cell of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Date(NaiveDate),
    Number(f64),
    /// A share 0–1 shown as a percentage.
    Percent(f64),
    /// A formula; `{r}` stands for this row's Excel number, `{first}`/`{last}` for the first and
    /// last body rows. The cached value is what readers that do not compute show (and what a
    /// printed document prints).
    Formula {
        text: String,
        cached: f64,
        percent: bool,
    },
    /// A count on a coloured ground (the forecast's red, amber, green): the workbook fills the
    /// cell, a printed table prints the text (which says the colour's meaning in a mark).
    Shaded {
        value: f64,
        text: String,
        shade: Shade,
    },
}

/// The ground of a shaded cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shade {
    Red,
    Amber,
    Green,
}

impl Shade {
    /// The fill, as RGB: the same light tones as the window's grid.
    pub fn rgb(self) -> u32 {
        match self {
            Shade::Red => 0xF8C9C4,
            Shade::Amber => 0xFFE8A3,
            Shade::Green => 0xCFE9D0,
        }
    }
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    pub fn empty() -> Cell {
        Cell::Text(String::new())
    }
    /// The text a reader sees: dates dd/mm/yyyy, shares "66,7%", whole numbers without decimals.
    pub fn display(&self) -> String {
        let number = |x: f64| {
            if x.fract() == 0.0 {
                format!("{}", x as i64)
            } else {
                format!("{x:.1}").replace('.', ",")
            }
        };
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
            Cell::Number(x) => number(*x),
            Cell::Percent(x) => crate::rules::facts::percent(*x),
            Cell::Formula {
                cached,
                percent: true,
                ..
            } => crate::rules::facts::percent(*cached),
            Cell::Formula { cached, .. } => number(*cached),
            Cell::Shaded { text, .. } => text.clone(),
        }
    }

    /// A full date as a real date; a year or month-year as text.
    pub fn date(d: Option<&PartialDate>) -> Cell {
        match d {
            Some(d) if d.precision() == Precision::Day => Cell::Date(d.earliest()),
            Some(d) => Cell::Text(d.to_display()),
            None => Cell::empty(),
        }
    }
}

/// A row of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// A heading over a group of rows ("I. BÍ THƯ ĐẢNG ỦY"), merged across the table.
    Section(String),
    Data(Vec<Cell>),
    /// A bold row (totals).
    Total(Vec<Cell>),
}

/// How a column's text sits in a printed table: names and sentences from the left, numbers,
/// dates and codes centred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellAlign {
    Left,
    Center,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Which value the column shows (a template's key), or "" for a table built by hand.
    pub key: String,
    pub header: String,
    /// A header over consecutive columns with the same group ("Ngày sinh" over Nam | Nữ).
    pub group: Option<String>,
    /// Width in Excel's characters; printed tables share their width in these proportions.
    pub width: f64,
    pub align: CellAlign,
}

impl Column {
    pub fn new(header: &str, width: f64, align: CellAlign) -> Column {
        Column {
            key: String::new(),
            header: header.to_string(),
            group: None,
            width,
            align,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportTable {
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl ReportTable {
    /// Rows that hold a person or a position (sections and totals not counted).
    pub fn data_rows(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r, Row::Data(_)))
            .count()
    }

    /// The header cells of the table's columns (see `header_cells`).
    pub fn header_cells(&self) -> (Vec<HeaderCell>, bool) {
        header_cells(
            &self
                .columns
                .iter()
                .map(|c| (c.group.as_deref(), c.header.as_str()))
                .collect::<Vec<_>>(),
        )
    }
}

/// The header cells of columns given as (group, header): a group over consecutive columns is
/// merged across them on the first row, with its columns' own headers below; a column without a
/// group spans both rows. One header row when no column has a group (the bool says two). The
/// one rule of grouped headers, for the Word and Excel writers and the PDF layout alike.
pub fn header_cells(cols: &[(Option<&str>, &str)]) -> (Vec<HeaderCell>, bool) {
    let two = cols.iter().any(|c| c.0.is_some());
    let mut out = Vec::new();
    let mut c = 0;
    while c < cols.len() {
        match (cols[c].0, two) {
            (Some(g), _) => {
                let mut end = c;
                while end + 1 < cols.len() && cols[end + 1].0 == Some(g) {
                    end += 1;
                }
                out.push(HeaderCell::new(c, end, 0, 1, g));
                for (i, col) in cols.iter().enumerate().take(end + 1).skip(c) {
                    out.push(HeaderCell::new(i, i, 1, 1, col.1));
                }
                c = end + 1;
            }
            (None, true) => {
                out.push(HeaderCell::new(c, c, 0, 2, cols[c].1));
                c += 1;
            }
            (None, false) => {
                out.push(HeaderCell::new(c, c, 0, 1, cols[c].1));
                c += 1;
            }
        }
    }
    (out, two)
}

/// A header cell: columns `first..=last`, on header row `row` (0 or 1), spanning `rows` rows.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderCell {
    pub first: usize,
    pub last: usize,
    pub row: usize,
    pub rows: usize,
    pub text: String,
}

impl HeaderCell {
    fn new(first: usize, last: usize, row: usize, rows: usize, text: &str) -> HeaderCell {
        HeaderCell {
            first,
            last,
            row,
            rows,
            text: text.to_string(),
        }
    }
}

/// "A", "B", … "Z", "AA" for a 0-based column.
pub fn column_letter(mut c: u16) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Upper-case Roman numerals for section headings (I, II, III, IV…).
pub fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn column_letters_and_numerals() {
        assert_eq!(super::column_letter(0), "A");
        assert_eq!(super::column_letter(25), "Z");
        assert_eq!(super::column_letter(26), "AA");
        assert_eq!(super::column_letter(27), "AB");
        assert_eq!(super::roman(4), "IV");
        assert_eq!(super::roman(14), "XIV");
    }
}
