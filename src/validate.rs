//! Validation in the core, run on every write whatever the caller (UI, CLI, import).
//! `normalize_*` makes every text NFC and trimmed; `validate_*` returns every broken rule,
//! each naming the field and the rule in Vietnamese.

use chrono::{Datelike, NaiveDate};

use crate::error::{CoreError, FieldError, Result};
use crate::model::{PartialDate, Person, RecordKind, Status, Unit};
use crate::text::{clean, clean_multiline};

pub const MIN_AGE_AT_ENTRY: i32 = 16;
pub const MAX_AGE_AT_ENTRY: i32 = 90;
pub const PARTY_MIN_AGE: u32 = 18;

pub fn normalize_person(p: &mut Person) {
    for s in [
        &mut p.full_name,
        &mut p.other_name,
        &mut p.ethnicity,
        &mut p.religion,
        &mut p.home_town,
        &mut p.birthplace,
        &mut p.residence,
        &mut p.old_id,
        &mut p.party_card_no,
        &mut p.general_education,
        &mut p.professional_field,
        &mut p.foreign_language.level,
        &mut p.foreign_language.note,
        &mut p.it.level,
        &mut p.it.note,
    ] {
        *s = clean(s);
    }
    p.status_reason = clean_multiline(&p.status_reason);
    if let Some(c) = &p.cccd {
        let c = clean(c);
        p.cccd = (!c.is_empty()).then_some(c);
    }
    for pos in &mut p.positions {
        pos.title = clean(&pos.title);
        pos.organisation = clean(&pos.organisation);
    }
    for r in &mut p.ratings {
        r.basis = clean(&r.basis);
    }
    for d in &mut p.discipline_rewards {
        d.form = clean(&d.form);
        d.decision_no = clean(&d.decision_no);
        d.note = clean_multiline(&d.note);
    }
    for t in &mut p.trainings {
        t.name = clean(&t.name);
        t.institution = clean(&t.institution);
        t.certificate = clean(&t.certificate);
    }
}

pub fn normalize_unit(u: &mut Unit) {
    for s in [
        &mut u.name,
        &mut u.superior_body,
        &mut u.place_name,
        &mut u.issuer_code,
    ] {
        *s = clean(s);
    }
}

struct Errors(Vec<FieldError>);

impl Errors {
    fn push(&mut self, field: impl Into<String>, rule: &str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, rule, message));
    }
    fn required(&mut self, field: &str, label: &str, value: &str) {
        if value.is_empty() {
            self.push(field, "required", format!("{label}: bắt buộc phải nhập."));
        }
    }
    fn finish(self) -> Result<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(CoreError::Validation(self.0))
        }
    }
}

fn not_future(e: &mut Errors, field: &str, label: &str, d: &PartialDate, today: NaiveDate) {
    if d.earliest() > today {
        e.push(
            field,
            "date_in_future",
            format!(
                "{label}: ngày {} ở tương lai (hôm nay là {}).",
                d,
                today.format("%d/%m/%Y")
            ),
        );
    }
}

pub fn is_valid_cccd(s: &str) -> bool {
    s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Checks a normalised person; `today` is the day of the write.
pub fn validate_person(p: &Person, today: NaiveDate) -> Result<()> {
    let mut e = Errors(Vec::new());

    e.required("full_name", "Họ và tên", &p.full_name);
    if !p.full_name.is_empty() {
        if !p.full_name.contains(' ') {
            e.push(
                "full_name",
                "name_parts",
                "Họ và tên: phải có cả họ và tên (ít nhất hai chữ).",
            );
        }
        if p.full_name
            .chars()
            .any(|c| c.is_ascii_digit() || c.is_control() || "<>{}[]@#$%^*=_|\\/".contains(c))
        {
            e.push(
                "full_name",
                "name_chars",
                "Họ và tên: chỉ gồm chữ cái và dấu cách, không có chữ số hay ký hiệu.",
            );
        }
    }
    e.required("ethnicity", "Dân tộc", &p.ethnicity);

    // Birth date: real (checked when parsed), not in the future, age at entry 16–90.
    let b = &p.birth_date;
    if b.earliest() > today {
        e.push(
            "birth_date",
            "birth_in_future",
            format!("Ngày sinh: {} ở tương lai.", b),
        );
    } else {
        let age = b.age_at(today);
        if !(MIN_AGE_AT_ENTRY..=MAX_AGE_AT_ENTRY).contains(&age) {
            e.push(
                "birth_date",
                "age_range",
                format!(
                    "Ngày sinh: {} cho tuổi {age}, ngoài khoảng {MIN_AGE_AT_ENTRY}–{MAX_AGE_AT_ENTRY} tuổi của cán bộ.",
                    b
                ),
            );
        }
    }

    if let Some(c) = &p.cccd {
        if !is_valid_cccd(c) {
            e.push(
                "cccd",
                "cccd_format",
                format!(
                    "Số CCCD: phải gồm đúng 12 chữ số (đã nhập “{c}”, {} ký tự).",
                    c.chars().count()
                ),
            );
        }
    }

    // Party dates: admission on or after the 18th birthday, official after admission.
    let eighteen = b.plus_years_earliest(PARTY_MIN_AGE);
    if let Some(a) = &p.party_admission_date {
        not_future(&mut e, "party_admission_date", "Ngày vào Đảng", a, today);
        if a.latest() < eighteen {
            e.push(
                "party_admission_date",
                "party_before_18",
                format!(
                    "Ngày vào Đảng: {} trước ngày đủ 18 tuổi ({}).",
                    a,
                    eighteen.format("%d/%m/%Y")
                ),
            );
        }
    }
    if let Some(o) = &p.party_official_date {
        not_future(&mut e, "party_official_date", "Ngày chính thức", o, today);
        match &p.party_admission_date {
            None => e.push(
                "party_official_date",
                "official_without_admission",
                "Ngày chính thức: đã nhập nhưng chưa có ngày vào Đảng.",
            ),
            Some(a) if o.latest() <= a.earliest() => e.push(
                "party_official_date",
                "official_before_admission",
                format!("Ngày chính thức: {} phải sau ngày vào Đảng {}.", o, a),
            ),
            _ => {}
        }
    }

    for (i, pos) in p.positions.iter().enumerate() {
        let f = |name: &str| format!("positions[{i}].{name}");
        e.required(&f("title"), &format!("Chức vụ thứ {}", i + 1), &pos.title);
        // A post may start in the future: a move or an appointment decided now takes effect on
        // a later day (issue 21 §3); the decision's own date is checked where it is recorded.
        if let Some(start) = &pos.start {
            if start.latest() < b.earliest() {
                e.push(
                    f("start"),
                    "before_birth",
                    format!(
                        "Chức vụ “{}”: ngày bắt đầu {} trước ngày sinh.",
                        pos.title, start
                    ),
                );
            }
        }
        if let Some(end) = &pos.end {
            if let Some(start) = pos.start.as_ref().filter(|s| end.latest() < s.earliest()) {
                e.push(
                    f("end"),
                    "end_before_start",
                    format!(
                        "Chức vụ “{}”: ngày thôi giữ {} trước ngày bắt đầu {}.",
                        pos.title, end, start
                    ),
                );
            }
        }
    }

    let mut years = std::collections::BTreeSet::new();
    for (i, r) in p.ratings.iter().enumerate() {
        let f = |name: &str| format!("ratings[{i}].{name}");
        if r.year < b.year() + MIN_AGE_AT_ENTRY || r.year > today.year() {
            e.push(
                f("year"),
                "rating_year",
                format!(
                    "Xếp loại năm {}: năm không hợp lệ (phải từ {} đến {}).",
                    r.year,
                    b.year() + MIN_AGE_AT_ENTRY,
                    today.year()
                ),
            );
        }
        if !years.insert(r.year) {
            e.push(
                f("year"),
                "rating_duplicate",
                format!("Xếp loại năm {}: mỗi năm chỉ có một kết quả.", r.year),
            );
        }
        if let Some(s) = r.score {
            if !(0.0..=100.0).contains(&s) {
                e.push(
                    f("score"),
                    "score_range",
                    format!("Xếp loại năm {}: điểm {s} ngoài thang 0–100.", r.year),
                );
            }
        }
    }

    for (i, d) in p.discipline_rewards.iter().enumerate() {
        let f = |name: &str| format!("discipline_rewards[{i}].{name}");
        let label = match d.kind {
            RecordKind::Discipline => "Kỷ luật",
            RecordKind::Reward => "Khen thưởng",
        };
        e.required(
            &f("form"),
            &format!("{label} thứ {}, hình thức", i + 1),
            &d.form,
        );
        not_future(
            &mut e,
            &f("date"),
            &format!("{label} “{}”, ngày quyết định", d.form),
            &d.date,
            today,
        );
        if let Some(u) = &d.until {
            if u.latest() < d.date.earliest() {
                e.push(
                    f("until"),
                    "end_before_start",
                    format!(
                        "{label} “{}”: ngày hết hiệu lực {} trước ngày quyết định {}.",
                        d.form, u, d.date
                    ),
                );
            }
        }
    }

    for (i, t) in p.trainings.iter().enumerate() {
        let f = |name: &str| format!("trainings[{i}].{name}");
        e.required(
            &f("name"),
            &format!("Khóa đào tạo thứ {}, tên khóa", i + 1),
            &t.name,
        );
        if let (Some(a), Some(z)) = (&t.from, &t.to) {
            if z.latest() < a.earliest() {
                e.push(
                    f("to"),
                    "end_before_start",
                    format!(
                        "Khóa “{}”: ngày kết thúc {} trước ngày bắt đầu {}.",
                        t.name, z, a
                    ),
                );
            }
        }
    }

    match (p.status, &p.status_date) {
        (Status::Working, _) => {}
        (_, None) => e.push(
            "status_date",
            "required",
            format!(
                "Ngày {}: bắt buộc khi tình trạng là “{}”.",
                p.status.label().to_lowercase(),
                p.status.label()
            ),
        ),
        (_, Some(d)) => {
            not_future(&mut e, "status_date", "Ngày thay đổi tình trạng", d, today);
            if d.latest() < b.earliest() {
                e.push(
                    "status_date",
                    "before_birth",
                    format!("Ngày thay đổi tình trạng: {} trước ngày sinh.", d),
                );
            }
        }
    }

    e.finish()
}

pub fn validate_unit(u: &Unit) -> Result<()> {
    let mut e = Errors(Vec::new());
    e.required("name", "Tên đơn vị", &u.name);
    e.required("superior_body", "Cấp trên trực tiếp", &u.superior_body);
    e.required("place_name", "Địa danh ghi ngày tháng", &u.place_name);
    e.required("issuer_code", "Ký hiệu cơ quan ban hành", &u.issuer_code);
    e.finish()
}

pub fn validate_passphrase(pass: &str) -> Result<()> {
    if pass.chars().count() < 8 {
        return Err(CoreError::WeakPassphrase);
    }
    Ok(())
}
