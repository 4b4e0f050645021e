//! The ward's own targets (chỉ tiêu), as in seed 002: a body, an indicator, a threshold, a year.

use serde::{Deserialize, Serialize};

use crate::model::levels::codes;
use crate::model::plan::{body, post};

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

impl Indicator {
    pub fn is_count(self) -> bool {
        matches!(self, Indicator::WomenCount)
    }
}
