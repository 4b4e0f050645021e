//! The cadre records: add, edit, find, remove, history.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::import::different_people;
use crate::model::{Person, PersonSummary, Sex, Status};
use crate::store::{AuditEntry, Store};
use crate::text::match_key;

/// Adds a record (no id) or replaces it; returns its id. A new record with the name and birth
/// date of someone on record is refused (see [`same_person`]): a second Enter or a double click
/// never makes a second record of one person.
pub fn save(store: &mut Store, p: &Person) -> Result<i64> {
    store.write(|store| save_checked(store, p, false))
}

/// As [`save`]; with `same_person_confirmed`, the clerk has said that a new record with the
/// name and birth date of someone on record is another person, and it is saved.
pub fn save_checked(store: &mut Store, p: &Person, same_person_confirmed: bool) -> Result<i64> {
    store.write(|store| {
        // The record's own mistakes first, so the question about a namesake is asked of a
        // record that can be saved.
        let clean = checked(store, p)?;
        match p.id {
            Some(id) => store.update_person(&clean).map(|()| id),
            None => {
                if !same_person_confirmed {
                    refuse_same_person(store, std::slice::from_ref(&clean))?;
                }
                store.add_person(&clean)
            }
        }
    })
}

/// A record as it will be stored (`validate::normalize_person`), refused with every rule it
/// breaks (`validate::validate_person`, each under its field): the check every use case that
/// writes a person runs before the store writes it.
pub(crate) fn checked(store: &Store, p: &Person) -> Result<Person> {
    let mut clean = p.clone();
    crate::validate::normalize_person(&mut clean);
    crate::validate::validate_person(&clean, store.today())?;
    Ok(clean)
}

/// People on record who may be `p` again: the same name (tone marks placed either way, case
/// and spacing ignored, as the import compares) and the same birth date, unless both records
/// carry a CCCD and the numbers differ.
pub fn same_person(store: &Store, p: &Person) -> Result<Vec<PersonSummary>> {
    let key = (match_key(&p.full_name), p.birth_date.to_iso());
    Ok(store
        .list_people()?
        .into_iter()
        .filter(|s| Some(s.id) != p.id)
        .filter(|s| (match_key(&s.full_name), s.birth_date.to_iso()) == key)
        .filter(|s| !different_people(&s.cccd, &p.cccd))
        .collect())
}

/// Refuses new records that repeat someone on record, or each other, with
/// [`CoreError::SamePerson`] naming who is already there.
fn refuse_same_person(store: &Store, people: &[Person]) -> Result<()> {
    let mut found: Vec<String> = Vec::new();
    for (i, p) in people.iter().enumerate() {
        for s in same_person(store, p)? {
            found.push(format!(
                "{} (sinh {}{}, mã số {})",
                s.full_name,
                s.birth_date.to_display(),
                s.cccd
                    .as_deref()
                    .map(|c| format!(", CCCD {c}"))
                    .unwrap_or_default(),
                s.id
            ));
        }
        let key = (match_key(&p.full_name), p.birth_date.to_iso());
        if let Some(j) = people[..i].iter().position(|q| {
            (match_key(&q.full_name), q.birth_date.to_iso()) == key
                && !different_people(&q.cccd, &p.cccd)
        }) {
            found.push(format!(
                "{} (sinh {}), hồ sơ thứ {} của danh sách này",
                people[j].full_name,
                people[j].birth_date.to_display(),
                j + 1
            ));
        }
    }
    if found.is_empty() {
        Ok(())
    } else {
        Err(CoreError::SamePerson(found))
    }
}

/// A record as a form or a JSON file gives it: every value that does not read (a date that is
/// not in the calendar, a level not in the list) is named by its field, in Vietnamese, and
/// nothing is saved.
pub fn save_json(store: &mut Store, value: serde_json::Value) -> Result<i64> {
    store.write(|store| save_json_checked(store, value, false))
}

/// As [`save_json`], with the clerk's word that a new record with the name and birth date of
/// someone on record is another person.
pub fn save_json_checked(
    store: &mut Store,
    value: serde_json::Value,
    same_person_confirmed: bool,
) -> Result<i64> {
    store.write(|store| {
        let p = read_person(value)?;
        save_checked(store, &p, same_person_confirmed)
    })
}

/// A new record from a JSON value (an "id" in it is ignored: this never replaces a record).
pub fn add_json(store: &mut Store, value: serde_json::Value) -> Result<i64> {
    store.write(|store| add_json_checked(store, value, false))
}

/// As [`add_json`], with the clerk's word that a record repeating a name and birth date on
/// record is another person.
pub fn add_json_checked(
    store: &mut Store,
    value: serde_json::Value,
    same_person_confirmed: bool,
) -> Result<i64> {
    store.write(|store| {
        let mut p = read_person(value)?;
        p.id = None;
        save_checked(store, &p, same_person_confirmed)
    })
}

/// Several new records at once (a JSON list), all or none.
pub fn add_many_json(store: &mut Store, values: Vec<serde_json::Value>) -> Result<Vec<i64>> {
    store.write(|store| add_many_json_checked(store, values, false))
}

/// As [`add_many_json`], with the clerk's word that records repeating a name and birth date
/// (on record or in the list) are other people.
pub fn add_many_json_checked(
    store: &mut Store,
    values: Vec<serde_json::Value>,
    same_person_confirmed: bool,
) -> Result<Vec<i64>> {
    store.write(|store| {
        let mut people = Vec::with_capacity(values.len());
        let mut errors = Vec::new();
        for (i, v) in values.into_iter().enumerate() {
            match read_person(v) {
                Ok(p) => people.push(p),
                Err(e) => errors.extend(e.field_errors().iter().map(|f| {
                    crate::error::FieldError::new(
                        format!("[{i}].{}", f.field),
                        &f.rule,
                        format!("Hồ sơ thứ {}: {}", i + 1, f.message),
                    )
                })),
            }
        }
        if !errors.is_empty() {
            return Err(CoreError::Validation(errors));
        }
        let clean = people
            .iter()
            .map(|p| checked(store, p))
            .collect::<Result<Vec<_>>>()?;
        if !same_person_confirmed {
            refuse_same_person(store, &clean)?;
        }
        store.add_people(&clean)
    })
}

/// Changes some fields of a record: `patch` holds only the fields changed.
pub fn edit_json(store: &mut Store, id: i64, patch: serde_json::Value) -> Result<()> {
    store.write(|store| {
        let serde_json::Value::Object(patch) = patch else {
            return Err(CoreError::validation(
                "record",
                "object",
                "Dữ liệu sửa hồ sơ: phải là một đối tượng JSON (các trường cần sửa).",
            ));
        };
        let mut merged = serde_json::to_value(store.person(id)?)?;
        if let serde_json::Value::Object(m) = &mut merged {
            m.extend(patch);
            m.insert("id".into(), id.into());
        }
        let p = checked(store, &read_person(merged)?)?;
        store.update_person(&p)
    })
}

/// Removes a record; its last state stays in the change log. Returns the name removed.
pub fn remove(store: &mut Store, id: i64) -> Result<String> {
    store.write(|store| {
        let name = store.person(id)?.full_name;
        store.remove_person(id)?;
        Ok(name)
    })
}

pub fn history(store: &Store, id: i64) -> Result<Vec<AuditEntry>> {
    store.audit_history("person", id)
}

/// One screenful of the cadre list: the first `limit` matches and how many there are.
#[derive(Debug, Clone, Serialize)]
pub struct PeoplePage {
    /// Matches of the query and filters.
    pub total: usize,
    /// Women among them.
    pub women: usize,
    /// Everyone matching the query alone (before the filters).
    pub unfiltered: usize,
    pub rows: Vec<PersonSummary>,
}

/// The list's filters; every one is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PeopleFilter {
    pub status: Option<Status>,
    pub sex: Option<Sex>,
    /// Age today, inclusive bounds.
    pub age_from: Option<i32>,
    pub age_to: Option<i32>,
    /// Words of a current post ("chủ tịch", diacritics optional).
    pub position: Option<String>,
    /// In the plan of this term (true) or not (false).
    pub in_plan: Option<bool>,
    pub term: Option<String>,
}

/// Search as you type: filters and the row limit are applied here, so only a screenful
/// crosses to the window however large the ward.
pub fn find(store: &Store, query: &str, filter: &PeopleFilter, limit: usize) -> Result<PeoplePage> {
    let today = store.today();
    let post = filter
        .position
        .as_deref()
        .map(crate::text::fold)
        .filter(|p| !p.is_empty());
    let planned: Option<HashSet<i64>> = match (&filter.in_plan, &filter.term) {
        (Some(_), Some(term)) if !term.is_empty() => Some(
            store
                .plan_entries(term)?
                .iter()
                .filter(|e| e.is_active())
                .map(|e| e.person_id)
                .collect(),
        ),
        _ => None,
    };
    let keep = |p: &PersonSummary| {
        let age = p.birth_date.age_at(today);
        filter.status.is_none_or(|s| p.status == s)
            && filter.sex.is_none_or(|s| p.sex == s)
            && filter.age_from.is_none_or(|a| age >= a)
            && filter.age_to.is_none_or(|a| age <= a)
            && post
                .as_deref()
                .is_none_or(|w| crate::text::fold(&p.positions).contains(w))
            && match (&planned, filter.in_plan) {
                (Some(set), Some(want)) => set.contains(&p.id) == want,
                _ => true,
            }
    };
    // Counted without copying; only the rows drawn are copied.
    let mut page = PeoplePage {
        total: 0,
        women: 0,
        unfiltered: 0,
        rows: Vec::with_capacity(limit.min(1000)),
    };
    store.for_each_found(query, |p| {
        page.unfiltered += 1;
        if keep(p) {
            page.total += 1;
            page.women += usize::from(p.sex == Sex::Female);
            if page.rows.len() < limit {
                page.rows.push(p.clone());
            }
        }
    })?;
    Ok(page)
}

/// The fields of a record with the form's labels: every field a record can have, so each
/// message names the field as the clerk sees it.
pub const PERSON_FIELDS: &[(&str, &str)] = &[
    ("id", "Mã số hồ sơ"),
    ("full_name", "Họ và tên"),
    ("other_name", "Tên gọi khác"),
    ("sex", "Giới tính"),
    ("birth_date", "Ngày sinh"),
    ("ethnicity", "Dân tộc"),
    ("religion", "Tôn giáo"),
    ("home_town", "Quê quán"),
    ("birthplace", "Nơi sinh"),
    ("residence", "Nơi ở hiện nay"),
    ("cccd", "Số CCCD"),
    ("old_id", "Số CMND cũ"),
    ("party_admission_date", "Ngày vào Đảng"),
    ("party_official_date", "Ngày chính thức"),
    ("party_card_no", "Số thẻ đảng viên"),
    ("general_education", "Giáo dục phổ thông"),
    ("professional_level", "Chuyên môn"),
    ("professional_field", "Chuyên ngành"),
    ("political_theory", "Lý luận chính trị"),
    ("state_management", "Quản lý nhà nước"),
    ("foreign_language", "Ngoại ngữ"),
    ("it", "Tin học"),
    ("positions", "Chức vụ"),
    ("ratings", "Xếp loại"),
    ("discipline_rewards", "Khen thưởng, kỷ luật"),
    ("trainings", "Đào tạo, bồi dưỡng"),
    ("status", "Tình trạng"),
    ("status_date", "Ngày thay đổi tình trạng"),
    ("status_reason", "Lý do thay đổi tình trạng"),
    ("retirement_override", "Tháng nghỉ hưu (điều chỉnh)"),
    ("graduation_class", "Xếp loại tốt nghiệp"),
];

/// The parts of a list item and of a skill, as the form's columns name them.
const PART_LABELS: &[(&str, &str)] = &[
    ("title", "tên chức vụ"),
    ("organisation", "đơn vị"),
    ("start", "ngày bắt đầu"),
    ("end", "ngày kết thúc"),
    ("year", "năm"),
    ("level", "mức"),
    ("score", "điểm"),
    ("basis", "căn cứ"),
    ("kind", "loại"),
    ("form", "hình thức"),
    ("date", "ngày"),
    ("decision_no", "số quyết định"),
    ("until", "hết hiệu lực"),
    ("note", "ghi chú"),
    ("name", "tên lớp, ngành học"),
    ("institution", "cơ sở đào tạo"),
    ("from", "từ ngày"),
    ("to", "đến ngày"),
    ("certificate", "văn bằng, chứng chỉ"),
];

/// The form's label of a record field ("positions[0].start" → "Chức vụ 1, ngày bắt đầu"; the
/// whole record, "", is "Hồ sơ cán bộ").
pub fn field_label(path: &str) -> String {
    if path.is_empty() {
        return "Hồ sơ cán bộ".into();
    }
    let base = path.split(['[', '.']).next().unwrap_or(path);
    let index = path
        .split('[')
        .nth(1)
        .and_then(|r| r.split(']').next())
        .and_then(|n| n.parse::<usize>().ok())
        .map(|n| n + 1);
    let sub = match path.rsplit_once('.') {
        Some((_, last)) => last,
        None => "",
    };
    let name = PERSON_FIELDS
        .iter()
        .find(|(k, _)| *k == base)
        .map(|(_, l)| *l)
        .unwrap_or("Hồ sơ cán bộ");
    let part = PART_LABELS
        .iter()
        .find(|(k, _)| *k == sub)
        .map(|(_, l)| format!(", {l}"))
        .unwrap_or_default();
    match index {
        Some(n) => format!("{name} {n}{part}"),
        None => format!("{name}{part}"),
    }
}

const DATE_FIELDS: &[&str] = &[
    "birth_date",
    "party_admission_date",
    "party_official_date",
    "status_date",
    "retirement_override",
    "start",
    "end",
    "date",
    "until",
    "from",
    "to",
];

/// The last name of a path ("positions[0].start" → "start").
fn leaf(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last)
}

/// What a field needs, in the clerk's words.
fn person_wants(path: &str) -> Option<&'static str> {
    let leaf = leaf(path);
    let in_list = path.contains('[');
    if path.starts_with("foreign_language.") || path.starts_with("it.") {
        return Some("chữ");
    }
    Some(match leaf {
        l if DATE_FIELDS.contains(&l) => "một ngày dạng dd/mm/yyyy, mm/yyyy hoặc yyyy",
        "year" => "một số năm, ví dụ 2024",
        "score" => "một số",
        "id" => "một số",
        "sex" | "status" | "professional_level" | "political_theory" | "state_management"
        | "graduation_class" | "level" | "kind" => "một mục trong danh sách để chọn",
        "positions" | "ratings" | "discipline_rewards" | "trainings" if !in_list => "một danh sách",
        "foreign_language" | "it" => "chữ",
        _ => return None,
    })
}

/// A value that reads for a required field (only to go on reading the rest of the record).
fn person_placeholder(path: &str) -> Option<serde_json::Value> {
    use serde_json::json;
    let leaf = leaf(path);
    Some(match leaf {
        l if DATE_FIELDS.contains(&l) => json!("2000"),
        "sex" => json!("nam"),
        "status" => json!("dang_cong_tac"),
        "year" => json!(2000),
        "level" if path.starts_with("ratings") => json!("HT"),
        "kind" => json!("khen_thuong"),
        "full_name" | "title" | "form" | "name" => json!(""),
        "positions" | "ratings" | "discipline_rewards" | "trainings" => json!([]),
        "foreign_language" | "it" => json!({}),
        _ => serde_json::Value::Null,
    })
}

/// Reads a record the window sent and names every value that does not read at once (a date
/// not in the calendar, a level not in the list, a required field left empty), each under its
/// field and in Vietnamese; the record's rules are checked after that, by the store, so a wrong
/// date never also brings "bắt buộc" errors.
pub fn read_person(value: serde_json::Value) -> Result<crate::model::Person> {
    super::read::read_record(
        value,
        &super::read::Fields {
            label: &field_label,
            wants: &person_wants,
            placeholder: &person_placeholder,
        },
    )
}
