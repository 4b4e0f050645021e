//! The record of a cadre (hồ sơ cán bộ), after the 2C/TCTW-98 CV form.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::levels::*;

fn default_ethnicity() -> String {
    "Kinh".into()
}
fn default_religion() -> String {
    "Không".into()
}
fn default_status() -> Status {
    Status::Working
}

/// A level from a closed list plus the free text found in old records ("Anh văn B", "Tin học A").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub note: String,
}

/// A position held, current while it has no end date. A person may hold several at once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PositionHeld {
    pub title: String,
    #[serde(default)]
    pub organisation: String,
    /// When the post was taken up; None when the list it came from did not say ("chưa rõ ngày":
    /// a notice to complete, and rules that need it say so instead of inventing a date).
    #[serde(default)]
    pub start: Option<PartialDate>,
    #[serde(default)]
    pub end: Option<PartialDate>,
}

impl PositionHeld {
    /// Not ended: the post as the record lists it now (one decided to begin later included).
    pub fn is_current(&self) -> bool {
        self.end.is_none()
    }

    /// Held on `day`: begun by then (or its start unknown) and not ended before it. A post
    /// decided now to begin on a later day is not held yet; one ending on a later day still is.
    pub fn held_on(&self, day: chrono::NaiveDate) -> bool {
        self.start.as_ref().is_none_or(|s| s.earliest() <= day)
            && self.end.as_ref().is_none_or(|e| e.latest() >= day)
    }
}

/// Yearly quality rating (đánh giá, xếp loại chất lượng).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub year: i32,
    pub level: RatingLevel,
    #[serde(default)]
    pub score: Option<f64>,
    #[serde(default)]
    pub basis: String,
}

/// A discipline (kỷ luật) or a reward (khen thưởng).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisciplineReward {
    pub kind: RecordKind,
    /// "Khiển trách", "Cảnh cáo", "Giấy khen của Đảng ủy"…
    pub form: String,
    pub date: PartialDate,
    #[serde(default)]
    pub decision_no: String,
    /// End of a discipline's effect, if known.
    #[serde(default)]
    pub until: Option<PartialDate>,
    #[serde(default)]
    pub note: String,
}

/// A training course (đào tạo, bồi dưỡng).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Training {
    pub name: String,
    #[serde(default)]
    pub institution: String,
    #[serde(default)]
    pub from: Option<PartialDate>,
    #[serde(default)]
    pub to: Option<PartialDate>,
    #[serde(default)]
    pub certificate: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Set by the store; ignored on add.
    #[serde(default)]
    pub id: Option<i64>,
    pub full_name: String,
    #[serde(default)]
    pub other_name: String,
    pub sex: Sex,
    pub birth_date: PartialDate,
    #[serde(default = "default_ethnicity")]
    pub ethnicity: String,
    #[serde(default = "default_religion")]
    pub religion: String,
    #[serde(default)]
    pub home_town: String,
    #[serde(default)]
    pub birthplace: String,
    #[serde(default)]
    pub residence: String,
    /// Số định danh cá nhân / CCCD: 12 digits, unique.
    #[serde(default)]
    pub cccd: Option<String>,
    /// Old 9- or 12-digit CMND, free text.
    #[serde(default)]
    pub old_id: String,
    #[serde(default)]
    pub party_admission_date: Option<PartialDate>,
    #[serde(default)]
    pub party_official_date: Option<PartialDate>,
    #[serde(default)]
    pub party_card_no: String,
    /// Giáo dục phổ thông: "12/12", "10/10"…
    #[serde(default)]
    pub general_education: String,
    #[serde(default)]
    pub professional_level: Option<ProfessionalLevel>,
    #[serde(default)]
    pub professional_field: String,
    #[serde(default)]
    pub political_theory: Option<PoliticalTheory>,
    #[serde(default)]
    pub state_management: Option<StateManagement>,
    #[serde(default)]
    pub foreign_language: Skill,
    #[serde(default)]
    pub it: Skill,
    #[serde(default)]
    pub positions: Vec<PositionHeld>,
    #[serde(default)]
    pub ratings: Vec<Rating>,
    #[serde(default)]
    pub discipline_rewards: Vec<DisciplineReward>,
    #[serde(default)]
    pub trainings: Vec<Training>,
    #[serde(default = "default_status")]
    pub status: Status,
    #[serde(default)]
    pub status_date: Option<PartialDate>,
    #[serde(default)]
    pub status_reason: String,
    /// Expected retirement month when it differs from NĐ 135 (early or later retirement).
    #[serde(default)]
    pub retirement_override: Option<PartialDate>,
    /// Xếp loại tốt nghiệp of the highest professional degree (seed 001: "loại khá trở lên").
    #[serde(default)]
    pub graduation_class: Option<super::programme::GraduationClass>,
}

impl Person {
    /// A record with only the required fields; the rest take their defaults.
    pub fn new(full_name: &str, sex: Sex, birth_date: PartialDate) -> Self {
        Person {
            id: None,
            full_name: full_name.into(),
            other_name: String::new(),
            sex,
            birth_date,
            ethnicity: default_ethnicity(),
            religion: default_religion(),
            home_town: String::new(),
            birthplace: String::new(),
            residence: String::new(),
            cccd: None,
            old_id: String::new(),
            party_admission_date: None,
            party_official_date: None,
            party_card_no: String::new(),
            general_education: String::new(),
            professional_level: None,
            professional_field: String::new(),
            political_theory: None,
            state_management: None,
            foreign_language: Skill::default(),
            it: Skill::default(),
            positions: Vec::new(),
            ratings: Vec::new(),
            discipline_rewards: Vec::new(),
            trainings: Vec::new(),
            status: Status::Working,
            status_date: None,
            status_reason: String::new(),
            retirement_override: None,
            graduation_class: None,
        }
    }

    pub fn current_positions(&self) -> impl Iterator<Item = &PositionHeld> {
        self.positions.iter().filter(|p| p.is_current())
    }

    /// The posts held on `day` (`PositionHeld::held_on`).
    pub fn positions_on(&self, day: chrono::NaiveDate) -> impl Iterator<Item = &PositionHeld> {
        self.positions.iter().filter(move |p| p.held_on(day))
    }
}

/// One line of a list: what a clerk needs to recognise a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonSummary {
    pub id: i64,
    pub full_name: String,
    pub sex: Sex,
    pub birth_date: PartialDate,
    pub cccd: Option<String>,
    /// Current positions, joined with "; ".
    pub positions: String,
    pub status: Status,
    /// Still working here (the list greys the others).
    #[serde(default)]
    pub working: bool,
}
