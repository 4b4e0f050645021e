//! The rule set: every number the checks use, as data the ward can edit and version
//! (defaults from DOMAIN §6: QĐ 377-QĐ/TW; QĐ 50-QĐ/TW kept for earlier terms).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::retirement::RetirementRule;
use super::retirement::YearMonth;
use crate::error::{CoreError, FieldError, Result};
use crate::model::levels::codes;
use crate::model::plan::{post, Standard, TermKind};
use crate::model::{PartialDate, PoliticalTheory, ProfessionalLevel, RatingLevel, StateManagement};

codes!(
    /// Which count a vote threshold is taken of (DOMAIN §1.8).
    VoteBase {
        Summoned = "trieu_tap" => "Tổng số người được triệu tập",
        Valid = "hop_le" => "Tổng số phiếu hợp lệ",
    }
);

codes!(
    /// The level of a unit, which picks the young-cadre age (`young_under`).
    UnitLevel {
        Xa = "xa" => "Cấp xã, phường",
        Tinh = "tinh" => "Cấp tỉnh",
        TrungUong = "trung_uong" => "Trung ương",
    }
);

/// How the window edits a parameter of the rule set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Editor {
    /// A number.
    Number,
    /// A whole number, or empty for none.
    OptionalNumber,
    /// Yes or no.
    Bool,
    /// One code of a served code list.
    Choice,
    /// Whole numbers separated by commas.
    Numbers,
    /// Text lines, one item each.
    Lines,
    /// A whole number for each code of a served code list.
    PerCode,
    /// The standards of each post (minimum levels).
    PostStandards,
    /// Structured data for experts.
    Json,
}

/// A parameter of the rule set as the window shows it: its key, its label in the clerk's
/// words, its editor and, for a choice or a number per code, the code list it draws on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ParamInfo {
    pub code: &'static str,
    pub label: &'static str,
    pub editor: Editor,
    /// The name of a list of [`crate::app::codes::CodeLists`].
    pub list: Option<&'static str>,
}

const fn param(code: &'static str, label: &'static str, editor: Editor) -> ParamInfo {
    ParamInfo {
        code,
        label,
        editor,
        list: None,
    }
}

const fn param_of(
    code: &'static str,
    label: &'static str,
    editor: Editor,
    list: &'static str,
) -> ParamInfo {
    ParamInfo {
        code,
        label,
        editor,
        list: Some(list),
    }
}

/// Every parameter of [`RuleParams`], in the order the settings screen shows them.
pub const PARAMS: &[ParamInfo] = &[
    param(
        "max_people_per_position",
        "Số người tối đa cho một chức danh",
        Editor::Number,
    ),
    param(
        "max_positions_per_person",
        "Số chức danh tối đa cho một người",
        Editor::Number,
    ),
    param(
        "only_higher",
        "Chỉ quy hoạch chức danh cao hơn chức vụ hiện giữ",
        Editor::Bool,
    ),
    param(
        "min_months_left_first",
        "Số tháng công tác còn lại tối thiểu (lần đầu)",
        Editor::Number,
    ),
    param(
        "min_months_left_renominated",
        "Số tháng công tác còn lại tối thiểu (tái cử)",
        Editor::Number,
    ),
    param(
        "months_left_inclusive",
        "Tính cả tháng mốc khi đếm số tháng",
        Editor::Bool,
    ),
    param(
        "max_age_first_time",
        "Tuổi tối đa khi quy hoạch lần đầu (trống: không giới hạn)",
        Editor::OptionalNumber,
    ),
    param("rating_years", "Số năm xếp loại được xét", Editor::Number),
    param_of(
        "min_rating",
        "Mức xếp loại tối thiểu",
        Editor::Choice,
        "min_rating_levels",
    ),
    param(
        "excluding_discipline",
        "Hình thức kỷ luật loại khỏi quy hoạch (mỗi dòng một hình thức)",
        Editor::Lines,
    ),
    param(
        "discipline_effect_months",
        "Thời hạn kỷ luật khi không ghi ngày hết (tháng)",
        Editor::Number,
    ),
    param_of(
        "young_under",
        "Cán bộ trẻ: dưới bao nhiêu tuổi, theo cấp",
        Editor::PerCode,
        "unit_levels",
    ),
    param_of("level", "Cấp của đơn vị", Editor::Choice, "unit_levels"),
    param(
        "age_bands",
        "Các mốc nhóm tuổi (cách nhau bằng dấu phẩy)",
        Editor::Numbers,
    ),
    param(
        "three_age_groups",
        "Mốc của 3 độ tuổi (cách nhau bằng dấu phẩy)",
        Editor::Numbers,
    ),
    param("bch_size", "Số ủy viên Ban Chấp hành", Editor::Number),
    param(
        "bch_plan_coefficient",
        "Hệ số quy hoạch Ban Chấp hành (tối đa)",
        Editor::Number,
    ),
    param("btv_size", "Số ủy viên Ban Thường vụ", Editor::Number),
    param(
        "btv_plan_coefficient",
        "Hệ số quy hoạch Ban Thường vụ (tối đa)",
        Editor::Number,
    ),
    param("ubkt_size", "Số ủy viên Ủy ban Kiểm tra", Editor::Number),
    param(
        "ubkt_plan_coefficient",
        "Hệ số quy hoạch Ủy ban Kiểm tra (tối đa)",
        Editor::Number,
    ),
    param(
        "committee_plan_min_coefficient",
        "Hệ số quy hoạch cấp ủy tối thiểu",
        Editor::Number,
    ),
    param(
        "rotation_after_years",
        "Số năm giữ một chức vụ thì xem xét luân chuyển",
        Editor::Number,
    ),
    param(
        "secretary_not_local",
        "Bí thư không là người địa phương",
        Editor::Bool,
    ),
    param(
        "min_women_share",
        "Tỷ lệ nữ tối thiểu (0–1)",
        Editor::Number,
    ),
    param(
        "min_young_share",
        "Tỷ lệ cán bộ trẻ tối thiểu (0–1)",
        Editor::Number,
    ),
    param(
        "vote_pass_share",
        "Tỷ lệ phiếu phải vượt (0–1)",
        Editor::Number,
    ),
    param_of(
        "vote_base",
        "Căn cứ tính phiếu",
        Editor::Choice,
        "vote_bases",
    ),
    param(
        "standards",
        "Tiêu chuẩn trình độ của từng chức danh",
        Editor::PostStandards,
    ),
    param(
        "retirement",
        "Tuổi nghỉ hưu theo Nghị định 135 (nâng cao)",
        Editor::Json,
    ),
    param_of(
        "reference_months",
        "Tháng mốc tính tuổi mặc định theo loại nhiệm kỳ",
        Editor::PerCode,
        "term_kinds",
    ),
    param(
        "review_month",
        "Rà soát hằng năm xong trước hết tháng",
        Editor::Number,
    ),
    param(
        "review_report_month",
        "Báo cáo kết quả rà soát trước hết tháng",
        Editor::Number,
    ),
];

/// The label of a parameter (its key when unknown).
pub fn param_label(code: &str) -> &str {
    PARAMS
        .iter()
        .find(|p| p.code == code)
        .map(|p| p.label)
        .unwrap_or(code)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RuleParams {
    /// At most N people planned per seat of a post ("không quá 3"; HD 45 §II.6.2: 3 deputies → 9);
    /// the catalogue holds each post's seats.
    pub max_people_per_position: usize,
    /// At most M posts per person at one approval level, not counting membership of the BCH, BTV
    /// or UBKT (HD 45 §II.6.2).
    pub max_positions_per_person: usize,
    /// Only a higher position may be planned.
    pub only_higher: bool,
    /// Months of service left at the reference month: first planning / re-nominated (tái cử).
    pub min_months_left_first: i64,
    pub min_months_left_renominated: i64,
    /// Count the reference month itself (7/2025 → 6/2030 = 60 months). HD 45 §II.5.2 counts a
    /// plain difference (false): a man retiring 06/2035 has 59 months at 07/2030. A plan entry
    /// for two terms (đối tượng 2) needs twice `min_months_left_first`.
    pub months_left_inclusive: bool,
    /// Optional maximum age at the reference month for first-time planning (some provinces).
    pub max_age_first_time: Option<i32>,
    /// Ratings of the last K years (before the year of the check) must be at least `min_rating`.
    pub rating_years: i32,
    pub min_rating: RatingLevel,
    /// Discipline forms that exclude while in effect (compared without case or diacritics).
    pub excluding_discipline: Vec<String>,
    /// How long a discipline is in effect when its record gives no end (months).
    pub discipline_effect_months: u32,
    /// Young = under this age at the reference month, per level (xa, tinh, trung_uong).
    pub young_under: BTreeMap<String, i32>,
    /// The level of this ward, to pick the young threshold.
    pub level: String,
    /// Lower bounds of age bands after the first (e.g. 35, 41, 46, 51, 56 → <35, 35–40, …, >55).
    pub age_bands: Vec<i32>,
    /// The "3 độ tuổi" groups: lower bounds of the 2nd and 3rd (40, 51 → <40, 40–50, >50).
    pub three_age_groups: Vec<i32>,
    /// Members of the BCH, the BTV and the UBKT (0: that committee's plan size is not checked),
    /// and the plan coefficients: the plan of each holds from `committee_plan_min_coefficient` to
    /// its own coefficient times its members, halves rounded up (HD 45 §II.6.1: 1.0–1.5 ×, BTV
    /// 15 → 23). Warn only.
    pub bch_size: usize,
    pub bch_plan_coefficient: f64,
    pub btv_size: usize,
    pub btv_plan_coefficient: f64,
    /// A version stored before these fields existed had no UBKT plan size and no lower bound.
    #[serde(default = "zero_usize")]
    pub ubkt_size: usize,
    pub ubkt_plan_coefficient: f64,
    #[serde(default = "zero_f64")]
    pub committee_plan_min_coefficient: f64,
    /// Years in one post after which someone is a rotation candidate (seed 001: 2 terms or 8 years).
    pub rotation_after_years: i32,
    /// The secretary should not be local (seed 001).
    pub secretary_not_local: bool,
    /// Structure targets of the regulation (warn only).
    pub min_women_share: f64,
    pub min_young_share: f64,
    /// A conference step passes with more than this share of the base.
    pub vote_pass_share: f64,
    pub vote_base: VoteBase,
    /// Standards per position code.
    pub standards: BTreeMap<String, Standard>,
    pub retirement: RetirementRule,
    /// The reference month of a new term, by kind of term ("dang", "chinh_quyen"), in its first
    /// year (HD 45 §II.5.3: ward Party bodies 2030–2035 → 07/2030; HĐND/UBND 2031–2036 → 03/2031).
    pub reference_months: BTreeMap<String, u32>,
    /// The yearly review is done by the end of this month (HD 45 §II.4: Quarter I → 3) and
    /// reported to the level above by the end of `review_report_month` (June → 6).
    pub review_month: u32,
    pub review_report_month: u32,
}

fn zero_usize() -> usize {
    0
}
fn zero_f64() -> f64 {
    0.0
}

impl Default for RuleParams {
    fn default() -> Self {
        let key = Standard {
            professional: Some(ProfessionalLevel::DaiHoc),
            political_theory: Some(PoliticalTheory::TrungCap),
            state_management: Some(StateManagement::ChuyenVien),
        };
        let standards = [
            post::BT,
            post::PBT_TT,
            post::PBT_CTUB,
            post::CT_HDND,
            post::PCT_HDND,
            post::CT_UBND,
            post::PCT_UBND,
        ]
        .into_iter()
        .map(|c| (c.to_string(), key.clone()))
        .chain(
            [
                post::BTV,
                post::CN_UBKT,
                post::TB_XDD,
                post::CVP_DU,
                post::CT_MTTQ,
            ]
            .into_iter()
            .map(|c| {
                (
                    c.to_string(),
                    Standard {
                        professional: Some(ProfessionalLevel::DaiHoc),
                        political_theory: Some(PoliticalTheory::TrungCap),
                        state_management: None,
                    },
                )
            }),
        )
        .collect();
        RuleParams {
            max_people_per_position: 3,
            max_positions_per_person: 3,
            only_higher: true,
            min_months_left_first: 60,
            min_months_left_renominated: 48,
            months_left_inclusive: false,
            max_age_first_time: None,
            rating_years: 3,
            min_rating: RatingLevel::Htt,
            excluding_discipline: ["Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ"]
                .map(String::from)
                .to_vec(),
            discipline_effect_months: 12,
            young_under: [("xa", 40), ("tinh", 40), ("trung_uong", 45)]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
            level: "xa".into(),
            age_bands: vec![35, 41, 46, 51, 56],
            three_age_groups: vec![40, 51],
            bch_size: 27,
            bch_plan_coefficient: 1.5,
            btv_size: 11,
            btv_plan_coefficient: 1.5,
            ubkt_size: 5,
            ubkt_plan_coefficient: 1.5,
            committee_plan_min_coefficient: 1.0,
            rotation_after_years: 8,
            secretary_not_local: true,
            min_women_share: 0.25,
            min_young_share: 0.15,
            vote_pass_share: 0.5,
            vote_base: VoteBase::Summoned,
            standards,
            retirement: RetirementRule::default(),
            reference_months: [(TermKind::Party, 7), (TermKind::Government, 3)]
                .into_iter()
                .map(|(k, m)| (k.code().to_string(), m))
                .collect(),
            review_month: 3,
            review_report_month: 6,
        }
    }
}

impl RuleParams {
    /// The values of QĐ 50 and QĐ 377 before Hướng dẫn 45-HD/BTCTW: months left counted with the
    /// reference month ("+1"), the BTV plan up to 2 × its members, no lower bound and no UBKT plan
    /// size. Kept so the versions stored before HD 45 read the same.
    pub fn before_hd45() -> Self {
        RuleParams {
            months_left_inclusive: true,
            btv_plan_coefficient: 2.0,
            ubkt_size: 0,
            committee_plan_min_coefficient: 0.0,
            ..RuleParams::default()
        }
    }

    /// The reference month of a new term of `kind` starting in `start_year`.
    pub fn default_reference_month(&self, kind: TermKind, start_year: i32) -> YearMonth {
        let month = self
            .reference_months
            .get(kind.code())
            .copied()
            .filter(|m| (1..=12).contains(m))
            .unwrap_or(match kind {
                TermKind::Party => 7,
                TermKind::Government => 3,
            });
        YearMonth::new(start_year, month)
    }

    pub fn young_under(&self) -> i32 {
        self.young_under.get(&self.level).copied().unwrap_or(40)
    }

    pub fn validate(&self) -> Result<()> {
        let mut e = Vec::new();
        let mut bad = |field: &str, msg: String| e.push(FieldError::new(field, "rule_param", msg));
        if self.max_people_per_position == 0 {
            bad(
                "max_people_per_position",
                "Số người tối đa mỗi chức danh: phải từ 1 trở lên.".into(),
            );
        }
        if self.max_positions_per_person == 0 {
            bad(
                "max_positions_per_person",
                "Số chức danh tối đa mỗi người: phải từ 1 trở lên.".into(),
            );
        }
        if !(0..=240).contains(&self.min_months_left_first)
            || !(0..=240).contains(&self.min_months_left_renominated)
        {
            bad(
                "min_months_left_first",
                "Số tháng công tác còn lại: phải từ 0 đến 240.".into(),
            );
        }
        if !(1..=10).contains(&self.rating_years) {
            bad(
                "rating_years",
                "Số năm xét xếp loại: phải từ 1 đến 10.".into(),
            );
        }
        for (name, v) in [
            ("min_women_share", self.min_women_share),
            ("min_young_share", self.min_young_share),
            ("vote_pass_share", self.vote_pass_share),
        ] {
            if !(0.0..=1.0).contains(&v) {
                bad(
                    name,
                    format!(
                        "{}: {} phải từ 0 đến 1 (ví dụ 0,25 là 25%).",
                        param_label(name),
                        v.to_string().replace('.', ",")
                    ),
                );
            }
        }
        if !self.age_bands.windows(2).all(|w| w[0] < w[1])
            || !self.three_age_groups.windows(2).all(|w| w[0] < w[1])
        {
            bad("age_bands", "Nhóm tuổi: các mốc phải tăng dần.".into());
        }
        for (name, label, v) in [
            (
                "bch_plan_coefficient",
                "Hệ số quy hoạch Ban Chấp hành",
                self.bch_plan_coefficient,
            ),
            (
                "btv_plan_coefficient",
                "Hệ số quy hoạch Ban Thường vụ",
                self.btv_plan_coefficient,
            ),
            (
                "ubkt_plan_coefficient",
                "Hệ số quy hoạch Ủy ban Kiểm tra",
                self.ubkt_plan_coefficient,
            ),
        ] {
            if !(0.0..=5.0).contains(&v) || v < self.committee_plan_min_coefficient {
                bad(
                    name,
                    format!(
                        "{label}: {} phải từ hệ số tối thiểu {} đến 5.",
                        v.to_string().replace('.', ","),
                        self.committee_plan_min_coefficient
                            .to_string()
                            .replace('.', ",")
                    ),
                );
            }
        }
        if !(0.0..=5.0).contains(&self.committee_plan_min_coefficient) {
            bad(
                "committee_plan_min_coefficient",
                "Hệ số quy hoạch cấp ủy tối thiểu: phải từ 0 đến 5.".into(),
            );
        }
        if self
            .reference_months
            .values()
            .any(|m| !(1..=12).contains(m))
        {
            bad(
                "reference_months",
                "Tháng mốc tính tuổi của nhiệm kỳ mới: phải từ 1 đến 12.".into(),
            );
        }
        if !(1..=12).contains(&self.review_month)
            || !(self.review_month..=12).contains(&self.review_report_month)
        {
            bad(
                "review_month",
                "Lịch rà soát hằng năm: tháng hoàn thành rà soát và tháng báo cáo phải từ 1 đến 12, báo cáo không trước rà soát.".into(),
            );
        }
        if !self.young_under.contains_key(&self.level) {
            bad(
                "level",
                format!(
                    "{}: “{}” chưa có ngưỡng tuổi ở mục “{}”.",
                    param_label("level"),
                    UnitLevel::from_code(&self.level)
                        .map(|l| l.label())
                        .unwrap_or(&self.level),
                    param_label("young_under")
                ),
            );
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(CoreError::Validation(e))
        }
    }
}

/// The name of the version migration 0005 adds.
pub const HD45_NAME: &str = "Hướng dẫn 45-HD/BTCTW";

/// A version of the rules: a name (the regulation), when it applies, and its parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleSet {
    #[serde(default)]
    pub id: Option<i64>,
    pub name: String,
    pub effective_from: PartialDate,
    pub params: RuleParams,
}

impl RuleSet {
    /// Hướng dẫn 45-HD/BTCTW (21/11/2025), the guidance on planning under QĐ 377: the defaults.
    pub fn hd45() -> RuleSet {
        RuleSet {
            id: None,
            name: HD45_NAME.into(),
            effective_from: PartialDate::ymd(2025, 11, 21)
                .unwrap_or_else(|| PartialDate::from_date(chrono::NaiveDate::MIN)),
            params: RuleParams::default(),
        }
    }

    /// QĐ 377-QĐ/TW (08/10/2025), as applied before HD 45.
    pub fn qd377() -> RuleSet {
        RuleSet {
            id: None,
            name: "Quy định 377-QĐ/TW".into(),
            effective_from: PartialDate::ymd(2025, 10, 8)
                .unwrap_or_else(|| PartialDate::from_date(chrono::NaiveDate::MIN)),
            params: RuleParams::before_hd45(),
        }
    }

    /// QĐ 50-QĐ/TW (27/12/2021), for terms planned before QĐ 377.
    pub fn qd50() -> RuleSet {
        RuleSet {
            id: None,
            name: "Quy định 50-QĐ/TW".into(),
            effective_from: PartialDate::ymd(2021, 12, 27)
                .unwrap_or_else(|| PartialDate::from_date(chrono::NaiveDate::MIN)),
            params: RuleParams::before_hd45(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every parameter the rule set stores has a label (and an editor), and nothing else does:
    /// the settings screen names each one in the clerk's words.
    #[test]
    fn every_parameter_is_labelled_once() {
        let stored = serde_json::to_value(RuleParams::default()).unwrap();
        let keys: Vec<&str> = stored
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut labelled: Vec<&str> = PARAMS.iter().map(|p| p.code).collect();
        labelled.sort_unstable();
        labelled.dedup();
        assert_eq!(labelled.len(), PARAMS.len(), "a key twice");
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(labelled, sorted);
        for p in PARAMS {
            assert!(!p.label.is_empty() && p.label != p.code);
            assert_eq!(
                p.list.is_some(),
                matches!(p.editor, Editor::Choice | Editor::PerCode),
                "{}",
                p.code
            );
        }
        assert_eq!(
            param_label("min_months_left_first"),
            "Số tháng công tác còn lại tối thiểu (lần đầu)"
        );
    }

    #[test]
    fn a_bad_share_is_named_by_its_label() {
        let p = RuleParams {
            min_women_share: 25.0,
            ..RuleParams::default()
        };
        let e = p.validate().unwrap_err().to_string();
        assert!(
            e.contains("Tỷ lệ nữ tối thiểu (0–1): 25 phải từ 0 đến 1"),
            "{e}"
        );
        assert!(!e.contains("min_women_share"), "{e}");
    }
}
