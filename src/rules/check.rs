//! Checks of a term's plan against the rule set and the ward's targets. Each finding says how
//! serious it is, which rule or target and its source, who and which post, the computed values,
//! and one Vietnamese sentence.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Months, NaiveDate};
use serde::Serialize;
use serde_json::{json, Value};

use super::facts::{facts, is_female, percent, PersonFacts};
use super::retirement::YearMonth;
use super::ruleset::{RuleSet, VoteBase};
use super::stats::{stats, Stats};
use super::targets::{body_label, Indicator, Target};
use crate::model::plan::{PlanEntry, Position, PositionGroup, Standard, Term, TermKind};
use crate::model::{Person, ProfessionalLevel, RecordKind, Status};
use crate::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Severity {
    #[serde(rename = "vi_pham")]
    Violation,
    #[serde(rename = "canh_bao")]
    Warning,
    #[serde(rename = "thong_tin")]
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Violation => "Vi phạm",
            Severity::Warning => "Cảnh báo",
            Severity::Info => "Thông tin",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable code of the rule or target: "max_per_position", "months_left", "target"…
    pub rule: String,
    /// The regulation or the ward's decision behind it.
    pub source: String,
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    pub position_code: Option<String>,
    /// Computed values: months_left, age, ratio, threshold…
    pub values: serde_json::Map<String, Value>,
    pub message: String,
}

/// What one planned person lacks for the planned post.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrainingGap {
    pub person_id: i64,
    pub person_name: String,
    pub position_code: String,
    pub position_name: String,
    pub lacks: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetResult {
    pub target: Target,
    pub body_label: String,
    pub count: usize,
    pub of: usize,
    /// A share 0–1, or a count for count indicators.
    pub value: f64,
    pub met: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    pub term: String,
    pub reference_month: YearMonth,
    pub rule_set: String,
    pub as_of: NaiveDate,
    pub findings: Vec<Finding>,
    pub targets: Vec<TargetResult>,
    pub training_gaps: Vec<TrainingGap>,
    /// Statistics of everyone in the plan of the term.
    pub stats: Stats,
}

/// Everything a check reads; built from the store or directly in tests and benchmarks.
pub struct PlanInput<'a> {
    pub term: &'a Term,
    pub rules: &'a RuleSet,
    pub positions: &'a [Position],
    pub people: &'a HashMap<i64, Person>,
    /// Entries of this term (any status).
    pub entries: &'a [PlanEntry],
    pub targets: &'a [Target],
    /// The ward's place name: people whose home town names it are local.
    pub place_name: &'a str,
    /// Day of the check: ratings of the years before it, disciplines in effect on it.
    pub as_of: NaiveDate,
}

struct Ctx<'a> {
    input: &'a PlanInput<'a>,
    positions: HashMap<i64, &'a Position>,
    facts: HashMap<i64, PersonFacts>,
    out: Vec<Finding>,
}

impl<'a> Ctx<'a> {
    fn push(
        &mut self,
        severity: Severity,
        rule: &str,
        person: Option<&Person>,
        position: Option<&Position>,
        values: Value,
        message: String,
    ) {
        let values = match values {
            Value::Object(m) => m,
            _ => serde_json::Map::new(),
        };
        self.out.push(Finding {
            severity,
            rule: rule.into(),
            source: self.input.rules.name.clone(),
            person_id: person.and_then(|p| p.id),
            person_name: person.map(|p| p.full_name.clone()),
            position_code: position.map(|p| p.code.clone()),
            values,
            message,
        });
    }
}

/// Names and aliases of every catalogue position, folded once per check.
struct PositionNames<'a> {
    names: Vec<(&'a Position, Vec<String>)>,
}

impl<'a> PositionNames<'a> {
    fn new(positions: &'a [Position]) -> Self {
        let names = positions
            .iter()
            .map(|pos| {
                let folded = std::iter::once(&pos.name)
                    .chain(pos.aliases.iter())
                    .map(|n| fold(n))
                    .filter(|n| !n.is_empty())
                    .collect();
                (pos, folded)
            })
            .collect();
        PositionNames { names }
    }

    /// Catalogue positions a person holds now, matched on name or alias (ignoring case and diacritics).
    fn held_by(&self, p: &Person) -> Vec<&'a Position> {
        let titles: Vec<String> = p.current_positions().map(|h| fold(&h.title)).collect();
        if titles.is_empty() {
            return Vec::new();
        }
        self.names
            .iter()
            .filter(|(_, names)| names.iter().any(|n| titles.contains(n)))
            .map(|(pos, _)| *pos)
            .collect()
    }
}

fn lacks(p: &Person, s: &Standard) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(need) = s.professional {
        if p.professional_level.is_none_or(|l| l < need) {
            out.push(format!(
                "Chuyên môn: cần {} trở lên (hiện {})",
                need.label().to_lowercase(),
                p.professional_level.map(|l| l.label()).unwrap_or("chưa có")
            ));
        }
    }
    if let Some(need) = s.political_theory {
        if p.political_theory.is_none_or(|l| l < need) {
            out.push(format!(
                "Lý luận chính trị: cần {} trở lên (hiện {})",
                need.label().to_lowercase(),
                p.political_theory.map(|l| l.label()).unwrap_or("chưa có")
            ));
        }
    }
    if let Some(need) = s.state_management {
        if p.state_management.is_none_or(|l| l < need) {
            out.push(format!(
                "Quản lý nhà nước: cần ngạch {} trở lên (hiện {})",
                need.label().to_lowercase(),
                p.state_management.map(|l| l.label()).unwrap_or("chưa có")
            ));
        }
    }
    out
}

fn discipline_end(rules: &RuleSet, d: &crate::model::DisciplineReward) -> NaiveDate {
    d.until.as_ref().map(|u| u.latest()).unwrap_or_else(|| {
        d.date
            .earliest()
            .checked_add_months(Months::new(rules.params.discipline_effect_months))
            .unwrap_or(NaiveDate::MAX)
    })
}

pub fn check(input: &PlanInput) -> CheckReport {
    let rules = &input.rules.params;
    let term = input.term;
    let reference = term.reference_month;
    let place = fold(input.place_name);
    let active: Vec<&PlanEntry> = input.entries.iter().filter(|e| e.is_active()).collect();
    let mut ctx = Ctx {
        input,
        positions: input
            .positions
            .iter()
            .filter_map(|p| p.id.map(|id| (id, p)))
            .collect(),
        facts: HashMap::new(),
        out: Vec::new(),
    };
    for e in &active {
        if let Some(p) = input.people.get(&e.person_id) {
            ctx.facts
                .entry(e.person_id)
                .or_insert_with(|| facts(p, reference, rules, &place));
        }
    }

    // Per position: at most N people; the 3 age groups.
    let mut by_position: BTreeMap<i64, Vec<&PlanEntry>> = BTreeMap::new();
    for e in &active {
        by_position.entry(e.position_id).or_default().push(e);
    }
    for (pos_id, list) in &by_position {
        let Some(pos) = ctx.positions.get(pos_id).copied() else {
            continue;
        };
        if pos.term_kind != term.kind {
            ctx.push(
                Severity::Warning,
                "term_kind",
                None,
                Some(pos),
                json!({ "position_term_kind": pos.term_kind.code(), "term_kind": term.kind.code() }),
                format!(
                    "Chức danh {} thuộc nhiệm kỳ {}, nhưng đang quy hoạch trong nhiệm kỳ {} ({}).",
                    pos.name,
                    pos.term_kind.label(),
                    term.code,
                    term.kind.label()
                ),
            );
        }
        let max = rules.max_people_per_position;
        let is_committee = pos.group == PositionGroup::CapUy;
        if !is_committee && list.len() > max {
            ctx.push(
                Severity::Violation,
                "max_per_position",
                None,
                Some(pos),
                json!({ "count": list.len(), "max": max }),
                format!(
                    "Chức danh {} có {} người trong quy hoạch, vượt quá {} người cho một chức danh.",
                    pos.name,
                    list.len(),
                    max
                ),
            );
        }
        if !is_committee && list.len() >= 2 {
            let groups: HashSet<usize> = list
                .iter()
                .filter_map(|e| ctx.facts.get(&e.person_id))
                .map(|f| f.group3)
                .collect();
            let wanted = list.len().min(rules.three_age_groups.len() + 1);
            if groups.len() < wanted {
                ctx.push(
                    Severity::Info,
                    "three_age_groups",
                    None,
                    Some(pos),
                    json!({ "groups": groups.len(), "people": list.len() }),
                    format!(
                        "Chức danh {}: {} người quy hoạch chỉ thuộc {} nhóm tuổi, chưa trải đều 3 độ tuổi.",
                        pos.name,
                        list.len(),
                        groups.len()
                    ),
                );
            }
        }
    }

    // Plan sizes of the committees (coefficient: warn only).
    for (code, size, coeff) in [
        ("BCH", rules.bch_size, rules.bch_plan_coefficient),
        ("BTV", rules.btv_size, rules.btv_plan_coefficient),
    ] {
        let Some(pos) = input.positions.iter().find(|p| p.code == code) else {
            continue;
        };
        let n = pos
            .id
            .and_then(|id| by_position.get(&id))
            .map(Vec::len)
            .unwrap_or(0);
        let max = (size as f64 * coeff).floor() as usize;
        if n > max {
            ctx.push(
                Severity::Warning,
                "plan_coefficient",
                None,
                Some(pos),
                json!({ "count": n, "size": size, "coefficient": coeff, "max": max }),
                format!(
                    "Quy hoạch {} có {} người, vượt hệ số {} lần số ủy viên ({} × {} = {} người).",
                    pos.name,
                    n,
                    coeff.to_string().replace('.', ","),
                    size,
                    coeff.to_string().replace('.', ","),
                    max
                ),
            );
        }
    }

    // Per person.
    let mut by_person: BTreeMap<i64, Vec<&PlanEntry>> = BTreeMap::new();
    for e in &active {
        by_person.entry(e.person_id).or_default().push(e);
    }
    let rating_years: Vec<i32> = (1..=rules.rating_years)
        .map(|k| chrono::Datelike::year(&input.as_of) - k)
        .rev()
        .collect();
    let bch_id = input
        .positions
        .iter()
        .find(|p| p.code == "BCH")
        .and_then(|p| p.id);
    let names = PositionNames::new(input.positions);
    let excluding: Vec<String> = rules.excluding_discipline.iter().map(|s| fold(s)).collect();
    let mut gaps = Vec::new();
    for (person_id, list) in &by_person {
        let Some(p) = input.people.get(person_id) else {
            continue;
        };
        let Some(f) = ctx.facts.get(person_id).cloned() else {
            continue;
        };
        let held = names.held_by(p);
        let current_rank = held
            .iter()
            .filter(|h| h.group != PositionGroup::CapUy)
            .map(|h| h.rank)
            .max()
            .unwrap_or(0);
        let posts: Vec<&Position> = list
            .iter()
            .filter_map(|e| ctx.positions.get(&e.position_id).copied())
            .collect();

        if p.status != Status::Working {
            ctx.push(
                Severity::Violation,
                "not_working",
                Some(p),
                None,
                json!({ "status": p.status.code() }),
                format!(
                    "{}: tình trạng “{}”, không còn trong diện quy hoạch.",
                    p.full_name,
                    p.status.label()
                ),
            );
        }

        // At most M positions at one level.
        let mut per_level: BTreeMap<&str, usize> = BTreeMap::new();
        for pos in &posts {
            if pos.group != PositionGroup::CapUy {
                *per_level.entry(pos.level.as_str()).or_default() += 1;
            }
        }
        for (level, n) in per_level {
            if n > rules.max_positions_per_person {
                ctx.push(
                    Severity::Violation,
                    "max_positions_per_person",
                    Some(p),
                    None,
                    json!({ "count": n, "max": rules.max_positions_per_person, "level": level }),
                    format!(
                        "{} được quy hoạch {} chức danh cùng cấp, vượt quá {} chức danh.",
                        p.full_name, n, rules.max_positions_per_person
                    ),
                );
            }
        }

        for pos in &posts {
            let renominated = held.iter().any(|h| h.code == pos.code);
            // Only higher positions (committee membership is re-nomination, not a higher post).
            if rules.only_higher && pos.group != PositionGroup::CapUy && pos.rank <= current_rank {
                ctx.push(
                    Severity::Violation,
                    "only_higher",
                    Some(p),
                    Some(pos),
                    json!({ "planned_rank": pos.rank, "current_rank": current_rank }),
                    format!(
                        "{}: chức danh {} không cao hơn chức vụ hiện giữ; chỉ quy hoạch chức danh cao hơn.",
                        p.full_name, pos.name
                    ),
                );
            }
            // Months left at the reference month.
            let min = if renominated {
                rules.min_months_left_renominated
            } else {
                rules.min_months_left_first
            };
            if f.months_left < min {
                ctx.push(
                    Severity::Violation,
                    "months_left",
                    Some(p),
                    Some(pos),
                    json!({ "months_left": f.months_left, "min": min, "age": f.age,
                            "retirement_month": f.retirement_month.display(), "reference_month": reference.display(),
                            "renominated": renominated }),
                    if f.months_left < 0 {
                        format!(
                            "{}: đến tuổi nghỉ hưu tháng {}, trước mốc tính tuổi tháng {}; cần còn ít nhất {} tháng công tác {}.",
                            p.full_name,
                            f.retirement_month.display(),
                            reference.display(),
                            min,
                            if renominated { "cho người tái cử" } else { "của một nhiệm kỳ" }
                        )
                    } else {
                        format!(
                            "{}: còn {} tháng công tác tính đến tháng {} (nghỉ hưu tháng {}), dưới {} tháng {}.",
                            p.full_name,
                            f.months_left,
                            reference.display(),
                            f.retirement_month.display(),
                            min,
                            if renominated { "cho người tái cử" } else { "của một nhiệm kỳ" }
                        )
                    },
                );
            }
            if let (Some(max_age), false) = (rules.max_age_first_time, renominated) {
                if f.age > max_age {
                    ctx.push(
                        Severity::Violation,
                        "max_age_first_time",
                        Some(p),
                        Some(pos),
                        json!({ "age": f.age, "max": max_age }),
                        format!(
                            "{}: {} tuổi tại tháng {}, quá {} tuổi khi quy hoạch lần đầu.",
                            p.full_name,
                            f.age,
                            reference.display(),
                            max_age
                        ),
                    );
                }
            }
            // Standards of the post; what is lacking is also a training need.
            if let Some(std) = rules.standards.get(&pos.code) {
                let missing = lacks(p, std);
                if !missing.is_empty() {
                    ctx.push(
                        Severity::Warning,
                        "standard",
                        Some(p),
                        Some(pos),
                        json!({ "lacks": missing }),
                        format!(
                            "{}: chưa đạt tiêu chuẩn chức danh {}: {}.",
                            p.full_name,
                            pos.name,
                            missing.join("; ")
                        ),
                    );
                    gaps.push(TrainingGap {
                        person_id: *person_id,
                        person_name: p.full_name.clone(),
                        position_code: pos.code.clone(),
                        position_name: pos.name.clone(),
                        lacks: missing,
                    });
                }
            }
            // A secretary who is not local (seed 001).
            if rules.secretary_not_local && pos.code == "BT" && f.local {
                ctx.push(
                    Severity::Warning,
                    "secretary_local",
                    Some(p),
                    Some(pos),
                    json!({ "home_town": p.home_town }),
                    format!(
                        "{}: quê quán tại địa phương ({}); chủ trương bố trí Bí thư không là người địa phương.",
                        p.full_name, p.home_town
                    ),
                );
            }
            // A key post should go with a place in the committee's plan.
            if pos.key && term.kind == TermKind::Party && pos.term_kind == TermKind::Party {
                let in_bch = bch_id.is_some_and(|b| list.iter().any(|e| e.position_id == b));
                if !in_bch {
                    ctx.push(
                        Severity::Warning,
                        "key_without_bch",
                        Some(p),
                        Some(pos),
                        json!({}),
                        format!(
                            "{}: quy hoạch chức danh chủ chốt {} nhưng chưa có trong quy hoạch Ban Chấp hành.",
                            p.full_name, pos.name
                        ),
                    );
                }
            }
        }

        // Ratings of the last K years.
        for year in &rating_years {
            match p.ratings.iter().find(|r| r.year == *year) {
                None => ctx.push(
                    Severity::Warning,
                    "rating_missing",
                    Some(p),
                    None,
                    json!({ "year": year }),
                    format!("{}: chưa có kết quả xếp loại chất lượng năm {}.", p.full_name, year),
                ),
                Some(r) if r.level > rules.min_rating => ctx.push(
                    Severity::Violation,
                    "rating",
                    Some(p),
                    None,
                    json!({ "year": year, "level": r.level.code(), "min": rules.min_rating.code() }),
                    format!(
                        "{}: năm {} xếp loại “{}”, thấp hơn mức “{}” cần có.",
                        p.full_name,
                        year,
                        r.level.label(),
                        rules.min_rating.label()
                    ),
                ),
                Some(_) => {}
            }
        }

        // Discipline that excludes while in effect.
        for d in p
            .discipline_rewards
            .iter()
            .filter(|d| d.kind == RecordKind::Discipline)
        {
            if !excluding
                .iter()
                .any(|x| fold(&d.form).starts_with(x.as_str()))
            {
                continue;
            }
            let end = discipline_end(input.rules, d);
            if d.date.earliest() <= input.as_of && input.as_of <= end {
                ctx.push(
                    Severity::Violation,
                    "discipline",
                    Some(p),
                    None,
                    json!({ "form": d.form, "until": end.format("%d/%m/%Y").to_string() }),
                    format!(
                        "{}: đang trong thời hạn kỷ luật {} (đến {}), đương nhiên ra khỏi quy hoạch.",
                        p.full_name,
                        d.form.to_lowercase(),
                        end.format("%d/%m/%Y")
                    ),
                );
            } else if end < input.as_of {
                ctx.push(
                    Severity::Info,
                    "discipline_expired",
                    Some(p),
                    None,
                    json!({ "form": d.form, "until": end.format("%d/%m/%Y").to_string() }),
                    format!(
                        "{}: kỷ luật {} đã hết thời hạn ngày {}; có thể xem xét quy hoạch.",
                        p.full_name,
                        d.form.to_lowercase(),
                        end.format("%d/%m/%Y")
                    ),
                );
            }
        }

        // Long tenure in one post: a rotation candidate.
        for h in p.current_positions() {
            let Some(start) = &h.start else {
                // Tenure cannot be counted from an invented date: the clerk is asked for it.
                ctx.push(
                    Severity::Warning,
                    "position_start_missing",
                    Some(p),
                    None,
                    json!({ "title": h.title }),
                    format!(
                        "{}: chức vụ {} chưa rõ ngày bắt đầu, nên chưa tính được thời gian giữ chức vụ (xem xét luân chuyển); hãy bổ sung ngày trong hồ sơ.",
                        p.full_name, h.title
                    ),
                );
                continue;
            };
            let years = start.age_at(input.as_of);
            if years >= rules.rotation_after_years {
                ctx.push(
                    Severity::Info,
                    "rotation",
                    Some(p),
                    None,
                    json!({ "title": h.title, "years": years }),
                    format!(
                        "{}: giữ chức vụ {} đã {} năm (từ {}), thuộc diện xem xét luân chuyển.",
                        p.full_name, h.title, years, start
                    ),
                );
            }
        }
    }

    // Votes of each step.
    for e in input.entries {
        let Some(p) = input.people.get(&e.person_id) else {
            continue;
        };
        let pos = ctx.positions.get(&e.position_id).copied();
        for ev in &e.events {
            let Some(v) = ev.votes else { continue };
            let (base, base_name) = match rules.vote_base {
                VoteBase::Summoned => (v.summoned, "số người được triệu tập"),
                VoteBase::Valid => (v.valid, "số phiếu hợp lệ"),
            };
            let share = if base == 0 {
                0.0
            } else {
                v.agree as f64 / base as f64
            };
            if share <= rules.vote_pass_share {
                ctx.push(
                    Severity::Violation,
                    "votes",
                    Some(p),
                    pos,
                    json!({ "agree": v.agree, "base": base, "share": share, "threshold": rules.vote_pass_share }),
                    format!(
                        "{}: bước “{}” được {}/{} phiếu đồng ý ({}) so với {}, chưa quá {}.",
                        p.full_name,
                        ev.step.label(),
                        v.agree,
                        base,
                        percent(share),
                        base_name,
                        percent(rules.vote_pass_share)
                    ),
                );
            }
        }
    }

    let facts_map = std::mem::take(&mut ctx.facts);
    let positions_map = ctx.positions.clone();
    // Structure of the whole plan (regulation targets, warn only).
    let planned: Vec<i64> = by_person.keys().copied().collect();
    let pairs: Vec<(&Person, &PersonFacts)> = planned
        .iter()
        .filter_map(|id| Some((input.people.get(id)?, facts_map.get(id)?)))
        .collect();
    let all_stats = stats(&pairs, rules);
    if !pairs.is_empty() {
        let women = pairs.iter().filter(|(p, _)| is_female(p)).count();
        let young = pairs.iter().filter(|(_, f)| f.young).count();
        for (rule, count, min, what) in [
            (
                "women_share",
                women,
                rules.min_women_share,
                "cán bộ nữ".to_string(),
            ),
            (
                "young_share",
                young,
                rules.min_young_share,
                format!("cán bộ trẻ dưới {} tuổi", rules.young_under()),
            ),
        ] {
            let share = count as f64 / pairs.len() as f64;
            if share < min {
                ctx.push(
                    Severity::Warning,
                    rule,
                    None,
                    None,
                    json!({ "count": count, "of": pairs.len(), "ratio": share, "threshold": min }),
                    format!(
                        "Tỷ lệ {} trong quy hoạch nhiệm kỳ {} là {} ({}/{}), dưới mức {}.",
                        what,
                        term.code,
                        percent(share),
                        count,
                        pairs.len(),
                        percent(min)
                    ),
                );
            }
        }
    }

    // The ward's own targets for the years of this term.
    let mut target_results = Vec::new();
    for t in input
        .targets
        .iter()
        .filter(|t| (term.start_year..=term.end_year).contains(&t.year))
    {
        let members: Vec<i64> = planned
            .iter()
            .copied()
            .filter(|id| {
                by_person[id].iter().any(|e| {
                    positions_map
                        .get(&e.position_id)
                        .is_some_and(|pos| match t.body.as_str() {
                            "TAT_CA" => true,
                            "CHU_CHOT" => pos.key,
                            code => pos.code == code,
                        })
                })
            })
            .collect();
        let people: Vec<(&Person, &PersonFacts)> = members
            .iter()
            .filter_map(|id| Some((input.people.get(id)?, facts_map.get(id)?)))
            .collect();
        let young_under = t.age_under.unwrap_or_else(|| rules.young_under());
        let (count, of) = match t.indicator {
            Indicator::Women | Indicator::WomenCount => (
                people.iter().filter(|(p, _)| is_female(p)).count(),
                people.len(),
            ),
            Indicator::Young => (
                people.iter().filter(|(_, f)| f.age < young_under).count(),
                people.len(),
            ),
            Indicator::Degree => (
                people
                    .iter()
                    .filter(|(p, _)| {
                        p.professional_level
                            .is_some_and(|l| l >= ProfessionalLevel::DaiHoc)
                    })
                    .count(),
                people.len(),
            ),
            Indicator::TheoryMid => (
                people
                    .iter()
                    .filter(|(p, _)| {
                        p.political_theory
                            .is_some_and(|l| l >= crate::model::PoliticalTheory::TrungCap)
                    })
                    .count(),
                people.len(),
            ),
            Indicator::YoungForeignLanguage => {
                let young: Vec<_> = people.iter().filter(|(_, f)| f.age < young_under).collect();
                (
                    young
                        .iter()
                        .filter(|(p, _)| !p.foreign_language.level.is_empty())
                        .count(),
                    young.len(),
                )
            }
        };
        let value = if t.indicator.is_count() {
            count as f64
        } else if of == 0 {
            0.0
        } else {
            count as f64 / of as f64
        };
        let met = if t.strict {
            value > t.threshold
        } else {
            value >= t.threshold
        };
        let label = body_label(&t.body);
        if of == 0 && !t.indicator.is_count() {
            ctx.push(
                Severity::Info,
                "target_empty",
                None,
                None,
                json!({ "indicator": t.indicator.code(), "body": t.body, "year": t.year }),
                format!(
                    "Chỉ tiêu năm {}: {} trong {}: chưa có người thuộc diện tính nên chưa đánh giá được.",
                    t.year,
                    t.indicator.label().to_lowercase(),
                    label
                ),
            );
        } else if !met {
            let (actual, needed) = if t.indicator.is_count() {
                (format!("{count}"), format!("{}", t.threshold))
            } else {
                (
                    format!("{} ({count}/{of})", percent(value)),
                    percent(t.threshold),
                )
            };
            ctx.push(
                Severity::Warning,
                "target",
                None,
                None,
                json!({ "indicator": t.indicator.code(), "body": t.body, "count": count, "of": of,
                        "value": value, "threshold": t.threshold, "year": t.year }),
                format!(
                    "Chỉ tiêu năm {}: {} trong {} là {}, yêu cầu {} {}{}.",
                    t.year,
                    t.indicator.label().to_lowercase(),
                    label,
                    actual,
                    if t.strict { "trên" } else { "từ" },
                    needed,
                    if t.strict { "" } else { " trở lên" }
                ),
            );
            if let Some(last) = ctx.out.last_mut() {
                if !t.source.is_empty() {
                    last.source = t.source.clone();
                }
            }
        }
        target_results.push(TargetResult {
            target: t.clone(),
            body_label: label,
            count,
            of,
            value,
            met,
        });
    }

    let mut findings = ctx.out;
    findings.sort_by(|a, b| {
        (
            a.severity,
            a.position_code.as_deref(),
            a.person_name.as_deref(),
            a.rule.as_str(),
        )
            .cmp(&(
                b.severity,
                b.position_code.as_deref(),
                b.person_name.as_deref(),
                b.rule.as_str(),
            ))
    });
    CheckReport {
        term: term.code.clone(),
        reference_month: reference,
        rule_set: input.rules.name.clone(),
        as_of: input.as_of,
        findings,
        targets: target_results,
        training_gaps: gaps,
        stats: all_stats,
    }
}
