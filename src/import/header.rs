//! Recognising the header of a cadre list: the common Vietnamese column names (one or two header
//! rows, "Ngày sinh" over Nam | Nữ), and the user's own mapping for the rest.

use serde::Serialize;

use super::cell::{Grid, Raw};
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
            "hoten",
            "ho ten can bo",
            "ho va ten can bo",
            "ten can bo",
            "ho va ten dang vien",
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
        &[
            "gioi tinh",
            "nam/nu",
            "nam, nu",
            "nam hay nu",
            "gt",
            "nam - nu",
            "nam/ nu",
        ],
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
            "ns",
            "sinh nam",
            "ngay/thang/nam sinh",
            "ngay, thang, nam sinh",
            "nam thang ngay sinh",
        ],
    ),
    ("birth_male", "Ngày sinh (Nam)", &[]),
    ("birth_female", "Ngày sinh (Nữ)", &[]),
    ("ethnicity", "Dân tộc", &["dan toc"]),
    ("religion", "Tôn giáo", &["ton giao"]),
    ("home_town", "Quê quán", &["que quan", "nguyen quan", "que"]),
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
            "cho o",
            "dia chi",
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
            "so cccd/cmnd",
            "cccd/cmnd",
            "cmnd/cccd",
            "so cmnd/cccd",
            "so cccd/ cmnd",
            "so ddcn",
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
            "cv",
            "chuc danh",
            "chuc vu hien giu",
            "chuc vu dang giu",
            "chuc vu dang dam nhiem",
            "chuc vu, chuc danh hien nay",
            "chuc vu chinh quyen, doan the",
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
            "thoi gian bo nhiem",
            "ngay nhan chuc vu",
            "thoi gian giu chuc vu hien nay",
            "giu chuc vu tu ngay",
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
            "ngay vd",
            "vao dang",
            "ngay vao dang (du bi)",
        ],
    ),
    (
        "party_official_date",
        "Ngày vào Đảng (chính thức)",
        &[
            "ngay chinh thuc",
            "ngay vao dang chinh thuc",
            "ngay dang chinh thuc",
            "ngay ct",
            "ngay chinh thuc vao dang",
        ],
    ),
    (
        "party_card_no",
        "Số thẻ đảng viên",
        &["so the dang", "so the dang vien", "so the"],
    ),
    (
        "general_education",
        "Giáo dục phổ thông",
        &[
            "giao duc pho thong",
            "trinh do van hoa",
            "van hoa",
            "gdpt",
            "td van hoa",
            "trinh do giao duc pho thong",
            "trinh do pho thong",
        ],
    ),
    (
        "professional",
        "Chuyên môn",
        &[
            "chuyen mon",
            "trinh do chuyen mon",
            "chuyen mon, nghiep vu",
            "trinh do chuyen mon, nghiep vu",
            "td chuyen mon",
            "tdcm",
            "td cm",
            "trinh do cm",
            "trinh do dao tao",
            "chuyen mon nghiep vu",
            "trinh do chuyen mon nghiep vu",
            "td chuyen mon nghiep vu",
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
            "td llct",
            "ll ct",
            "td ly luan chinh tri",
            "trinh do ly luan",
            "ly luan",
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
            "td qlnn",
            "ql nn",
            "trinh do quan ly",
        ],
    ),
    (
        "foreign_language",
        "Ngoại ngữ",
        &["ngoai ngu", "trinh do ngoai ngu", "td ngoai ngu", "nn"],
    ),
    (
        "it",
        "Tin học",
        &["tin hoc", "trinh do tin hoc", "td tin hoc", "th"],
    ),
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

/// The value the user gives in a mapping to leave a column out ("Bỏ qua cột này" also works).
pub const SKIP: &str = "bo-qua";
/// How the window and the CLI name "leave this column out".
pub const SKIP_LABEL: &str = "Bỏ qua cột này";

/// The field a mapping names: its key ("birth_male"), its Vietnamese name ("Ngày sinh (Nam)",
/// any case, with or without marks), or "Bỏ qua cột này" / "bỏ qua" / "bo-qua" (Some(None)).
pub fn field_by_name(name: &str) -> Option<Option<&'static str>> {
    let t = name.trim();
    let f = fold(t);
    if t == SKIP || f == "bo qua" || f == fold(SKIP_LABEL) {
        return Some(None);
    }
    FIELDS
        .iter()
        .find(|(k, label, _)| *k == t || fold(label) == f)
        .map(|(k, _, _)| Some(*k))
}

/// The choices of the mapping drop-down: every field by its Vietnamese name, and "leave out".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChoice {
    pub key: &'static str,
    pub label: &'static str,
}

pub fn choices() -> Vec<FieldChoice> {
    FIELDS
        .iter()
        .map(|(k, label, _)| FieldChoice { key: k, label })
        .chain(std::iter::once(FieldChoice {
            key: SKIP,
            label: SKIP_LABEL,
        }))
        .collect()
}

/// How many header spellings are recognised (aliases, plus the Nam | Nữ and grouped forms).
pub fn known_spellings() -> usize {
    FIELDS.iter().map(|(_, _, a)| a.len()).sum()
}

/// A header cell, folded for comparison: lower case, no marks, line breaks as spaces, no dots
/// ("T.Đ" = "TĐ"), no "(*)", no explanation in brackets ("Quê quán (xã, tỉnh)"), no trailing colon.
fn norm(s: &str) -> String {
    let f = fold(&s.replace(['\n', '\r'], " "));
    let mut out = String::with_capacity(f.len());
    let mut depth = 0usize;
    for c in f.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '.' => {}
            '*' | ':' if depth == 0 => out.push(' '),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if out.is_empty() {
        // A header that is only a bracket ("(Nam)") keeps its word.
        return f.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    }
    out
}

/// The field a header names; `group` is the merged (or unmerged) cell above it, if any.
pub fn recognise(group: Option<&str>, header: &str) -> Option<&'static str> {
    // "Ngày sinh⏎Nam" typed with Alt+Enter in one cell: the first lines are the group.
    let lines: Vec<&str> = header
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() >= 2 {
        let head = lines[..lines.len() - 1].join(" ");
        if let Some(f) = recognise_in_group(&head, lines[lines.len() - 1]) {
            return Some(f);
        }
    }
    // "Ngày sinh (Nam)", "Ngày sinh - Nữ": the sex in brackets or after a dash.
    let f = fold(header);
    if f.contains("sinh") {
        let tail = f
            .trim_end_matches(|c: char| c == ')' || c.is_whitespace())
            .rsplit(['(', '-', '/', ' '])
            .next()
            .unwrap_or("");
        match tail {
            "nam" => return Some("birth_male"),
            "nu" => return Some("birth_female"),
            _ => {}
        }
    }
    if let Some(g) = group {
        if let Some(f) = recognise_in_group(g, header) {
            return Some(f);
        }
    }
    lookup(&norm(header))
}

/// A header under a group: "Nam" | "Nữ" under "Ngày sinh", "Chính thức" under "Ngày vào Đảng",
/// "LLCT" under "Trình độ".
fn recognise_in_group(group: &str, header: &str) -> Option<&'static str> {
    let h = norm(header);
    let g = norm(group);
    if g.contains("sinh") || g == "ns" {
        match h.as_str() {
            "nam" => return Some("birth_male"),
            "nu" => return Some("birth_female"),
            _ => {}
        }
    }
    if g.contains("dang") {
        match h.as_str() {
            "du bi" | "ket nap" | "vao dang" => return Some("party_admission_date"),
            "chinh thuc" => return Some("party_official_date"),
            _ => {}
        }
    }
    if g.contains("trinh do") || g.contains("dao tao") || g == "td" {
        if let Some(f) = lookup(&format!("trinh do {h}")) {
            return Some(f);
        }
    }
    None
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
                letter: crate::report::table::column_letter(i as u16),
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
                format!("Gán cột “{m}”: phải có dạng “Tên cột=Tên trường” hoặc “C=Tên trường” (ví dụ “C=Ngày sinh (Nam)”)."),
            ));
        };
        let Some(field) = field_by_name(key) else {
            return Err(CoreError::validation(
                "map",
                "unknown_field",
                format!(
                    "Gán cột “{m}”: “{}” không phải tên trường đã biết; hãy chọn một trong: {}, hoặc “{SKIP_LABEL}”.",
                    key.trim(),
                    FIELDS
                        .iter()
                        .filter(|(k, _, _)| *k != "stt")
                        .map(|(_, l, _)| *l)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        };
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
        col.field = field.map(String::from);
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
                    "Cột {} “{}” và cột {} “{}” cùng là “{}”; hãy chọn “{SKIP_LABEL}” cho một cột.",
                    o.letter,
                    o.header,
                    c.letter,
                    c.header,
                    field_label(f)
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
            "Không có cột “Họ và tên”; hãy chọn cột nào là “Họ và tên”.",
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
