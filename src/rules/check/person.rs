//! Per person: still working, posts per person, and for each planned post: only higher, months
//! left at the reference month, the age of first planning, the post's standards, a local
//! secretary, a key post without the committee; then ratings and discipline.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde_json::json;

use super::{Findings, Index, RuleCode, Severity, TrainingGap};
use crate::model::plan::{post, Position, PositionGroup, Standard, TermKind};
use crate::model::{DisciplineReward, Person, RecordKind, Status};
use crate::rules::facts::PersonFacts;
use crate::rules::ruleset::RuleParams;
use crate::text::fold;

/// Membership of the BCH, BTV or UBKT (or any post of the committee group): not a post of its own
/// for "only higher" and "posts per person".
pub fn is_committee(pos: &Position) -> bool {
    pos.group == PositionGroup::CapUy || post::COMMITTEES.contains(&pos.code.as_str())
}

/// What a person lacks of a post's standard, one line per level.
pub fn lacks(p: &Person, s: &Standard) -> Vec<String> {
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

/// The last day a discipline is in effect: its recorded end, else its date plus the rule set's
/// period.
pub fn discipline_end(rules: &RuleParams, d: &DisciplineReward) -> NaiveDate {
    d.until.as_ref().map(|u| u.latest()).unwrap_or_else(|| {
        d.date
            .earliest()
            .checked_add_months(Months::new(rules.discipline_effect_months))
            .unwrap_or(NaiveDate::MAX)
    })
}

/// The disciplines of a person that exclude from the plan while in effect (by form), each with
/// its last day and whether it is in effect on the day of the check.
pub fn excluding_disciplines<'p>(
    ix: &Index,
    p: &'p Person,
) -> Vec<(&'p DisciplineReward, NaiveDate, bool)> {
    p.discipline_rewards
        .iter()
        .filter(|d| d.kind == RecordKind::Discipline)
        .filter(|d| {
            ix.excluding
                .iter()
                .any(|x| fold(&d.form).starts_with(x.as_str()))
        })
        .map(|d| {
            let end = discipline_end(ix.params, d);
            (d, end, d.date.earliest() <= ix.as_of && ix.as_of <= end)
        })
        .collect()
}

/// The findings of one person planned for `posts` (the whole of their plan in the term), each
/// with the number of terms it is planned for (đối tượng 1 or 2).
pub(crate) fn run(
    ix: &Index,
    p: &Person,
    f: &PersonFacts,
    posts: &[(&Position, u8)],
    out: &mut Findings,
) {
    let rules = ix.params;
    let term = &ix.data.term;
    let reference = term.reference_month;
    let held = ix.names.held_by(p, ix.as_of);
    let current_rank = held
        .iter()
        .filter(|h| !is_committee(h))
        .map(|h| h.rank)
        .max()
        .unwrap_or(0);

    if p.status != Status::Working {
        out.push(
            Severity::Violation,
            RuleCode::NotWorking,
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

    // At most M posts at one approval level, not counting committee membership (BCH, BTV, UBKT).
    let mut per_level: BTreeMap<&str, usize> = BTreeMap::new();
    for (pos, _) in posts {
        if !is_committee(pos) {
            *per_level.entry(pos.level.as_str()).or_default() += 1;
        }
    }
    for (level, n) in per_level {
        if n > rules.max_positions_per_person {
            out.push(
                Severity::Violation,
                RuleCode::MaxPositionsPerPerson,
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

    let in_bch = ix
        .bch_id()
        .is_some_and(|b| posts.iter().any(|(pos, _)| pos.id == Some(b)));
    for &(pos, terms) in posts {
        let renominated = held.iter().any(|h| h.code == pos.code);
        // Only higher positions: not the post held, an equivalent or a lower one, nor one held ex
        // officio (all are matched on the titles held); committee membership is not a post.
        if rules.only_higher && !is_committee(pos) && pos.rank <= current_rank {
            out.push(
                Severity::Violation,
                RuleCode::OnlyHigher,
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
        // Two terms (đối tượng 2) need one more full term.
        let extra = (i64::from(terms.max(1)) - 1) * rules.min_months_left_first;
        let min = extra
            + if renominated {
                rules.min_months_left_renominated
            } else {
                rules.min_months_left_first
            };
        if f.months_left < min {
            let whose = match (renominated, terms >= 2) {
                (true, false) => "cho người tái cử",
                (true, true) => "cho người tái cử, quy hoạch hai nhiệm kỳ",
                (false, false) => "của một nhiệm kỳ",
                (false, true) => "của hai nhiệm kỳ",
            };
            out.push(
                Severity::Violation,
                RuleCode::MonthsLeft,
                Some(p),
                Some(pos),
                json!({ "months_left": f.months_left, "min": min, "age": f.age,
                        "retirement_month": f.retirement_month.display(), "reference_month": reference.display(),
                        "renominated": renominated, "terms": terms }),
                if f.months_left < 0 {
                    format!(
                        "{}: đến tuổi nghỉ hưu tháng {}, trước mốc tính tuổi tháng {}; cần còn ít nhất {} tháng công tác {}.",
                        p.full_name,
                        f.retirement_month.display(),
                        reference.display(),
                        min,
                        whose
                    )
                } else {
                    format!(
                        "{}: còn {} tháng công tác tính đến tháng {} (nghỉ hưu tháng {}), dưới {} tháng {}.",
                        p.full_name,
                        f.months_left,
                        reference.display(),
                        f.retirement_month.display(),
                        min,
                        whose
                    )
                },
            );
        }
        if let (Some(max_age), false) = (rules.max_age_first_time, renominated) {
            if f.age > max_age {
                out.push(
                    Severity::Violation,
                    RuleCode::MaxAgeFirstTime,
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
                out.push(
                    Severity::Warning,
                    RuleCode::Standard,
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
                out.gaps.push(TrainingGap {
                    person_id: p.id.unwrap_or_default(),
                    person_name: p.full_name.clone(),
                    position_code: pos.code.clone(),
                    position_name: pos.name.clone(),
                    lacks: missing,
                });
            }
        }
        // A secretary who is not local (seed 001).
        if rules.secretary_not_local && pos.code == post::BT && f.local {
            out.push(
                Severity::Warning,
                RuleCode::SecretaryLocal,
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
        if pos.key && term.kind == TermKind::Party && pos.term_kind == TermKind::Party && !in_bch {
            out.push(
                Severity::Warning,
                RuleCode::KeyWithoutBch,
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

    // Ratings of the last K years below the level asked for.
    for year in &ix.rating_years {
        if let Some(r) = p.ratings.iter().find(|r| r.year == *year) {
            if r.level > rules.min_rating {
                out.push(
                    Severity::Violation,
                    RuleCode::Rating,
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
                );
            }
        }
    }

    // Discipline that excludes while in effect.
    for (d, end, in_effect) in excluding_disciplines(ix, p) {
        if in_effect {
            out.push(
                Severity::Violation,
                RuleCode::Discipline,
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
        } else if end < ix.as_of {
            out.push(
                Severity::Info,
                RuleCode::DisciplineExpired,
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
}
