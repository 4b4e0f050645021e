//! Rotation lists (seed 001 is one province's example: Kết luận 09-KL/TU of Hải Phòng): who has
//! held the same leadership post for N years or more (8: "2 nhiệm kỳ, 8 năm liên tục") at a day,
//! and which key posts are held by someone from the ward itself. Only leadership posts count: a
//! post of the catalogue (its name or an alias), committee membership aside; a specialist
//! ("Chuyên viên …") or a civil servant holds none. The years, the posts, the rule's wording
//! and the basis (the ward's own province's document) are parameters the clerk can change
//! (`RotationParams`), never constants here; by default no province's document is cited.

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
    /// The document the ward applies (its province's regulation or conclusion), printed after
    /// each rule: empty until the ward names it.
    #[serde(default)]
    pub basis: String,
}

fn eight() -> u32 {
    8
}
fn tenure_rule() -> String {
    "Giữ một vị trí lãnh đạo 2 nhiệm kỳ (8 năm liên tục) trở lên: xem xét bố trí, luân chuyển"
        .into()
}
fn local_posts() -> Vec<String> {
    vec![post::BT.into(), post::CT_UBND.into()]
}
fn local_rule() -> String {
    "Khuyến khích bí thư, chủ tịch UBND cấp xã không phải là người địa phương".into()
}

impl Default for RotationParams {
    fn default() -> Self {
        RotationParams {
            years: eight(),
            tenure_rule: tenure_rule(),
            local_posts: local_posts(),
            local_rule: local_rule(),
            basis: String::new(),
        }
    }
}

impl RotationParams {
    /// A rule as the lists print it: its wording, then the ward's basis when named.
    pub fn cite(&self, rule: &str) -> String {
        let basis = self.basis.trim();
        if basis.is_empty() {
            rule.trim().to_string()
        } else {
            format!("{} ({basis})", rule.trim())
        }
    }
}

/// The leadership post of the catalogue a held title names (its name or an alias, ignoring
/// case and marks), committee membership aside. A specialist ("Chuyên viên Ban Xây dựng Đảng")
/// or a civil servant names none: only leadership posts count for rotation.
pub fn leadership_post<'a>(title: &str, positions: &'a [Position]) -> Option<&'a Position> {
    let title = fold(title);
    if title.is_empty() {
        return None;
    }
    positions
        .iter()
        .filter(|p| !post::COMMITTEES.contains(&p.code.as_str()))
        .find(|p| names_of(p).contains(&title))
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
            let Some(pos) = leadership_post(&h.title, positions) else {
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
                out.long_tenure
                    .push(line(years, &params.cite(&params.tenure_rule)));
            }
            if local && params.local_posts.contains(&pos.code) {
                out.local_key
                    .push(line(years, &params.cite(&params.local_rule)));
            }
        }
    }
    out
}
