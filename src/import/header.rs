//! Recognising the header of a cadre list: the common Vietnamese column names (one or two header
//! rows, "Ngày sinh" over Nam | Nữ), and the user's own mapping for the rest.

use serde::Serialize;

use super::read::{Grid, Raw};
use crate::error::{CoreError, Result};
use crate::text::fold;

/// Fields an imported column can fill, with the folded header names that mean them.
pub const FIELDS: &[(&str, &str, &[&str])] = &[
    ("stt", "Số thứ tự", &["tt", "stt", "so tt", "so thu tu"]),
    (
        "full_name",
        "Họ và tên",
        &[
            "ho va ten",
            "ho ten",
            "ho va ten khai sinh",
            "ho ten khai sinh",
            "ho, chu dem va ten",
            "ho, chu dem, ten",
        ],
    ),
    (
        "other_name",
        "Tên gọi khác",
        &["ten goi khac", "ten khac", "bi danh"],
    ),
    (
        "sex",
        "Giới tính",
        &["gioi tinh", "nam/nu", "nam, nu", "nam hay nu"],
    ),
    (
        "birth_date",
        "Ngày sinh",
        &[
            "ngay sinh",
            "ngay thang nam sinh",
            "ngay, thang, nam sinh",
            "sinh ngay",
            "nam sinh",
        ],
    ),
    ("birth_male", "Ngày sinh (Nam)", &[]),
    ("birth_female", "Ngày sinh (Nữ)", &[]),
    ("ethnicity", "Dân tộc", &["dan toc"]),
    ("religion", "Tôn giáo", &["ton giao"]),
    ("home_town", "Quê quán", &["que quan", "nguyen quan"]),
    ("birthplace", "Nơi sinh", &["noi sinh"]),
    (
        "residence",
        "Nơi ở hiện nay",
        &[
            "noi o hien nay",
            "cho o hien nay",
            "noi cu tru",
            "thuong tru",
            "dia chi thuong tru",
            "noi o",
        ],
    ),
    (
        "cccd",
        "Số CCCD",
        &[
            "so cccd",
            "cccd",
            "so can cuoc",
            "so can cuoc cong dan",
            "can cuoc cong dan",
            "so dinh danh",
            "so dinh danh ca nhan",
            "ma dinh danh",
        ],
    ),
    (
        "old_id",
        "Số CMND cũ",
        &["so cmnd", "cmnd", "so cmnd cu", "so chung minh nhan dan"],
    ),
    (
        "positions",
        "Chức vụ hiện nay",
        &[
            "chuc vu, don vi cong tac hien nay",
            "chuc vu hien nay",
            "chuc vu hien tai",
            "chuc vu",
            "chuc vu, don vi cong tac",
            "chuc vu, don vi",
            "chuc vu, chuc danh",
        ],
    ),
    (
        "position_start",
        "Thời gian giữ chức vụ",
        &[
            "thoi gian giu chuc vu",
            "ngay giu chuc vu",
            "giu chuc vu tu",
            "ngay bo nhiem",
        ],
    ),
    (
        "party_admission_date",
        "Ngày vào Đảng (dự bị)",
        &[
            "ngay vao dang",
            "ngay ket nap",
            "ngay vao dang du bi",
            "ngay ket nap dang",
        ],
    ),
    (
        "party_official_date",
        "Ngày vào Đảng (chính thức)",
        &[
            "ngay chinh thuc",
            "ngay vao dang chinh thuc",
            "ngay dang chinh thuc",
        ],
    ),
    (
        "party_card_no",
        "Số thẻ đảng viên",
        &["so the dang", "so the dang vien"],
    ),
    (
        "general_education",
        "Giáo dục phổ thông",
        &["giao duc pho thong", "trinh do van hoa", "van hoa", "gdpt"],
    ),
    (
        "professional",
        "Chuyên môn",
        &[
            "chuyen mon",
            "trinh do chuyen mon",
            "chuyen mon, nghiep vu",
            "trinh do chuyen mon, nghiep vu",
        ],
    ),
    (
        "professional_field",
        "Chuyên ngành",
        &["chuyen nganh", "nganh dao tao", "chuyen nganh dao tao"],
    ),
    (
        "political_theory",
        "Lý luận chính trị",
        &[
            "ly luan chinh tri",
            "llct",
            "trinh do ly luan chinh tri",
            "trinh do llct",
            "chinh tri",
        ],
    ),
    (
        "state_management",
        "Quản lý nhà nước",
        &[
            "quan ly nha nuoc",
            "qlnn",
            "trinh do qlnn",
            "trinh do quan ly nha nuoc",
        ],
    ),
    (
        "foreign_language",
        "Ngoại ngữ",
        &["ngoai ngu", "trinh do ngoai ngu"],
    ),
    ("it", "Tin học", &["tin hoc", "trinh do tin hoc"]),
    (
        "status",
        "Tình trạng",
        &["tinh trang", "tinh trang cong tac"],
    ),
    (
        "status_date",
        "Ngày thay đổi tình trạng",
        &["ngay thay doi tinh trang", "ngay thay doi", "tu ngay"],
    ),
    (
        "status_reason",
        "Lý do thay đổi tình trạng",
        &["ly do thay doi tinh trang", "ly do thay doi", "ly do"],
    ),
];

/// The value the user gives in a mapping to leave a column out.
pub const SKIP: &str = "bo-qua";

/// A header cell, folded: lower case, no marks, no line breaks, no "(*)" or trailing colon.
fn norm(s: &str) -> String {
    let f = fold(s);
    let f = f.trim_end_matches(':').trim();
    f.trim_end_matches("(*)").trim().to_string()
}

/// The field a header names; `group` is the merged cell above it, if any.
pub fn recognise(group: Option<&str>, header: &str) -> Option<&'static str> {
    let h = norm(header);
    if let Some(g) = group.map(norm) {
        if g.contains("sinh") {
            match h.as_str() {
                "nam" => return Some("birth_male"),
                "nu" => return Some("birth_female"),
                _ => {}
            }
        }
        if g.contains("dang") {
            match h.as_str() {
                "du bi" | "ket nap" => return Some("party_admission_date"),
                "chinh thuc" => return Some("party_official_date"),
                _ => {}
            }
        }
        if g.contains("trinh do") || g.contains("dao tao") {
            if let Some(f) = lookup(&format!("trinh do {h}")) {
                return Some(f);
            }
        }
    }
    lookup(&h)
}

fn lookup(h: &str) -> Option<&'static str> {
    FIELDS
        .iter()
        .find(|(_, _, aliases)| aliases.contains(&h))
        .map(|(k, _, _)| *k)
}

pub fn field_label(key: &str) -> &'static str {
    FIELDS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, l, _)| *l)
        .unwrap_or("")
}

/// One column of the file and what it fills.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnMap {
    pub index: usize,
    /// "A", "B"…
    pub letter: String,
    /// The header as written ("Ngày sinh / Nam" for two rows).
    pub header: String,
    /// The field it fills; None when not recognised or skipped.
    pub field: Option<String>,
    /// The user's mapping decided it.
    pub mapped_by_user: bool,
}

/// Where the header is, and the columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Header {
    /// Index into the grid's rows of the first header row.
    pub row: usize,
    /// Header rows (1 or 2), plus a column-number row if one follows.
    pub height: usize,
    pub columns: Vec<ColumnMap>,
}

fn cell_text(r: &[Raw], c: usize) -> String {
    r.get(c).map(|x| x.display()).unwrap_or_default()
}

/// The columns as read from header row `r`, over one or two rows.
fn columns_at(grid: &Grid, r: usize, two: bool) -> Vec<(Option<String>, String)> {
    let top = &grid.rows[r];
    let width = grid.rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = Vec::with_capacity(width);
    let mut group: Option<String> = None;
    for c in 0..width {
        let t = cell_text(top, c).trim().to_string();
        if !two {
            out.push((None, t));
            continue;
        }
        let sub = cell_text(&grid.rows[r + 1], c).trim().to_string();
        if !t.is_empty() {
            group = Some(t.clone());
        }
        match (t.is_empty(), sub.is_empty()) {
            (false, true) => {
                group = None;
                out.push((None, t));
            }
            (_, false) => out.push((group.clone(), sub)),
            (true, true) => {
                group = None;
                out.push((None, String::new()))
            }
        }
    }
    out
}

fn score(cols: &[(Option<String>, String)]) -> (usize, bool) {
    let found: Vec<&str> = cols
        .iter()
        .filter_map(|(g, h)| recognise(g.as_deref(), h))
        .collect();
    (found.len(), found.contains(&"full_name"))
}

/// True for a row of column numbers under a header: 1, 2, 3… or (1), (2)…
fn is_number_row(r: &[Raw]) -> bool {
    let vals: Vec<String> = r
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| c.display().trim_matches(['(', ')']).trim().to_string())
        .collect();
    vals.len() >= 2
        && vals
            .iter()
            .enumerate()
            .all(|(i, v)| v.parse::<usize>().ok() == Some(i + 1))
}

/// Finds the header in the first 30 rows: the row (or pair of rows) naming the most known fields,
/// with "Họ và tên" among them.
pub fn find(grid: &Grid) -> Option<Header> {
    let mut best: Option<(usize, usize, bool)> = None; // (score, row, two)
    for r in 0..grid.rows.len().min(30) {
        for two in [false, true] {
            if two && r + 1 >= grid.rows.len() {
                continue;
            }
            let (n, has_name) = score(&columns_at(grid, r, two));
            if has_name && n >= 2 && best.is_none_or(|(b, _, _)| n > b) {
                best = Some((n, r, two));
            }
        }
    }
    let (_, row, two) = best?;
    let cols = columns_at(grid, row, two);
    let mut height = if two { 2 } else { 1 };
    if grid
        .rows
        .get(row + height)
        .is_some_and(|r| is_number_row(r))
    {
        height += 1;
    }
    Some(Header {
        row,
        height,
        columns: cols
            .into_iter()
            .enumerate()
            .map(|(i, (g, h))| ColumnMap {
                index: i,
                letter: crate::xlsx::sheet::column_letter(i as u16),
                field: recognise(g.as_deref(), &h).map(String::from),
                header: match g {
                    Some(g) => format!("{g} / {h}"),
                    None => h,
                },
                mapped_by_user: false,
            })
            .collect(),
    })
}

/// Applies "Tên cột=khóa" or "C=khóa" mappings (khóa one of FIELDS or "bo-qua"), then checks that
/// no field is filled by two columns and that the name is there.
pub fn apply_map(header: &mut Header, map: &[String]) -> Result<()> {
    for m in map {
        let Some((left, key)) = m.rsplit_once('=') else {
            return Err(CoreError::validation(
                "map",
                "format",
                format!("Gán cột “{m}”: phải có dạng “Tên cột=khóa” hoặc “C=khóa”."),
            ));
        };
        let key = key.trim();
        if key != SKIP && !FIELDS.iter().any(|(k, _, _)| *k == key) {
            return Err(CoreError::validation(
                "map",
                "unknown_field",
                format!(
                    "Gán cột “{m}”: “{key}” không phải khóa đã biết ({}, hoặc {SKIP}).",
                    FIELDS
                        .iter()
                        .map(|(k, _, _)| *k)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        let left_n = norm(left);
        let col = header.columns.iter_mut().find(|c| {
            c.letter.eq_ignore_ascii_case(left.trim())
                || (!left_n.is_empty() && norm(&c.header) == left_n)
        });
        let Some(col) = col else {
            return Err(CoreError::validation(
                "map",
                "no_such_column",
                format!(
                    "Gán cột “{m}”: không có cột “{}” trong dòng tiêu đề.",
                    left.trim()
                ),
            ));
        };
        col.field = (key != SKIP).then(|| key.to_string());
        col.mapped_by_user = true;
    }
    let mut errors = Vec::new();
    for (i, c) in header.columns.iter().enumerate() {
        let Some(f) = &c.field else { continue };
        if f == "stt" {
            continue;
        }
        if let Some(o) = header.columns[..i]
            .iter()
            .find(|o| o.field.as_ref() == Some(f))
        {
            errors.push(crate::error::FieldError::new(
                "map",
                "duplicate_column",
                format!(
                    "Cột {} “{}” và cột {} “{}” cùng là “{}”; hãy bỏ qua một cột (--map \"{}={SKIP}\").",
                    o.letter, o.header, c.letter, c.header, field_label(f), c.letter
                ),
            ));
        }
    }
    if !header
        .columns
        .iter()
        .any(|c| c.field.as_deref() == Some("full_name"))
    {
        errors.push(crate::error::FieldError::new(
            "map",
            "required",
            "Không có cột “Họ và tên”; hãy gán một cột (--map \"C=full_name\").",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Validation(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_common_headers() {
        assert_eq!(recognise(None, "Họ và tên"), Some("full_name"));
        assert_eq!(recognise(None, "HỌ VÀ TÊN (*)"), Some("full_name"));
        assert_eq!(recognise(Some("Ngày sinh"), "Nữ"), Some("birth_female"));
        assert_eq!(
            recognise(Some("Ngày, tháng, năm sinh"), "Nam"),
            Some("birth_male")
        );
        assert_eq!(
            recognise(Some("Ngày vào Đảng"), "Chính thức"),
            Some("party_official_date")
        );
        assert_eq!(recognise(None, "Số CCCD"), Some("cccd"));
        assert_eq!(recognise(None, "Trình độ LLCT"), Some("political_theory"));
        assert_eq!(
            recognise(Some("Trình độ"), "LLCT"),
            Some("political_theory")
        );
        assert_eq!(recognise(None, "Lương"), None);
    }
}
