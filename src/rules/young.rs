//! Selection criteria as data (seed 001: "dưới 30 tuổi; được đào tạo bài bản, bằng tốt nghiệp
//! loại khá trở lên; có trong quy hoạch…; 02 năm liền gần nhất hoàn thành tốt nhiệm vụ trở
//! lên"), judged one by one with the reason for each: the young-cadre list and a source
//! programme's proposals use this one function, so the list and the programme cannot disagree.
//!
//! Why not `rules::eligibility`: that judges a person for a post of one term's plan under the
//! term's rule set (age for the term, posts per person, votes…). These criteria are the
//! programme's or the list's own, set by the clerk, at a day of their choosing, across terms;
//! the plan's verdict is not what seed 000 and 001 select on.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::model::programme::Criteria;
use crate::model::{PartialDate, Person, Status};

/// One criterion judged for one person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionCheck {
    /// "Tuổi dưới 30 (tại 01/05/2026)"
    pub criterion: String,
    pub met: bool,
    /// What the record says ("29 tuổi", "thiếu xếp loại năm 2024").
    pub detail: String,
}

/// A person judged against a set of criteria.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub person_id: i64,
    pub full_name: String,
    pub birth_date: PartialDate,
    /// Current positions, joined by "; ".
    pub positions: String,
    pub checks: Vec<CriterionCheck>,
    /// Every criterion met.
    pub met: bool,
}

impl Assessment {
    /// The criteria not met.
    pub fn unmet(&self) -> impl Iterator<Item = &CriterionCheck> {
        self.checks.iter().filter(|c| !c.met)
    }

    /// "Tuổi dưới 30 (tại 01/05/2026): 30 tuổi; …" — the reasons, for a message or a list.
    pub fn reasons(&self) -> String {
        self.unmet()
            .map(|c| format!("{}: {}", c.criterion, c.detail))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The day the age is measured on.
pub fn age_day(c: &Criteria, as_of: NaiveDate) -> NaiveDate {
    c.age_at.as_ref().map(|d| d.earliest()).unwrap_or(as_of)
}

/// The years whose ratings count: the last `rating_years` before the year of `as_of`.
pub fn rating_window(c: &Criteria, as_of: NaiveDate) -> Vec<i32> {
    let last = as_of.year() - 1;
    (0..c.rating_years as i32).rev().map(|i| last - i).collect()
}

/// Judges `p` against `c` on `as_of`; `plan_posts` are the posts the person is actively planned
/// for, `post_names` the catalogue's names by code.
pub fn assess(
    p: &Person,
    c: &Criteria,
    plan_posts: &[String],
    post_names: &HashMap<String, String>,
    as_of: NaiveDate,
) -> Assessment {
    let mut checks = Vec::new();
    if let Some(limit) = c.age_under {
        let day = age_day(c, as_of);
        let age = p.birth_date.age_at(day);
        checks.push(CriterionCheck {
            criterion: format!(
                "Tuổi dưới {limit} (tại {})",
                PartialDate::from_date(day).to_display()
            ),
            met: age < limit,
            detail: format!("{age} tuổi"),
        });
    }
    if let Some(min) = c.professional {
        let have = p.professional_level;
        checks.push(CriterionCheck {
            criterion: format!("Chuyên môn từ {} trở lên", min.label()),
            met: have.is_some_and(|h| h >= min),
            detail: have
                .map(|h| h.label().to_string())
                .unwrap_or_else(|| "chưa ghi trình độ chuyên môn".into()),
        });
    }
    if let Some(min) = c.graduation {
        let have = p.graduation_class;
        checks.push(CriterionCheck {
            criterion: format!("Tốt nghiệp loại {} trở lên", min.label().to_lowercase()),
            met: have.is_some_and(|h| h >= min),
            detail: have
                .map(|h| format!("loại {}", h.label().to_lowercase()))
                .unwrap_or_else(|| "chưa ghi xếp loại tốt nghiệp".into()),
        });
    }
    if let Some(min) = c.political_theory {
        let have = p.political_theory;
        checks.push(CriterionCheck {
            criterion: format!("Lý luận chính trị từ {} trở lên", min.label()),
            met: have.is_some_and(|h| h >= min),
            detail: have
                .map(|h| h.label().to_string())
                .unwrap_or_else(|| "chưa ghi lý luận chính trị".into()),
        });
    }
    if c.rating_years > 0 {
        let min = c.rating_min.unwrap_or(crate::model::RatingLevel::Htt);
        let years = rating_window(c, as_of);
        let mut problems = Vec::new();
        for y in &years {
            match p.ratings.iter().find(|r| r.year == *y) {
                None => problems.push(format!("thiếu xếp loại năm {y}")),
                // Levels are ordered from best: a level "at least" min is <= min.
                Some(r) if r.level > min => {
                    problems.push(format!("năm {y}: {}", r.level.label().to_lowercase()))
                }
                Some(_) => {}
            }
        }
        let span = match (years.first(), years.last()) {
            (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
            (Some(a), _) => a.to_string(),
            _ => String::new(),
        };
        checks.push(CriterionCheck {
            criterion: format!(
                "{:02} năm liền gần nhất ({span}) {} trở lên",
                c.rating_years,
                min.label().to_lowercase()
            ),
            met: problems.is_empty(),
            detail: if problems.is_empty() {
                "đạt".into()
            } else {
                problems.join(", ")
            },
        });
    }
    if !c.in_plan_for.is_empty() {
        let names: Vec<String> = c
            .in_plan_for
            .iter()
            .map(|code| {
                post_names
                    .get(code)
                    .cloned()
                    .unwrap_or_else(|| code.clone())
            })
            .collect();
        let found: Vec<&String> = c
            .in_plan_for
            .iter()
            .filter(|code| plan_posts.contains(code))
            .collect();
        checks.push(CriterionCheck {
            criterion: format!("Có trong quy hoạch chức danh {}", names.join(" hoặc ")),
            met: !found.is_empty(),
            detail: if found.is_empty() {
                "chưa có trong quy hoạch các chức danh này".into()
            } else {
                found
                    .iter()
                    .map(|c| post_names.get(*c).cloned().unwrap_or_else(|| (*c).clone()))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        });
    }
    let met = checks.iter().all(|c| c.met);
    Assessment {
        person_id: p.id.unwrap_or_default(),
        full_name: p.full_name.clone(),
        birth_date: p.birth_date,
        positions: p
            .current_positions()
            .map(|h| h.title.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        checks,
        met,
    }
}

/// The young-cadre list: who meets every criterion, and who falls short of one only (with why).
#[derive(Debug, Clone, Serialize)]
pub struct YoungList {
    pub criteria: Criteria,
    pub as_of: NaiveDate,
    pub meeting: Vec<Assessment>,
    pub just_short: Vec<Assessment>,
}

/// Judges everyone still working (in list order as given).
pub fn young_list(
    people: &[Person],
    c: &Criteria,
    plan_posts: &HashMap<i64, Vec<String>>,
    post_names: &HashMap<String, String>,
    as_of: NaiveDate,
) -> YoungList {
    let mut meeting = Vec::new();
    let mut just_short = Vec::new();
    let none = Vec::new();
    for p in people.iter().filter(|p| p.status == Status::Working) {
        let posts = plan_posts.get(&p.id.unwrap_or_default()).unwrap_or(&none);
        let a = assess(p, c, posts, post_names, as_of);
        if a.met {
            meeting.push(a);
        } else if a.unmet().count() == 1 {
            just_short.push(a);
        }
    }
    YoungList {
        criteria: c.clone(),
        as_of,
        meeting,
        just_short,
    }
}
