//! The ward's own targets (chỉ tiêu), as in seed 002: a body, an indicator, a threshold, a year.

use serde::{Deserialize, Serialize};

use super::facts::{is_female, PersonFacts};
use crate::model::levels::codes;
use crate::model::plan::{body, post, Position};
use crate::model::{Person, PoliticalTheory, ProfessionalLevel};

codes!(
    /// What a target measures over the people of its body.
    Indicator {
        Women = "nu" => "Tỷ lệ nữ",
        Young = "tre" => "Tỷ lệ cán bộ trẻ",
        Degree = "dai_hoc" => "Tỷ lệ có trình độ đại học trở lên",
        TheoryMid = "llct_trung_cap" => "Tỷ lệ có lý luận chính trị từ trung cấp trở lên",
        YoungForeignLanguage = "ngoai_ngu_tre" => "Tỷ lệ cán bộ trẻ sử dụng được ngoại ngữ",
        WomenCount = "so_nu" => "Số cán bộ nữ",
    }
);

/// A body is "BCH", "BTV", "CHU_CHOT" (key posts), "TAT_CA" (the whole plan of the term) or a position code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    #[serde(default)]
    pub id: Option<i64>,
    pub body: String,
    pub indicator: Indicator,
    /// A share (0.15 = 15%) or, for counts, a number.
    pub threshold: f64,
    /// "trên 35%" is strict (>), "từ 15% trở lên" is not (≥).
    #[serde(default)]
    pub strict: bool,
    /// Young means under this age (default: the rule set's threshold).
    #[serde(default)]
    pub age_under: Option<i32>,
    pub year: i32,
    #[serde(default)]
    pub source: String,
}

pub fn body_label(body: &str) -> String {
    match body {
        post::BCH => "Ban Chấp hành (quy hoạch)".into(),
        post::BTV => "Ban Thường vụ (quy hoạch)".into(),
        post::UBKT => "Ủy ban Kiểm tra (quy hoạch)".into(),
        body::KEY => "cán bộ chủ chốt (quy hoạch)".into(),
        body::ALL => "toàn bộ quy hoạch".into(),
        code => format!("quy hoạch chức danh {code}"),
    }
}

/// Whether a post belongs to a target's body: the whole plan, the key posts, or the post of
/// that code (the check of the targets, the statistics and the plan assistant read it so).
pub fn in_body(body: &str, pos: &Position) -> bool {
    match body {
        body::ALL => true,
        body::KEY => pos.key,
        code => pos.code == code,
    }
}

impl Indicator {
    pub fn is_count(self) -> bool {
        matches!(self, Indicator::WomenCount)
    }
}

/// Counts an indicator over `people` (each with its facts at the month measured): how many meet
/// it and out of how many ("nữ" 3 of 12; "cán bộ trẻ sử dụng được ngoại ngữ" counts among the
/// young only). Young means under `young_under` at that month. The check of the ward's targets
/// and the forecast of the structure both count with this one function.
pub fn measure(
    indicator: Indicator,
    people: &[(&Person, &PersonFacts)],
    young_under: i32,
) -> (usize, usize) {
    let count = |keep: &dyn Fn(&Person, &PersonFacts) -> bool| {
        people.iter().filter(|(p, f)| keep(p, f)).count()
    };
    match indicator {
        Indicator::Women | Indicator::WomenCount => (count(&|p, _| is_female(p)), people.len()),
        Indicator::Young => (count(&|_, f| f.age < young_under), people.len()),
        Indicator::Degree => (
            count(&|p, _| {
                p.professional_level
                    .is_some_and(|l| l >= ProfessionalLevel::DaiHoc)
            }),
            people.len(),
        ),
        Indicator::TheoryMid => (
            count(&|p, _| {
                p.political_theory
                    .is_some_and(|l| l >= PoliticalTheory::TrungCap)
            }),
            people.len(),
        ),
        Indicator::YoungForeignLanguage => (
            count(&|p, f| f.age < young_under && !p.foreign_language.level.is_empty()),
            count(&|_, f| f.age < young_under),
        ),
    }
}

impl Indicator {
    /// The figure compared with a threshold: the count itself, or the share (0 over nobody).
    pub fn value(self, count: usize, of: usize) -> f64 {
        if self.is_count() {
            count as f64
        } else if of == 0 {
            0.0
        } else {
            count as f64 / of as f64
        }
    }
}

impl Target {
    /// Whether a figure meets this target ("trên" is strict, "từ … trở lên" is not).
    pub fn met_by(&self, value: f64) -> bool {
        if self.strict {
            value > self.threshold
        } else {
            value >= self.threshold
        }
    }
}
