//! Rotation lists (seed 001, Kết luận 09-KL/TU of Hải Phòng): who has held the same leadership
//! post for N years or more (8: "2 nhiệm kỳ, 8 năm liên tục") at a day, and which key posts are
//! held by someone from the ward itself ("khuyến khích bí thư, chủ tịch UBND cấp xã không phải
//! là người địa phương"). The years, the posts and the rule's wording are parameters the clerk
//! can change (`RotationParams`), never constants here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::plan::{post, Position};
use crate::model::{PartialDate, Person, Status};
use crate::text::fold;

/// What the lists count, with the wording of the rule they print.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RotationParams {
    /// Years in the same post that call for rotation.
    #[serde(default = "eight")]
    pub years: u32,
    #[serde(default = "tenure_rule")]
    pub tenure_rule: String,
    /// The key posts that should not be held by a local (catalogue codes).
    #[serde(default = "local_posts")]
    pub local_posts: Vec<String>,
    #[serde(default = "local_rule")]
    pub local_rule: String,
}

fn eight() -> u32 {
    8
}
fn tenure_rule() -> String {
    "Giữ một vị trí lãnh đạo 2 nhiệm kỳ (8 năm liên tục) trở lên: bố trí, luân chuyển (Kết luận 09-KL/TU ngày 02/3/2021 của Ban Thường vụ Thành ủy Hải Phòng)".into()
}
fn local_posts() -> Vec<String> {
    vec![post::BT.into(), post::CT_UBND.into()]
}
fn local_rule() -> String {
    "Khuyến khích bí thư, chủ tịch UBND cấp xã không phải là người địa phương (Kết luận 09-KL/TU ngày 02/3/2021 của Ban Thường vụ Thành ủy Hải Phòng)".into()
}

impl Default for RotationParams {
    fn default() -> Self {
        RotationParams {
            years: eight(),
            tenure_rule: tenure_rule(),
            local_posts: local_posts(),
            local_rule: local_rule(),
        }
    }
}

/// One line of a rotation list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RotationLine {
    pub person_id: i64,
    pub full_name: String,
    /// The post as written in the record.
    pub title: String,
    pub organisation: String,
    pub since: PartialDate,
    /// Whole years held at the day.
    pub years: i32,
    /// The home town (quê quán) for the local list.
    pub home_town: String,
    pub rule: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RotationLists {
    pub as_of: NaiveDate,
    pub params: RotationParams,
    pub long_tenure: Vec<RotationLine>,
    pub local_key: Vec<RotationLine>,
    /// Posts held with no start date: the years cannot be counted (to complete the record).
    pub undated: Vec<RotationLine>,
}

fn names_of(pos: &Position) -> Vec<String> {
    std::iter::once(&pos.name)
        .chain(pos.aliases.iter())
        .map(|n| fold(n))
        .filter(|n| !n.is_empty())
        .collect()
}

/// Whole years from `since` (its earliest day) to `at`.
fn years_between(since: &PartialDate, at: NaiveDate) -> i32 {
    since.age_at(at)
}

/// Both lists for the people still working, at `as_of`. A post counts when its title is the
/// name or an alias of a catalogue post other than committee membership; it is held at the day
/// when it began on or before it and had not ended.
pub fn rotation_lists(
    people: &[Person],
    positions: &[Position],
    place_name: &str,
    params: &RotationParams,
    as_of: NaiveDate,
) -> RotationLists {
    let leadership: Vec<(&Position, Vec<String>)> = positions
        .iter()
        .filter(|p| !post::COMMITTEES.contains(&p.code.as_str()))
        .map(|p| (p, names_of(p)))
        .collect();
    let place = fold(place_name);
    let mut out = RotationLists {
        as_of,
        params: params.clone(),
        long_tenure: Vec::new(),
        local_key: Vec::new(),
        undated: Vec::new(),
    };
    for p in people.iter().filter(|p| p.status == Status::Working) {
        let local = !place.is_empty() && fold(&p.home_town).contains(&place);
        for h in &p.positions {
            let title = fold(&h.title);
            let Some((pos, _)) = leadership.iter().find(|(_, n)| n.contains(&title)) else {
                continue;
            };
            if h.end.as_ref().is_some_and(|e| e.latest() < as_of) {
                continue;
            }
            let line = |years: i32, rule: &str| RotationLine {
                person_id: p.id.unwrap_or_default(),
                full_name: p.full_name.clone(),
                title: h.title.clone(),
                organisation: h.organisation.clone(),
                since: h.start.unwrap_or(p.birth_date),
                years,
                home_town: p.home_town.clone(),
                rule: rule.to_string(),
            };
            let Some(start) = &h.start else {
                out.undated
                    .push(line(0, "Chưa rõ ngày bắt đầu giữ chức vụ"));
                continue;
            };
            if start.earliest() > as_of {
                continue;
            }
            let years = years_between(start, as_of);
            if years >= params.years as i32 {
                out.long_tenure.push(line(years, &params.tenure_rule));
            }
            if local && params.local_posts.contains(&pos.code) {
                out.local_key.push(line(years, &params.local_rule));
            }
        }
    }
    out
}
