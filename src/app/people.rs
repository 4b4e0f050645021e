//! The cadre records: add, edit, find, remove, history.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::model::{Person, PersonSummary, Sex, Status};
use crate::store::{AuditEntry, Store};

/// Adds a record (no id) or replaces it; returns its id.
pub fn save(store: &mut Store, p: &Person) -> Result<i64> {
    store.write(|store| match p.id {
        Some(id) => store.update_person(p).map(|()| id),
        None => store.add_person(p),
    })
}

/// A record as a form or a JSON file gives it: every value that does not read (a date that is
/// not in the calendar, a level not in the list) is named by its field, in Vietnamese, and
/// nothing is saved.
pub fn save_json(store: &mut Store, value: serde_json::Value) -> Result<i64> {
    store.write(|store| {
        let p = read_person(value)?;
        save(store, &p)
    })
}

/// A new record from a JSON value (an "id" in it is ignored: this never replaces a record).
pub fn add_json(store: &mut Store, value: serde_json::Value) -> Result<i64> {
    store.write(|store| {
        let mut p = read_person(value)?;
        p.id = None;
        store.add_person(&p)
    })
}

/// Several new records at once (a JSON list), all or none.
pub fn add_many_json(store: &mut Store, values: Vec<serde_json::Value>) -> Result<Vec<i64>> {
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
        store.add_people(&people)
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
        let p = read_person(merged)?;
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
    let all = store.search_people(query)?;
    let unfiltered = all.len();
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
    let matches: Vec<PersonSummary> = all
        .into_iter()
        .filter(|p| filter.status.is_none_or(|s| p.status == s))
        .filter(|p| filter.sex.is_none_or(|s| p.sex == s))
        .filter(|p| {
            let age = p.birth_date.age_at(today);
            filter.age_from.is_none_or(|a| age >= a) && filter.age_to.is_none_or(|a| age <= a)
        })
        .filter(|p| {
            post.as_deref()
                .is_none_or(|w| crate::text::fold(&p.positions).contains(w))
        })
        .filter(|p| match (&planned, filter.in_plan) {
            (Some(set), Some(want)) => set.contains(&p.id) == want,
            _ => true,
        })
        .collect();
    Ok(PeoplePage {
        total: matches.len(),
        women: matches.iter().filter(|p| p.sex == Sex::Female).count(),
        unfiltered,
        rows: matches.into_iter().take(limit).collect(),
    })
}

/// The form's label of a record field ("positions[0].start" → "Chức vụ 1, ngày bắt đầu").
fn field_label(path: &str) -> String {
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
    let name = match base {
        "full_name" => "Họ và tên",
        "sex" => "Giới tính",
        "birth_date" => "Ngày sinh",
        "party_admission_date" => "Ngày vào Đảng",
        "party_official_date" => "Ngày chính thức",
        "status_date" => "Ngày thay đổi tình trạng",
        "status" => "Tình trạng",
        "professional_level" => "Chuyên môn",
        "political_theory" => "Lý luận chính trị",
        "state_management" => "Quản lý nhà nước",
        "positions" => "Chức vụ",
        "ratings" => "Xếp loại",
        "discipline_rewards" => "Khen thưởng, kỷ luật",
        "trainings" => "Đào tạo, bồi dưỡng",
        "cccd" => "Số CCCD",
        other => other,
    };
    let part = match sub {
        "start" => ", ngày bắt đầu",
        "end" => ", ngày kết thúc",
        "date" => ", ngày",
        "until" => ", hết hiệu lực",
        "from" => ", từ ngày",
        "to" => ", đến ngày",
        "year" => ", năm",
        "level" => ", mức",
        _ => "",
    };
    match index {
        Some(n) => format!("{name} {n}{part}"),
        None => format!("{name}{part}"),
    }
}

/// Reads a record the window sent and names every value that does not read at once (a date
/// not in the calendar, a level not in the list), each under its field; the record's rules are
/// checked after that, by the store, so a wrong date never also brings "bắt buộc" errors.
pub fn read_person(mut value: serde_json::Value) -> Result<crate::model::Person> {
    let mut errors: Vec<crate::error::FieldError> = Vec::new();
    let mut tried_placeholder: Vec<String> = Vec::new();
    for _ in 0..64 {
        match serde_path_to_error::deserialize::<_, crate::model::Person>(value.clone()) {
            Ok(p) if errors.is_empty() => return Ok(p),
            Ok(_) => break,
            Err(e) => {
                let field = e.path().to_string();
                if !errors.iter().any(|x| x.field == field) {
                    let label = field_label(&field);
                    errors.push(crate::error::FieldError::new(
                        &field,
                        "format",
                        format!("{label}: {}", e.inner()),
                    ));
                    // Left out, so the fields after it are read too.
                    if !set_at(&mut value, &field, serde_json::Value::Null) {
                        break;
                    }
                } else if !tried_placeholder.contains(&field) {
                    // A required value: a placeholder that reads, only to go on reading.
                    tried_placeholder.push(field.clone());
                    if !set_at(&mut value, &field, serde_json::json!("2000")) {
                        break;
                    }
                } else {
                    break;
                }
            }
        }
    }
    Err(CoreError::Validation(errors))
}

/// Sets the value at a serde path ("positions[0].start", "birth_date"); false when not found.
fn set_at(value: &mut serde_json::Value, path: &str, new: serde_json::Value) -> bool {
    let mut cur = value;
    for part in path.split('.') {
        let (key, index) = match part.find('[') {
            Some(i) => (
                &part[..i],
                part[i + 1..part.len() - 1].parse::<usize>().ok(),
            ),
            None => (part, None),
        };
        let next = match cur.get_mut(key) {
            Some(v) => v,
            None => return false,
        };
        cur = match index {
            Some(i) => match next.get_mut(i) {
                Some(v) => v,
                None => return false,
            },
            None => next,
        };
    }
    *cur = new;
    true
}
