//! Turns each data row of an imported sheet into a record, listing every problem by column.

use std::collections::HashMap;

use chrono::NaiveDate;
use unicode_normalization::is_nfc;

use super::cell::{Grid, Raw};
use super::header::{field_label, Header};
use super::{different_people, values, Known, Problem, ProblemLevel, Progress, RowResult};
use crate::model::{PartialDate, Person, PositionHeld, Sex};
use crate::text::{clean, fold, match_key};
use crate::validate::{normalize_person, validate_person};

/// A row with nothing to import: empty, a section heading, a total or a column-number row.
fn is_filler(cells: &[Raw], name: &str) -> bool {
    let filled: Vec<&Raw> = cells.iter().filter(|c| !c.is_empty()).collect();
    if filled.is_empty() {
        return true;
    }
    let first_two: Vec<String> = cells.iter().take(2).map(|c| fold(&c.display())).collect();
    if first_two
        .iter()
        .any(|t| t.starts_with("tong so") || t.starts_with("tong cong") || t == "cong")
    {
        return true;
    }
    name.trim().is_empty() && filled.len() == 1
}

struct RowCtx<'a> {
    header: &'a Header,
    cells: &'a [Raw],
    problems: Vec<Problem>,
    nfd_seen: bool,
}

impl RowCtx<'_> {
    fn column_of(&self, field: &str) -> Option<(usize, String)> {
        self.header
            .columns
            .iter()
            .find(|c| c.field.as_deref() == Some(field))
            .map(|c| (c.index, format!("{} “{}”", c.letter, c.header)))
    }

    fn raw(&self, field: &str) -> Raw {
        match self.column_of(field) {
            Some((i, _)) => match self.cells.get(i) {
                Some(r) => r.clone(),
                None => Raw::Empty,
            },
            None => Raw::Empty,
        }
    }

    /// The cell as cleaned text (NFC, trimmed); notes NFD input once per row.
    fn text(&mut self, field: &str) -> String {
        let raw = self.raw(field);
        let t = raw.display();
        if !self.nfd_seen && !is_nfc(&t) {
            self.nfd_seen = true;
            let col = self.column_of(field).map(|c| c.1);
            self.warn(
                col,
                field,
                "Chữ được gõ bằng bảng mã tổ hợp; đã chuyển về dạng chuẩn (dựng sẵn) trước khi kiểm tra.",
            );
        }
        clean(&t)
    }

    fn push(
        &mut self,
        column: Option<String>,
        field: &str,
        message: String,
        severity: ProblemLevel,
    ) {
        self.problems.push(Problem {
            column,
            field: field.to_string(),
            message,
            severity,
            kind: None,
            detail: None,
        });
    }

    fn error(&mut self, field: &str, why: impl std::fmt::Display) {
        let col = self.column_of(field).map(|c| c.1);
        let label = field_label(field);
        self.push(col, field, format!("{label}: {why}"), ProblemLevel::Loi);
    }

    fn warn(&mut self, column: Option<String>, field: &str, message: &str) {
        self.push(column, field, message.to_string(), ProblemLevel::CanhBao);
    }

    /// A note of a `kind` many rows share ("Chưa rõ ngày bắt đầu…") about something of its row
    /// (`detail`: "Chức vụ “Bí thư chi bộ”"); its message says both.
    fn warn_kind(&mut self, column: Option<String>, field: &str, kind: &str, detail: String) {
        let mut rest = kind.chars();
        let lower: String = rest
            .next()
            .map(|c| c.to_lowercase().chain(rest).collect())
            .unwrap_or_default();
        self.push(
            column,
            field,
            format!("{detail}: {lower}"),
            ProblemLevel::CanhBao,
        );
        if let Some(p) = self.problems.last_mut() {
            p.kind = Some(kind.to_string());
            p.detail = Some(detail);
        }
    }

    fn date(&mut self, field: &str, today: NaiveDate) -> Option<PartialDate> {
        let raw = self.raw(field);
        match values::date(&raw, today) {
            Ok(d) => d,
            Err(e) => {
                self.error(field, e);
                None
            }
        }
    }
}

fn build(ctx: &mut RowCtx, today: NaiveDate) -> Option<Person> {
    let name = ctx.text("full_name");
    if name.is_empty() {
        ctx.error("full_name", "bắt buộc.");
    }
    // Sex and birth date: a "Giới tính" column, or the Nam | Nữ birth columns. A filled Nam or
    // Nữ cell says the sex even when its date is wrong (no follow-on "Giới tính: bắt buộc").
    let male_filled = !ctx.raw("birth_male").is_empty();
    let female_filled = !ctx.raw("birth_female").is_empty();
    let male = ctx.date("birth_male", today);
    let female = ctx.date("birth_female", today);
    let plain = ctx.date("birth_date", today);
    let sex_text = ctx.text("sex");
    let mut sex = None;
    if !sex_text.is_empty() {
        match values::sex(&sex_text) {
            Ok(s) => sex = Some(s),
            Err(e) => ctx.error("sex", e),
        }
    }
    let birth = match (male, female) {
        (Some(_), Some(_)) => {
            ctx.error("birth_female", "có ngày sinh ở cả cột Nam và cột Nữ.");
            None
        }
        (Some(d), None) | (None, Some(d)) => {
            let s = if male.is_some() {
                Sex::Male
            } else {
                Sex::Female
            };
            if sex.is_some_and(|x| x != s) {
                ctx.error("sex", "không khớp với cột ngày sinh (Nam/Nữ) đã ghi.");
            }
            sex = Some(s);
            Some(d)
        }
        (None, None) => {
            if male_filled != female_filled && sex.is_none() {
                sex = Some(if male_filled { Sex::Male } else { Sex::Female });
            }
            plain
        }
    };
    if birth.is_none() && !ctx.problems.iter().any(|p| p.field.starts_with("birth")) {
        let f = if ctx.column_of("birth_date").is_some() {
            "birth_date"
        } else {
            "birth_male"
        };
        ctx.push(
            ctx.column_of(f).map(|c| c.1),
            f,
            "Ngày sinh: bắt buộc (dạng dd/mm/yyyy, mm/yyyy hoặc yyyy).".into(),
            ProblemLevel::Loi,
        );
    }
    if sex.is_none() && !ctx.problems.iter().any(|p| p.field == "sex") {
        ctx.push(
            ctx.column_of("sex").map(|c| c.1),
            "sex",
            "Giới tính: bắt buộc (cột Giới tính, hoặc ngày sinh ở cột Nam hay Nữ).".into(),
            ProblemLevel::Loi,
        );
    }
    let mut p = Person::new(
        &name,
        sex.unwrap_or(Sex::Male),
        birth.unwrap_or_else(|| PartialDate::from_date(today)),
    );
    let text_fields: [(&str, &mut String); 10] = [
        ("other_name", &mut p.other_name),
        ("home_town", &mut p.home_town),
        ("birthplace", &mut p.birthplace),
        ("residence", &mut p.residence),
        ("old_id", &mut p.old_id),
        ("party_card_no", &mut p.party_card_no),
        ("general_education", &mut p.general_education),
        ("professional_field", &mut p.professional_field),
        ("status_reason", &mut p.status_reason),
        ("status", &mut String::new()),
    ];
    for (f, slot) in text_fields {
        let t = ctx.text(f);
        if !t.is_empty() {
            *slot = t;
        }
    }
    for (f, slot) in [
        ("ethnicity", &mut p.ethnicity),
        ("religion", &mut p.religion),
    ] {
        let t = ctx.text(f);
        if !t.is_empty() {
            *slot = t;
        }
    }
    let cccd_raw = ctx.raw("cccd");
    match values::cccd(&cccd_raw) {
        Ok(c) => {
            if let (Raw::Number(_), Some(c)) = (&cccd_raw, &c) {
                if cccd_raw.display().trim().len() == 11 {
                    let col = ctx.column_of("cccd").map(|x| x.1);
                    ctx.warn(
                        col,
                        "cccd",
                        &format!("Số CCCD: Excel đã lưu thành số và bỏ chữ số 0 ở đầu; đã thêm lại thành {c}."),
                    );
                }
            }
            p.cccd = c
        }
        Err(e) => ctx.error("cccd", e),
    }
    p.party_admission_date = ctx.date("party_admission_date", today);
    p.party_official_date = ctx.date("party_official_date", today);
    let prof = ctx.text("professional");
    if !prof.is_empty() {
        let (level, field) = values::professional(&prof);
        p.professional_level = level;
        if p.professional_field.is_empty() {
            p.professional_field = field;
        }
    }
    let llct = ctx.text("political_theory");
    if !llct.is_empty() {
        match values::political_theory(&llct) {
            Ok(l) => p.political_theory = Some(l),
            Err(e) => ctx.error("political_theory", e),
        }
    }
    let qlnn = ctx.text("state_management");
    if !qlnn.is_empty() {
        match values::state_management(&qlnn) {
            Ok(l) => p.state_management = Some(l),
            Err(e) => ctx.error("state_management", e),
        }
    }
    let fl = ctx.text("foreign_language");
    if !fl.is_empty() {
        p.foreign_language = values::foreign_language(&fl);
    }
    let it = ctx.text("it");
    if !it.is_empty() {
        p.it = values::it(&it);
    }
    let st = ctx.text("status");
    if !st.is_empty() {
        match values::status(&st) {
            Ok(s) => p.status = s,
            Err(e) => ctx.error("status", e),
        }
    }
    p.status_date = ctx.date("status_date", today);
    positions(ctx, &mut p, today);
    Some(p)
}

/// "Chức vụ, đơn vị" cells split on ";" into current posts, with their starts from "Thời gian
/// giữ chức vụ" (same order) when the list has them. A post whose start the list does not give is
/// imported with its start unknown (a notice to complete, never an invented date).
fn positions(ctx: &mut RowCtx, p: &mut Person, today: NaiveDate) {
    let text = ctx.text("positions");
    if text.is_empty() {
        return;
    }
    let posts: Vec<&str> = text
        .split([';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let starts_raw = ctx.raw("position_start");
    let starts: Vec<Result<Option<PartialDate>, String>> = match &starts_raw {
        Raw::Text(t) => t
            .split([';', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| values::date(&Raw::Text(s.into()), today))
            .collect(),
        Raw::Empty => Vec::new(),
        other => vec![values::date(other, today)],
    };
    if !starts.is_empty() && starts.len() != posts.len() {
        ctx.error(
            "position_start",
            format!(
                "có {} chức vụ nhưng {} thời gian giữ chức vụ (mỗi chức vụ một ngày, cách nhau bằng “;”).",
                posts.len(),
                starts.len()
            ),
        );
        return;
    }
    let mut unknown = Vec::new();
    for (i, post) in posts.into_iter().enumerate() {
        let start = match starts.get(i) {
            Some(Ok(d)) => *d,
            Some(Err(e)) => {
                ctx.error("position_start", e);
                continue;
            }
            None => None,
        };
        let (title, org) = post.split_once(", ").unwrap_or((post, ""));
        if start.is_none() {
            unknown.push(title.trim().to_string());
        }
        p.positions.push(PositionHeld {
            title: title.trim().to_string(),
            organisation: org.trim().to_string(),
            start,
            end: None,
        });
    }
    if !unknown.is_empty() {
        let col = ctx.column_of("positions").map(|c| c.1);
        ctx.warn_kind(
            col,
            "positions",
            "Chưa rõ ngày bắt đầu giữ chức vụ; đã nhập, hãy bổ sung ngày trong hồ sơ.",
            format!(
                "Chức vụ {}",
                unknown
                    .iter()
                    .map(|t| format!("“{t}”"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
}

/// The column a validation field path refers to ("positions[0].start" → positions).
fn field_column(field: &str) -> &str {
    let base = field.split(['[', '.']).next().unwrap_or(field);
    match base {
        "professional_level" => "professional",
        other => other,
    }
}

pub(super) fn check_rows(
    grid: &Grid,
    header: &Header,
    known: &Known,
    today: NaiveDate,
    progress: &mut dyn FnMut(Progress),
) -> Vec<RowResult> {
    let start = header.row + header.height;
    let total = grid.rows.len().saturating_sub(start);
    let name_col = header
        .columns
        .iter()
        .find(|c| c.field.as_deref() == Some("full_name"))
        .map(|c| c.index);
    let mut in_file_name: HashMap<(String, String), (usize, Option<String>)> = HashMap::new();
    let mut in_file_cccd: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, cells) in grid.rows.iter().enumerate().skip(start) {
        let done = i - start;
        if done.is_multiple_of(500) {
            progress(Progress {
                stage: "Kiểm tra từng dòng",
                done,
                total,
            });
        }
        let name = name_col
            .and_then(|c| cells.get(c))
            .map(Raw::display)
            .unwrap_or_default();
        if is_filler(cells, &name) {
            continue;
        }
        let row = grid.first_row + i;
        let mut ctx = RowCtx {
            header,
            cells,
            problems: Vec::new(),
            nfd_seen: false,
        };
        let mut person = build(&mut ctx, today);
        if let Some(p) = person.as_mut() {
            normalize_person(p);
            if ctx.problems.iter().all(|x| x.severity != ProblemLevel::Loi) {
                if let Err(e) = validate_person(p, today) {
                    for fe in e.field_errors() {
                        let f = field_column(&fe.field);
                        let f = match f {
                            "birth_date" if ctx.column_of("birth_date").is_none() => {
                                if p.sex == Sex::Female {
                                    "birth_female"
                                } else {
                                    "birth_male"
                                }
                            }
                            "status_date" if ctx.column_of("status_date").is_none() => "status",
                            other => other,
                        };
                        let col = ctx.column_of(f).map(|c| c.1);
                        ctx.push(col, f, fe.message.clone(), ProblemLevel::Loi);
                    }
                }
            }
            let key = (match_key(&p.full_name), p.birth_date.to_iso());
            let earlier = in_file_name
                .get(&key)
                .filter(|(_, c)| !different_people(c, &p.cccd))
                .map(|(r, _)| *r);
            if let Some(who) = known.same(&key, &p.cccd) {
                ctx.error(
                    "full_name",
                    format!(
                        "trùng với {who} đã có trong cơ sở dữ liệu (cùng họ tên và ngày sinh)."
                    ),
                );
            } else if let Some(first) = earlier {
                ctx.error(
                    "full_name",
                    format!("trùng với dòng {first} của tệp (cùng họ tên và ngày sinh)."),
                );
            } else {
                in_file_name.entry(key).or_insert((row, p.cccd.clone()));
            }
            if let Some(c) = &p.cccd {
                if let Some(who) = known.by_cccd.get(c) {
                    ctx.error(
                        "cccd",
                        format!("{c} đã là số CCCD của {who} trong cơ sở dữ liệu."),
                    );
                } else if let Some(first) = in_file_cccd.get(c) {
                    ctx.error("cccd", format!("{c} trùng với dòng {first} của tệp."));
                } else {
                    in_file_cccd.insert(c.clone(), row);
                }
            }
        }
        let errors = ctx.problems.iter().any(|x| x.severity == ProblemLevel::Loi);
        out.push(RowResult {
            row,
            full_name: person
                .as_ref()
                .map(|p| p.full_name.clone())
                .unwrap_or_default(),
            cells: cells.iter().map(Raw::display).collect(),
            problems: ctx.problems,
            person: if errors { None } else { person },
        });
    }
    progress(Progress {
        stage: "Kiểm tra từng dòng",
        done: total,
        total,
    });
    out
}
