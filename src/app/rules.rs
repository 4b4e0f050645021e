//! The ward's rules (versioned rule sets), its targets and its position catalogue.

use serde::Deserialize;

use super::{invalid as bad, parse_code, parse_optional_date};
use crate::error::{CoreError, Result};
use crate::model::plan::Position;
use crate::rules::ruleset::{self, RuleParams, RuleSet};
use crate::rules::targets::{Indicator, Target};
use crate::store::Store;
use crate::text::clean;

/// The rule set a term is checked against; without a term, the newest version.
pub fn rules_for(store: &Store, term: Option<&str>) -> Result<RuleSet> {
    match term.filter(|t| !t.trim().is_empty()) {
        Some(t) => store.rules_for(&store.term(t)?),
        None => store
            .rule_sets()?
            .pop()
            .ok_or_else(|| CoreError::validation("rules", "missing", "Chưa có bộ quy định nào.")),
    }
}

/// The rules of a term as Settings shows them: the version's name and every parameter,
/// labelled and written as a clerk reads it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RulesForm {
    pub name: String,
    pub fields: Vec<ruleset::ParamField>,
}

pub fn rules_form(store: &Store, term: Option<&str>) -> Result<RulesForm> {
    let rules = rules_for(store, term)?;
    Ok(RulesForm {
        name: rules.name,
        fields: rules.params.form(),
    })
}

pub fn rule_sets(store: &Store) -> Result<Vec<RuleSet>> {
    store.rule_sets()
}

/// An edit of the rules: the parameters changed (the others stay as they are), and optionally
/// the new version's name and the day it is in force from.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RulesEdit {
    /// The term whose rules are edited; none is the newest version.
    pub term: Option<String>,
    /// Parameters to change (all of them, or only some).
    pub params: serde_json::Map<String, serde_json::Value>,
    pub name: Option<String>,
    /// "dd/mm/yyyy"; none keeps the edited version's.
    pub effective_from: Option<String>,
}

/// A parameter as "khoa=giá trị" ("months_left_inclusive=false", "min_months=60"): the value is
/// read as JSON when it reads, else as text.
pub fn parse_param(text: &str) -> Result<(String, serde_json::Value)> {
    let (k, v) = text.split_once('=').ok_or_else(|| {
        CoreError::validation(
            "params",
            "format",
            format!(
                "Tham số quy định: “{}” phải có dạng tên=giá trị.",
                text.trim()
            ),
        )
    })?;
    let v = serde_json::from_str(v.trim())
        .unwrap_or_else(|_| serde_json::Value::String(v.trim().to_string()));
    Ok((k.trim().to_string(), v))
}

/// Saves edited parameters as a new version of the rules (older versions stay, so earlier
/// checks can be explained). The new version is named after the one edited, "(sửa đổi
/// dd/mm/yyyy)" (an earlier "(sửa đổi …)" is replaced, not repeated), then "(sửa đổi dd/mm/yyyy,
/// lần 2)", "lần 3"… for the versions saved the same day, so that each one can be told apart in
/// the list; a name given that another version already has is refused.
pub fn save_params(store: &mut Store, edit: &RulesEdit) -> Result<RuleSet> {
    store.write(|store| {
        let current = rules_for(store, edit.term.as_deref())?;
        let params = edited_params(&current.params, &edit.params)?;
        let taken: std::collections::HashSet<String> = store
            .rule_sets()?
            .iter()
            .map(|r| name_key(&r.name))
            .collect();
        let name = match edit.name.as_deref().map(str::trim) {
            Some(n) if !n.is_empty() => {
                if taken.contains(&name_key(n)) {
                    return Err(CoreError::validation(
                        "name",
                        "duplicate",
                        format!(
                            "Tên phiên bản quy định: đã có phiên bản “{n}”, hãy đặt một tên khác."
                        ),
                    ));
                }
                n.to_string()
            }
            _ => edited_name(&current.name, store.today(), |n| {
                taken.contains(&name_key(n))
            }),
        };
        let effective_from = parse_optional_date(
            "effective_from",
            "Áp dụng từ ngày",
            edit.effective_from.as_deref(),
        )?
        .unwrap_or(current.effective_from);
        let new = RuleSet {
            id: None,
            name,
            effective_from,
            params,
        };
        let id = store.add_rule_set(&new)?;
        Ok(RuleSet {
            id: Some(id),
            ..new
        })
    })
}

/// The name of a version edited from `edited` on `day`: "{base} (sửa đổi dd/mm/yyyy)", or
/// "{base} (sửa đổi dd/mm/yyyy, lần N)" with the first N from 2 whose name is not `taken`. The
/// base is the edited version's name without its own "(sửa đổi …)".
pub fn edited_name(edited: &str, day: chrono::NaiveDate, taken: impl Fn(&str) -> bool) -> String {
    let base = edited.split(" (sửa đổi").next().unwrap_or(edited).trim();
    let day = day.format("%d/%m/%Y");
    let first = format!("{base} (sửa đổi {day})");
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|n| format!("{base} (sửa đổi {day}, lần {n})"))
        .find(|n| !taken(n))
        .unwrap_or(first)
}

/// Two version names are the same when they read the same: case and runs of spaces aside.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The parameters with an edit applied: each value read as the clerk typed it ("0,25", "25%",
/// "25" for a share; an empty required value refused), every problem named at once under its
/// parameter and by its label, then the rule set's own checks.
pub fn edited_params(
    current: &RuleParams,
    edit: &serde_json::Map<String, serde_json::Value>,
) -> Result<RuleParams> {
    let mut value = serde_json::to_value(current)?;
    let serde_json::Value::Object(m) = &mut value else {
        return Err(CoreError::validation(
            "params",
            "params_object",
            "Quy định: bộ tham số đang dùng không đọc được.",
        ));
    };
    let mut errors = Vec::new();
    for (k, v) in edit {
        if !m.contains_key(k) {
            errors.push(crate::error::FieldError::new(
                "params",
                "unknown",
                format!("Tham số quy định: không có tham số “{k}” trong bộ quy định."),
            ));
            continue;
        }
        match ruleset::read_param(k, v) {
            // A table (the retirement ages) changes the cells sent and keeps the others.
            Ok(serde_json::Value::Object(rows))
                if ruleset::param_info(k).map(|p| p.kind)
                    == Some(ruleset::ParamKind::AgeSchedules) =>
            {
                for (row, parts) in rows {
                    let serde_json::Value::Object(parts) = parts else {
                        continue;
                    };
                    if let Some(serde_json::Value::Object(current)) =
                        m.get_mut(k).and_then(|t| t.get_mut(&row))
                    {
                        current.extend(parts);
                    }
                }
            }
            Ok(v) => {
                m.insert(k.clone(), v);
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    let label = |path: &str| ruleset::param_label(path).to_string();
    let params: RuleParams = super::read::read_record(
        value,
        &super::read::Fields {
            label: &label,
            wants: &|_| None,
            placeholder: &|_| None,
        },
    )?;
    params.validate()?;
    Ok(params)
}

/// A target as the clerk gives it; the indicator by its code or label.
#[derive(Debug, Clone, Deserialize)]
pub struct NewTarget {
    pub body: String,
    pub indicator: String,
    pub threshold: f64,
    #[serde(default)]
    pub strict: bool,
    #[serde(default)]
    pub age_under: Option<i32>,
    pub year: i32,
    #[serde(default)]
    pub source: String,
}

pub fn targets(store: &Store) -> Result<Vec<Target>> {
    store.targets()
}

/// Adds one of the ward's targets; returns its id.
pub fn add_target(store: &mut Store, t: &NewTarget) -> Result<i64> {
    store.write(|store| {
        let indicator = parse_code(
            "indicator",
            "Chỉ tiêu",
            &t.indicator,
            Indicator::ALL,
            Indicator::code,
            Indicator::label,
        )?;
        let target = Target {
            id: None,
            body: t.body.trim().to_string(),
            indicator,
            threshold: t.threshold,
            strict: t.strict,
            age_under: t.age_under,
            year: t.year,
            source: t.source.trim().to_string(),
        };
        check_target(store, &target)?;
        store.add_target(&target)
    })
}

/// A target's threshold (a count, or a share from 0 to 1) and its body (everyone, the key
/// posts, or a post of the catalogue).
fn check_target(store: &Store, t: &Target) -> Result<()> {
    if t.indicator.is_count() {
        if t.threshold < 0.0 {
            return Err(bad(
                "threshold",
                "count_range",
                format!("Chỉ tiêu: số lượng {} không hợp lệ.", t.threshold),
            ));
        }
    } else if !(0.0..=1.0).contains(&t.threshold) {
        return Err(bad(
            "threshold",
            "share_range",
            format!(
                "Chỉ tiêu: tỷ lệ {} phải từ 0 đến 1 (ví dụ 0.15 là 15%).",
                t.threshold
            ),
        ));
    }
    let body = clean(&t.body);
    if !matches!(body.as_str(), "TAT_CA" | "CHU_CHOT") && store.position(&body).is_err() {
        return Err(bad(
            "body",
            "unknown_body",
            format!(
                "Chỉ tiêu: “{body}” không phải TAT_CA, CHU_CHOT hay mã chức danh trong danh mục."
            ),
        ));
    }
    Ok(())
}

pub fn remove_target(store: &mut Store, id: i64) -> Result<()> {
    store.write(|store| store.remove_target(id))
}

pub fn positions(store: &Store) -> Result<Vec<Position>> {
    store.positions()
}

/// Adds or changes a post of the catalogue; returns its id.
/// The ward's own details (name, superior, place), as Settings edits them.
pub fn set_unit(store: &mut Store, unit: &crate::model::Unit) -> Result<()> {
    store.write(|s| {
        let mut unit = unit.clone();
        crate::validate::normalize_unit(&mut unit);
        crate::validate::validate_unit(&unit)?;
        s.set_unit(&unit)
    })
}

pub fn save_position(store: &mut Store, p: &Position) -> Result<i64> {
    store.write(|store| {
        check_position(p)?;
        store.save_position(p)
    })
}

/// A post's code and name, and its seats (1 to 20).
fn check_position(position: &Position) -> Result<()> {
    let code = clean(&position.code);
    let name = clean(&position.name);
    if code.is_empty() || name.is_empty() {
        return Err(bad(
            "code",
            "required",
            "Chức danh: cần cả mã và tên.".into(),
        ));
    }
    if !(1..=20).contains(&position.seats) {
        return Err(bad(
            "seats",
            "seats_range",
            format!(
                "Chức danh {name}: số vị trí (số người đảm nhiệm cùng lúc) {} phải từ 1 đến 20.",
                position.seats
            ),
        ));
    }
    Ok(())
}

/// A post as a JSON record (a file, a form); a field that does not read is named by its label.
pub fn read_position(value: serde_json::Value) -> Result<Position> {
    let label = |path: &str| {
        let name = match path.split(['.', '[']).next().unwrap_or(path) {
            "id" => "mã số",
            "code" => "mã chức danh",
            "name" => "tên chức danh",
            "rank" => "thứ bậc",
            "group" => "nhóm",
            "level" => "cấp",
            "term_kind" => "loại nhiệm kỳ",
            "key" => "chủ chốt",
            "aliases" => "tên gọi khác",
            "active" => "đang dùng",
            "seats" => "số người đảm nhiệm",
            "managing_body" => "cơ quan quản lý",
            "approving_body" => "cấp phê duyệt quy hoạch",
            _ => "",
        };
        if name.is_empty() {
            "Chức danh".to_string()
        } else {
            format!("Chức danh, {name}")
        }
    };
    super::read::read_record(
        value,
        &super::read::Fields {
            label: &label,
            wants: &|_| None,
            placeholder: &|_| None,
        },
    )
}
