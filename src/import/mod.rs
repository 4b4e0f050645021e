//! Importing cadre lists wards already keep in Excel or CSV: the header is recognised (or mapped by
//! the user), legacy TCVN3/VNI text converted, every value checked with the same rules as typing,
//! duplicates found against the database and inside the file, and a preview lists every problem by
//! row and column. Only a preview without errors can be imported, all rows in one transaction.

pub mod cell;
pub mod header;
pub mod legacy;
pub mod read;
mod rejected;
mod rows;
pub mod values;

use std::collections::HashMap;
use std::ops::Not;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use header::{ColumnMap, FieldChoice, Header};
pub use legacy::Legacy;
pub use rejected::write_rejected;

use crate::error::{CoreError, FieldError, Result};
use crate::model::levels::codes;
use crate::model::Person;
use crate::store::Store;
use crate::text::match_key;

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The sheet to read; by default the first whose header is recognised.
    pub sheet: Option<String>,
    /// "Tên cột=khóa" or "C=khóa" (khóa: a field of `header::FIELDS`, or "bo-qua").
    pub map: Vec<String>,
}

codes!(
    /// How a problem weighs on its row (a different list from a check finding's severity: an
    /// import problem decides whether the row can be imported).
    /// `Loi`: the row cannot be imported as it is; `CanhBao`: imported, but the clerk should
    /// look (e.g. text converted to NFC).
    ProblemLevel {
        Loi = "loi" => "Lỗi",
        CanhBao = "canh_bao" => "Lưu ý",
    }
);

/// One problem of one row, named by column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// "D “Ngày sinh / Nam”", or None for the whole row.
    pub column: Option<String>,
    pub field: String,
    pub message: String,
    pub severity: ProblemLevel,
    /// What problems of this kind share when the message also names something of its row
    /// ("Chưa rõ ngày bắt đầu giữ chức vụ…" for "Chức vụ “Bí thư chi bộ”: chưa rõ…"): the
    /// preview shows them once, with their rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// What of its row a problem of a `kind` names ("Chức vụ “Bí thư chi bộ”").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// One row a grouped problem is found on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProblemRow {
    pub row: usize,
    pub full_name: String,
    /// What the message names of this row, when the group's message is the shared part.
    pub detail: Option<String>,
}

/// The same problem on one or more rows, shown once: errors first, then notes, each kind in the
/// order of its first row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProblemGroup {
    pub severity: ProblemLevel,
    /// "Lỗi", "Lưu ý".
    pub severity_label: &'static str,
    /// The rows of this group cannot be imported as they are (the window marks them and keeps
    /// them under "Chỉ xem lỗi").
    pub blocking: bool,
    pub column: Option<String>,
    /// The message itself for one row; the part its rows share for several.
    pub message: String,
    pub rows: Vec<ProblemRow>,
    /// "Dòng 5" or "Dòng 5–7, 9 (4 dòng)".
    pub rows_text: String,
}

/// One data row of the file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowResult {
    /// The row number Excel shows.
    pub row: usize,
    pub full_name: String,
    pub problems: Vec<Problem>,
    /// The cells as shown in the file (for the rejected-rows workbook).
    pub cells: Vec<String>,
    #[serde(skip)]
    pub person: Option<Person>,
}

impl RowResult {
    pub fn has_errors(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.severity == ProblemLevel::Loi)
    }
}

/// What an import would do, before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportPreview {
    pub sheet: String,
    pub header: Header,
    /// Legacy encoding found and converted, if any.
    pub legacy: Option<Legacy>,
    /// Columns present but not recognised (left out unless mapped).
    pub unmapped: Vec<String>,
    /// The sentence saying which columns the import leaves out (not recognised, or "Bỏ qua
    /// cột này" chosen), if any.
    pub ignored: Option<String>,
    /// The problems of every row, the same problem on several rows shown once.
    pub groups: Vec<ProblemGroup>,
    pub rows: Vec<RowResult>,
    pub ok_rows: usize,
    pub error_rows: usize,
    /// The fields a column can be mapped to, by their Vietnamese names (the drop-down).
    pub choices: Vec<FieldChoice>,
    /// The layout of the header (its folded names), under which a mapping is remembered.
    pub layout: String,
    /// The mapping chosen by the clerk ("C=birth_male"), to remember for this layout.
    pub user_map: Vec<String>,
    /// The mapping was the one remembered from an earlier import of the same layout.
    pub remembered: bool,
}

/// What an import of the valid rows did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportOutcome {
    pub imported: usize,
    /// Rows left out (with errors, or duplicating someone added since the preview).
    pub skipped_rows: Vec<usize>,
}

impl ImportPreview {
    pub fn people(&self) -> impl Iterator<Item = &Person> {
        self.rows.iter().filter_map(|r| r.person.as_ref())
    }
}

/// Where long work is: stage name, rows done, rows in all.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Progress {
    pub stage: &'static str,
    pub done: usize,
    pub total: usize,
}

/// Keys of people already on record: (name, birth) and CCCD → name and birth date shown.
pub(crate) struct Known {
    /// (name, birth) → label and CCCD: the same name and birth date with two different CCCDs are
    /// two people.
    by_name: HashMap<(String, String), (String, Option<String>)>,
    by_cccd: HashMap<String, String>,
}

/// Converts every text cell of a sheet typed in TCVN3 or VNI.
fn unlegacy(mut g: cell::Grid) -> (cell::Grid, Option<Legacy>) {
    let enc = legacy::detect(g.rows.iter().flatten().filter_map(|c| match c {
        cell::Raw::Text(s) => Some(s.as_str()),
        _ => None,
    }));
    if let Some(enc) = enc {
        for cell in g.rows.iter_mut().flatten() {
            if let cell::Raw::Text(s) = cell {
                *s = legacy::convert(s, enc);
            }
        }
    }
    (g, enc)
}

impl Known {
    fn from_store(store: &Store) -> Result<Known> {
        let mut k = Known {
            by_name: HashMap::new(),
            by_cccd: HashMap::new(),
        };
        for s in store.list_people()?.iter() {
            let label = format!("{} ({})", s.full_name, s.birth_date.to_display());
            k.by_name.insert(
                (match_key(&s.full_name), s.birth_date.to_iso()),
                (label.clone(), s.cccd.clone()),
            );
            if let Some(c) = &s.cccd {
                k.by_cccd.insert(c.clone(), label);
            }
        }
        Ok(k)
    }
}

impl Known {
    /// The label of a name-and-birth match, unless both records have CCCDs and they differ.
    fn same(&self, key: &(String, String), cccd: &Option<String>) -> Option<&str> {
        let (label, theirs) = self.by_name.get(key)?;
        different_people(cccd, theirs)
            .not()
            .then_some(label.as_str())
    }
}

/// Two records with the same name and birth date are different people when both carry a CCCD
/// and the numbers differ.
pub(crate) fn different_people(a: &Option<String>, b: &Option<String>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if x != y)
}

/// Reads the file and checks every row; writes nothing.
pub fn preview(
    store: &Store,
    path: &Path,
    opts: &ImportOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportPreview> {
    progress(Progress {
        stage: "Đọc tệp",
        done: 0,
        total: 0,
    });
    // Legacy TCVN3/VNI text is converted first, so its headers are recognised too.
    let grids: Vec<(cell::Grid, Option<Legacy>)> = read::read(path, opts.sheet.as_deref())?
        .into_iter()
        .map(unlegacy)
        .collect();
    let found = grids
        .iter()
        .find_map(|(g, l)| header::find(g).map(|h| ((g, *l), h)));
    let ((grid, legacy), mut header) = match found {
        Some(x) => x,
        None if !opts.map.is_empty() && !grids.is_empty() => {
            // No known header: take the first row as the header and the user's mapping.
            let (g, l) = &grids[0];
            let h = header::Header {
                row: 0,
                height: 1,
                columns: g
                    .rows
                    .first()
                    .map(|r| {
                        r.iter()
                            .enumerate()
                            .map(|(i, c)| ColumnMap {
                                index: i,
                                letter: crate::report::table::column_letter(i as u16),
                                header: c.display(),
                                field: header::recognise(None, &c.display())
                                    .map(String::from),
                                mapped_by_user: false,
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            };
            ((g, *l), h)
        }
        None => {
            return Err(CoreError::validation(
                "header",
                "no_header",
                format!(
                    "Không tìm thấy dòng tiêu đề có cột “Họ và tên” trong {} đầu tiên của {}. Hãy chọn đúng trang, hoặc chọn cột nào là “Họ và tên”.",
                    "30 dòng",
                    if grids.len() == 1 {
                        format!("trang “{}”", grids[0].0.sheet)
                    } else {
                        "các trang".into()
                    }
                ),
            ))
        }
    };
    let layout = header
        .columns
        .iter()
        .map(|c| crate::text::fold(&c.header))
        .collect::<Vec<_>>()
        .join("|");
    let mut remembered = false;
    if opts.map.is_empty() {
        // The mapping chosen the last time a list of this layout was imported.
        if let Some(map) = store.import_map(&map_key(&layout))? {
            let mut h = header.clone();
            if header::apply_map(&mut h, &map).is_ok() {
                header = h;
                remembered = true;
            }
        }
    }
    if !remembered {
        header::apply_map(&mut header, &opts.map)?;
    }
    let user_map = header
        .columns
        .iter()
        .filter(|c| c.mapped_by_user)
        .map(|c| {
            format!(
                "{}={}",
                c.letter,
                c.field.as_deref().unwrap_or(header::SKIP)
            )
        })
        .collect();
    let unmapped = header
        .columns
        .iter()
        .filter(|c| c.field.is_none() && !c.mapped_by_user && !c.header.trim().is_empty())
        .map(|c| format!("{} “{}”", c.letter, c.header))
        .collect();
    let known = Known::from_store(store)?;
    let rows = rows::check_rows(grid, &header, &known, store.today(), progress);
    let error_rows = rows.iter().filter(|r| r.has_errors()).count();
    let ignored = ignored_columns(&header);
    let groups = group_problems(&rows);
    Ok(ImportPreview {
        sheet: grid.sheet.clone(),
        header,
        legacy,
        unmapped,
        ignored,
        groups,
        ok_rows: rows.len() - error_rows,
        error_rows,
        rows,
        choices: header::choices(),
        layout,
        user_map,
        remembered,
    })
}

/// "Cột E “Ghi chú” sẽ không được nhập." for the columns with a heading and no field.
fn ignored_columns(header: &Header) -> Option<String> {
    let cols: Vec<String> = header
        .columns
        .iter()
        .filter(|c| c.field.is_none() && !c.header.trim().is_empty())
        .map(|c| format!("{} “{}”", c.letter, c.header.trim()))
        .collect();
    match cols.len() {
        0 => None,
        1 => Some(format!(
            "Cột {} sẽ không được nhập (bỏ qua); chọn trường cho cột nếu cần nhập.",
            cols[0]
        )),
        _ => Some(format!(
            "Các cột {} sẽ không được nhập (bỏ qua); chọn trường cho cột nếu cần nhập.",
            cols.join(", ")
        )),
    }
}

/// The problems of the rows grouped: one group per severity, column and kind of problem (its
/// message, or the part its rows share), errors first, then by the first row each appears on.
pub fn group_problems(rows: &[RowResult]) -> Vec<ProblemGroup> {
    let mut groups: Vec<ProblemGroup> = Vec::new();
    for r in rows {
        for p in &r.problems {
            let shared = p.kind.as_deref().unwrap_or(&p.message);
            let row = ProblemRow {
                row: r.row,
                full_name: r.full_name.clone(),
                detail: p.detail.clone(),
            };
            match groups
                .iter_mut()
                .find(|g| g.severity == p.severity && g.column == p.column && g.message == shared)
            {
                Some(g) => {
                    if !g
                        .rows
                        .iter()
                        .any(|x| x.row == r.row && x.detail == row.detail)
                    {
                        g.rows.push(row);
                    }
                }
                None => groups.push(ProblemGroup {
                    severity: p.severity,
                    severity_label: p.severity.label(),
                    blocking: p.severity == ProblemLevel::Loi,
                    column: p.column.clone(),
                    message: shared.to_string(),
                    rows: vec![row],
                    rows_text: String::new(),
                }),
            }
        }
    }
    for g in &mut groups {
        // One row: its own message says it all.
        if g.rows.len() == 1 && g.rows[0].detail.take().is_some() {
            let r = &g.rows[0];
            if let Some(p) = rows
                .iter()
                .filter(|x| x.row == r.row)
                .flat_map(|x| &x.problems)
                .find(|p| p.kind.as_deref() == Some(g.message.as_str()))
            {
                g.message = p.message.clone();
            }
        }
        let mut nums: Vec<usize> = g.rows.iter().map(|r| r.row).collect();
        nums.dedup();
        g.rows_text = rows_text(&nums);
    }
    // Stable: errors first, each severity in the order of first appearance.
    groups.sort_by_key(|g| g.severity != ProblemLevel::Loi);
    groups
}

/// "Dòng 5", "Dòng 5–7, 9 (4 dòng)".
fn rows_text(rows: &[usize]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let mut j = i;
        while j + 1 < rows.len() && rows[j + 1] == rows[j] + 1 {
            j += 1;
        }
        parts.push(match j - i {
            0 => rows[i].to_string(),
            1 => format!("{}, {}", rows[i], rows[j]),
            _ => format!("{}–{}", rows[i], rows[j]),
        });
        i = j + 1;
    }
    if rows.len() == 1 {
        format!("Dòng {}", parts.join(", "))
    } else {
        format!("Dòng {} ({} dòng)", parts.join(", "), rows.len())
    }
}

/// Writes the imported people in one transaction, with progress before and after.
fn write_imported(
    store: &mut Store,
    people: &[Person],
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<i64>> {
    let total = people.len();
    let stage = "Ghi vào cơ sở dữ liệu";
    progress(Progress {
        stage,
        done: 0,
        total,
    });
    let ids = store.add_people(people)?;
    progress(Progress {
        stage,
        done: total,
        total,
    });
    Ok(ids)
}

/// Remembers the clerk's mapping for lists of this header layout (used when the next such
/// list is previewed without a mapping).
pub fn remember_map(store: &Store, preview: &ImportPreview) -> Result<()> {
    if preview.user_map.is_empty() {
        return Ok(());
    }
    let json = serde_json::to_string(&preview.user_map)?;
    store.set_import_map(&map_key(&preview.layout), &json)
}

/// Imports the rows of a preview that have no error, in one transaction, and leaves the
/// others out (a row that now duplicates someone on record is left out too).
pub fn import_valid_people(
    store: &mut Store,
    preview: &ImportPreview,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportOutcome> {
    let known = Known::from_store(store)?;
    let mut skipped = Vec::new();
    let mut people = Vec::new();
    for r in &preview.rows {
        match &r.person {
            Some(p) if !r.has_errors() => {
                let key = (match_key(&p.full_name), p.birth_date.to_iso());
                if known.same(&key, &p.cccd).is_some() {
                    skipped.push(r.row);
                } else {
                    people.push(p.clone());
                }
            }
            _ => skipped.push(r.row),
        }
    }
    let ids = write_imported(store, &people, progress)?;
    Ok(ImportOutcome {
        imported: ids.len(),
        skipped_rows: skipped,
    })
}

/// Imports every row of a preview in one transaction; refuses, writing nothing, if any row has
/// an error or a row now duplicates someone added since the preview.
pub fn import_people(
    store: &mut Store,
    preview: &ImportPreview,
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<i64>> {
    let mut errors: Vec<FieldError> = preview
        .rows
        .iter()
        .filter(|r| r.has_errors())
        .map(|r| {
            FieldError::new(
                format!("row[{}]", r.row),
                "row_error",
                format!(
                    "Dòng {}: {}",
                    r.row,
                    r.problems
                        .iter()
                        .filter(|p| p.severity == ProblemLevel::Loi)
                        .map(|p| p.message.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            )
        })
        .collect();
    let known = Known::from_store(store)?;
    for r in &preview.rows {
        if let Some(p) = &r.person {
            let key = (match_key(&p.full_name), p.birth_date.to_iso());
            if let Some(who) = known.same(&key, &p.cccd) {
                errors.push(FieldError::new(
                    format!("row[{}]", r.row),
                    "duplicate",
                    format!("Dòng {}: đã có {who} trong cơ sở dữ liệu.", r.row),
                ));
            }
        }
    }
    if !errors.is_empty() {
        let n = errors.len();
        errors.truncate(50);
        if n > 50 {
            errors.push(FieldError::new(
                "rows",
                "more",
                format!("… và {} dòng lỗi khác.", n - 50),
            ));
        }
        return Err(CoreError::Validation(errors));
    }
    let people: Vec<Person> = preview.people().cloned().collect();
    let ids = write_imported(store, &people, progress)?;
    Ok(ids)
}

fn map_key(layout: &str) -> String {
    format!("import_map:{layout}")
}
