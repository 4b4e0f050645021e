//! The rule set: every number the checks use, as data the ward can edit and version
//! (defaults from DOMAIN §6: QĐ 377-QĐ/TW; QĐ 50-QĐ/TW kept for earlier terms).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::retirement::{age_text, read_age, AgeSchedule, RetirementRule};
use crate::error::{CoreError, FieldError, Result};
use crate::model::levels::codes;
use crate::model::plan::{post, Standard, TermKind};
use crate::model::YearMonth;
use crate::model::{
    PartialDate, PoliticalTheory, ProfessionalLevel, RatingLevel, Sex, StateManagement,
};

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
    /// The years the succession forecast marks (Kế hoạch 52-KH/ĐU Phổ Hòa: 5, 10 and 20 years
    /// ahead — 2030, 2035, 2045); the ward's target years and its term's first and last years are
    /// marked besides.
    pub forecast_milestones: Vec<i32>,
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
            forecast_milestones: vec![2030, 2035, 2045],
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

    /// Every parameter as Settings shows it, in order, labelled and written as a clerk reads
    /// it.
    pub fn form(&self) -> Vec<ParamField> {
        let all = serde_json::to_value(self).unwrap_or_default();
        PARAMS
            .iter()
            .map(|p| {
                let value = all.get(p.key).cloned().unwrap_or_default();
                let text = match (p.kind, &value) {
                    (ParamKind::Share, v) => share_text(v.as_f64().unwrap_or_default()),
                    (ParamKind::Decimal, v) => number_text(v.as_f64().unwrap_or_default()),
                    (ParamKind::Whole | ParamKind::OptionalWhole, serde_json::Value::Number(n)) => {
                        n.to_string()
                    }
                    (ParamKind::Wholes, serde_json::Value::Array(a)) => a
                        .iter()
                        .map(|x| x.to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                    (_, serde_json::Value::String(s)) => s.clone(),
                    _ => String::new(),
                };
                ParamField {
                    key: p.key.to_string(),
                    label: p.label.to_string(),
                    hint: p.hint.to_string(),
                    kind: p.kind,
                    text,
                    table: (p.kind == ParamKind::AgeSchedules)
                        .then(|| age_schedules_table(&self.retirement)),
                    value,
                    choices: param_choices(p.key),
                }
            })
            .collect()
    }

    /// The rule set's own checks, each problem under its parameter and named by its label.
    pub fn validate(&self) -> Result<()> {
        let mut e = Vec::new();
        let mut bad = |field: &str, msg: String| {
            e.push(FieldError::new(
                field,
                "rule_param",
                format!("{}: {msg}", param_label(field)),
            ))
        };
        if self.max_people_per_position == 0 {
            bad("max_people_per_position", "phải từ 1 trở lên.".into());
        }
        if self.max_positions_per_person == 0 {
            bad("max_positions_per_person", "phải từ 1 trở lên.".into());
        }
        for (name, v) in [
            ("min_months_left_first", self.min_months_left_first),
            (
                "min_months_left_renominated",
                self.min_months_left_renominated,
            ),
        ] {
            if !(0..=240).contains(&v) {
                bad(name, format!("{v} phải từ 0 đến 240 tháng."));
            }
        }
        if let Some(a) = self.max_age_first_time {
            if !(18..=70).contains(&a) {
                bad(
                    "max_age_first_time",
                    format!("{a} phải từ 18 đến 70, hoặc để trống."),
                );
            }
        }
        if !(1..=10).contains(&self.rating_years) {
            bad(
                "rating_years",
                format!("{} phải từ 1 đến 10 năm.", self.rating_years),
            );
        }
        for (name, v) in [
            ("min_women_share", self.min_women_share),
            ("min_young_share", self.min_young_share),
            ("vote_pass_share", self.vote_pass_share),
        ] {
            if !(0.0..=1.0).contains(&v) {
                bad(name, format!("{} phải từ 0% đến 100%.", share_text(v)));
            }
        }
        if self
            .forecast_milestones
            .iter()
            .any(|y| !(1945..=2200).contains(y))
        {
            bad(
                "forecast_milestones",
                "mỗi năm mốc phải từ 1945 đến 2200.".into(),
            );
        }
        for (name, v) in [
            ("age_bands", &self.age_bands),
            ("three_age_groups", &self.three_age_groups),
        ] {
            if !v.windows(2).all(|w| w[0] < w[1]) {
                bad(name, "các mốc phải tăng dần.".into());
            }
        }
        for (name, v) in [
            ("bch_plan_coefficient", self.bch_plan_coefficient),
            ("btv_plan_coefficient", self.btv_plan_coefficient),
            ("ubkt_plan_coefficient", self.ubkt_plan_coefficient),
        ] {
            if !(0.0..=5.0).contains(&v) || v < self.committee_plan_min_coefficient {
                bad(
                    name,
                    format!(
                        "{} phải từ hệ số tối thiểu {} đến 5.",
                        number_text(v),
                        number_text(self.committee_plan_min_coefficient)
                    ),
                );
            }
        }
        if !(0.0..=5.0).contains(&self.committee_plan_min_coefficient) {
            bad("committee_plan_min_coefficient", "phải từ 0 đến 5.".into());
        }
        if self
            .reference_months
            .values()
            .any(|m| !(1..=12).contains(m))
        {
            bad("reference_months", "phải từ 1 đến 12.".into());
        }
        if !(1..=12).contains(&self.review_month) {
            bad("review_month", "phải từ 1 đến 12.".into());
        }
        if !(self.review_month.clamp(1, 12)..=12).contains(&self.review_report_month) {
            bad(
                "review_report_month",
                format!(
                    "phải từ 1 đến 12, không trước tháng rà soát ({}).",
                    self.review_month
                ),
            );
        }
        for ((_, row), s) in age_rows()
            .into_iter()
            .zip([&self.retirement.men, &self.retirement.women])
        {
            for (col, age) in [
                (part_label("base_months"), Some(s.base_months)),
                (part_label("cap_months"), Some(s.cap_months)),
                (part_label("before_base_months"), s.before_base_months),
            ] {
                if let Some(a) = age.filter(|a| !(40 * 12..=75 * 12).contains(a)) {
                    bad(
                        "retirement",
                        format!("{row}, {col}: {} phải từ 40 đến 75 tuổi.", age_text(a)),
                    );
                }
            }
            if s.cap_months < s.base_months {
                bad(
                    "retirement",
                    format!(
                        "{row}, {}: {} thấp hơn tuổi năm gốc ({}).",
                        part_label("cap_months"),
                        age_text(s.cap_months),
                        age_text(s.base_months)
                    ),
                );
            }
            if !(0..=12).contains(&s.step_months) {
                bad(
                    "retirement",
                    format!(
                        "{row}, {}: {} tháng phải từ 0 đến 12 tháng.",
                        part_label("step_months"),
                        s.step_months
                    ),
                );
            }
            if !(1990..=2100).contains(&s.base_year) {
                bad(
                    "retirement",
                    format!(
                        "{row}, {}: {} phải từ 1990 đến 2100.",
                        part_label("base_year"),
                        s.base_year
                    ),
                );
            }
        }
        if !self.young_under.contains_key(&self.level) {
            bad(
                "level",
                format!(
                    "cấp “{}” chưa có tuổi ở mục “{}”.",
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

/// How a parameter is typed in Settings; the core reads what the clerk typed by this kind, so
/// the window and the command line accept the same things ("0,25", "25%", "25").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamKind {
    /// A whole number (people, months, years, ages); required.
    Whole,
    /// A whole number that may be left empty (no limit).
    OptionalWhole,
    /// A number with decimals, typed with a decimal comma ("1,5") or a point.
    Decimal,
    /// A share of a whole: "25%", "0,25" or "25" (more than 1 is read as percent).
    Share,
    /// Whole numbers separated by commas ("35, 41, 46").
    Wholes,
    /// A whole number for each of a list of choices (per level, per kind of term).
    WholeMap,
    /// Yes or no.
    Bool,
    /// One of the choices.
    Choice,
    /// Lines of text.
    Lines,
    /// The minimum levels of each post, edited row by row.
    PostStandards,
    /// An age schedule per sex (the retirement rule): a table whose rows and columns the core
    /// describes in [`ParamField::table`]; ages typed "60 tuổi 3 tháng".
    AgeSchedules,
}

/// A parameter as Settings shows it: its key, its label, and how it is typed.
#[derive(Debug, Clone, Copy)]
pub struct ParamInfo {
    pub key: &'static str,
    /// The name the clerk reads, also the start of every message about it.
    pub label: &'static str,
    /// What to type, shown beside the label ("%", "tháng"…); may be empty.
    pub hint: &'static str,
    pub kind: ParamKind,
}

const fn param(
    key: &'static str,
    label: &'static str,
    hint: &'static str,
    kind: ParamKind,
) -> ParamInfo {
    ParamInfo {
        key,
        label,
        hint,
        kind,
    }
}

/// Every parameter of [`RuleParams`], in the order Settings shows them.
pub const PARAMS: &[ParamInfo] = {
    use ParamKind::*;
    &[
        param(
            "max_people_per_position",
            "Số người tối đa cho một chức danh",
            "",
            Whole,
        ),
        param(
            "max_positions_per_person",
            "Số chức danh tối đa cho một người",
            "",
            Whole,
        ),
        param(
            "only_higher",
            "Chỉ quy hoạch chức danh cao hơn chức vụ hiện giữ",
            "",
            Bool,
        ),
        param(
            "min_months_left_first",
            "Số tháng công tác còn lại tối thiểu (lần đầu)",
            "tháng",
            Whole,
        ),
        param(
            "min_months_left_renominated",
            "Số tháng công tác còn lại tối thiểu (tái cử)",
            "tháng",
            Whole,
        ),
        param(
            "months_left_inclusive",
            "Tính cả tháng mốc khi đếm số tháng",
            "",
            Bool,
        ),
        param(
            "max_age_first_time",
            "Tuổi tối đa khi quy hoạch lần đầu",
            "trống: không giới hạn",
            OptionalWhole,
        ),
        param("rating_years", "Số năm xếp loại được xét", "năm", Whole),
        param("min_rating", "Mức xếp loại tối thiểu", "", Choice),
        param(
            "excluding_discipline",
            "Hình thức kỷ luật loại khỏi quy hoạch",
            "mỗi dòng một hình thức",
            Lines,
        ),
        param(
            "discipline_effect_months",
            "Thời hạn kỷ luật khi không ghi ngày hết",
            "tháng",
            Whole,
        ),
        param(
            "young_under",
            "Cán bộ trẻ: dưới bao nhiêu tuổi, theo cấp",
            "tuổi",
            WholeMap,
        ),
        param("level", "Cấp của đơn vị", "", Choice),
        param(
            "age_bands",
            "Các mốc nhóm tuổi",
            "cách nhau bằng dấu phẩy",
            Wholes,
        ),
        param(
            "three_age_groups",
            "Mốc của 3 độ tuổi",
            "cách nhau bằng dấu phẩy",
            Wholes,
        ),
        param("bch_size", "Số ủy viên Ban Chấp hành", "", Whole),
        param(
            "bch_plan_coefficient",
            "Hệ số quy hoạch Ban Chấp hành (tối đa)",
            "ví dụ 1,5",
            Decimal,
        ),
        param("btv_size", "Số ủy viên Ban Thường vụ", "", Whole),
        param(
            "btv_plan_coefficient",
            "Hệ số quy hoạch Ban Thường vụ (tối đa)",
            "ví dụ 1,5",
            Decimal,
        ),
        param("ubkt_size", "Số ủy viên Ủy ban Kiểm tra", "", Whole),
        param(
            "ubkt_plan_coefficient",
            "Hệ số quy hoạch Ủy ban Kiểm tra (tối đa)",
            "ví dụ 1,5",
            Decimal,
        ),
        param(
            "committee_plan_min_coefficient",
            "Hệ số quy hoạch cấp ủy tối thiểu",
            "ví dụ 1",
            Decimal,
        ),
        param(
            "rotation_after_years",
            "Số năm giữ một chức vụ thì xem xét luân chuyển",
            "năm",
            Whole,
        ),
        param(
            "secretary_not_local",
            "Bí thư không là người địa phương",
            "",
            Bool,
        ),
        param("min_women_share", "Tỷ lệ nữ tối thiểu", "%", Share),
        param("min_young_share", "Tỷ lệ cán bộ trẻ tối thiểu", "%", Share),
        param("vote_pass_share", "Tỷ lệ phiếu phải vượt", "%", Share),
        param("vote_base", "Căn cứ tính phiếu", "", Choice),
        param(
            "standards",
            "Tiêu chuẩn trình độ của từng chức danh",
            "",
            PostStandards,
        ),
        param(
            "retirement",
            "Tuổi nghỉ hưu theo Nghị định 135 (nâng cao)",
            "",
            AgeSchedules,
        ),
        param(
            "reference_months",
            "Tháng mốc tính tuổi mặc định theo loại nhiệm kỳ",
            "tháng",
            WholeMap,
        ),
        param(
            "review_month",
            "Rà soát hằng năm xong trước hết tháng",
            "tháng",
            Whole,
        ),
        param(
            "review_report_month",
            "Báo cáo kết quả rà soát trước hết tháng",
            "tháng",
            Whole,
        ),
        param(
            "forecast_milestones",
            "Các năm mốc của dự báo nguồn kế cận",
            "cách nhau bằng dấu phẩy, ví dụ 2030, 2035, 2045",
            Wholes,
        ),
    ]
};

/// The parameter of a key (a field path "young_under.xa" is its parameter's).
pub fn param_info(key: &str) -> Option<&'static ParamInfo> {
    let base = key.split(['.', '[']).next().unwrap_or(key);
    PARAMS.iter().find(|p| p.key == base)
}

/// The label of a parameter key, never the key itself ("min_women_share" → "Tỷ lệ nữ tối
/// thiểu"); "" (all of them) is "Quy định".
pub fn param_label(key: &str) -> &'static str {
    param_info(key).map(|p| p.label).unwrap_or("Quy định")
}

/// The choices of a parameter: (stored value, label).
pub fn param_choices(key: &str) -> Vec<(String, String)> {
    let pairs: Vec<(&str, &str)> = match key {
        "min_rating" => [RatingLevel::Htxs, RatingLevel::Htt, RatingLevel::Ht]
            .iter()
            .map(|r| (r.code(), r.label()))
            .collect(),
        "vote_base" => VoteBase::ALL
            .iter()
            .map(|k| (k.code(), k.label()))
            .collect(),
        "level" | "young_under" => UnitLevel::ALL
            .iter()
            .map(|k| (k.code(), k.label()))
            .collect(),
        "reference_months" => TermKind::ALL
            .iter()
            .map(|k| (k.code(), k.label()))
            .collect(),
        _ => Vec::new(),
    };
    pairs
        .into_iter()
        .map(|(v, l)| (v.to_string(), l.to_string()))
        .collect()
}

/// One parameter as Settings shows it: the label and the value as the clerk reads it
/// ("25%", "1,5", "35, 41, 46"); `value` is the stored value, for the editors of a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParamField {
    pub key: String,
    pub label: String,
    pub hint: String,
    pub kind: ParamKind,
    pub text: String,
    pub value: serde_json::Value,
    /// For a choice, or a number per choice: (stored value, label).
    pub choices: Vec<(String, String)>,
    /// For a table of values (the retirement ages): its rows and columns, each cell written as
    /// a clerk reads it; the window sends back `{row: {column: text}}`.
    pub table: Option<ParamTable>,
}

/// A parameter edited as a table: labelled columns, and rows with a cell per column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParamTable {
    pub columns: Vec<TableColumn>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableColumn {
    pub code: String,
    pub label: String,
    /// What to type, shown beside the label; may be empty.
    pub hint: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRow {
    pub code: String,
    pub label: String,
    /// The cells in the order of the columns.
    pub cells: Vec<String>,
}

/// How a part of an age schedule is typed.
#[derive(Clone, Copy, PartialEq)]
enum PartKind {
    /// An age: "60 tuổi 3 tháng"; stored in months.
    Age,
    /// An age that may be left empty (stored as none).
    OptionalAge,
    /// A whole number (a year, months).
    Whole,
}

/// The parts of an age schedule as the retirement table's columns: (stored key, label, hint,
/// kind).
const AGE_PARTS: &[(&str, &str, &str, PartKind)] = &[
    ("base_months", "Tuổi năm gốc", "", PartKind::Age),
    ("base_year", "Năm gốc", "", PartKind::Whole),
    ("step_months", "Mỗi năm tăng thêm", "tháng", PartKind::Whole),
    ("cap_months", "Tuổi tối đa", "", PartKind::Age),
    (
        "before_base_months",
        "Tuổi trước năm gốc",
        "để trống: tuổi năm gốc, không kể tháng",
        PartKind::OptionalAge,
    ),
];

/// The label of a part of an age schedule ("cap_months" → "Tuổi tối đa").
fn part_label(code: &str) -> &'static str {
    AGE_PARTS
        .iter()
        .find(|(c, ..)| *c == code)
        .map(|p| p.1)
        .unwrap_or("")
}

/// The rows of the retirement table: (stored key, label).
fn age_rows() -> [(&'static str, &'static str); 2] {
    [("men", Sex::Male.label()), ("women", Sex::Female.label())]
}

fn age_schedules_table(rule: &RetirementRule) -> ParamTable {
    let cells = |s: &AgeSchedule| {
        vec![
            age_text(s.base_months),
            s.base_year.to_string(),
            s.step_months.to_string(),
            age_text(s.cap_months),
            s.before_base_months.map(age_text).unwrap_or_default(),
        ]
    };
    ParamTable {
        columns: AGE_PARTS
            .iter()
            .map(|(code, label, hint, _)| TableColumn {
                code: code.to_string(),
                label: label.to_string(),
                hint: hint.to_string(),
            })
            .collect(),
        rows: age_rows()
            .into_iter()
            .zip([&rule.men, &rule.women])
            .map(|((code, label), s)| TableRow {
                code: code.to_string(),
                label: label.to_string(),
                cells: cells(s),
            })
            .collect(),
    }
}

/// The retirement table as the window or the command line sends it (`{row: {column: value}}`,
/// texts as typed or stored numbers) into the stored shape; rows and parts not sent are left
/// out (the edit keeps the current ones). The first problem is named by the parameter's label,
/// the row and the column.
fn read_age_schedules(
    key: &str,
    label: &str,
    value: &serde_json::Value,
) -> Result<serde_json::Value, FieldError> {
    use serde_json::Value;
    let err = |rule: &str, msg: String| FieldError::new(key, rule, msg);
    let Value::Object(rows) = value else {
        return Err(err(
            "table",
            format!("{label}: cần ghi theo bảng, mỗi giới tính một hàng."),
        ));
    };
    let mut out = serde_json::Map::new();
    for (row, parts) in rows {
        let Some((_, row_label)) = age_rows().into_iter().find(|(c, _)| c == row) else {
            return Err(err(
                "table",
                format!("{label}: không có hàng “{row}” (chỉ có Nam và Nữ)."),
            ));
        };
        let Value::Object(parts) = parts else {
            return Err(err(
                "table",
                format!("{label}, {row_label}: cần ghi theo từng cột."),
            ));
        };
        let mut schedule = serde_json::Map::new();
        for (part, v) in parts {
            let Some(&(_, col, _, kind)) = AGE_PARTS.iter().find(|(c, ..)| c == part) else {
                return Err(err(
                    "table",
                    format!("{label}, {row_label}: không có cột “{part}”."),
                ));
            };
            let at = format!("{label}, {row_label}, {col}");
            let read = match (v, kind) {
                (Value::Null, PartKind::OptionalAge) => Value::Null,
                (Value::String(t), PartKind::OptionalAge) if t.trim().is_empty() => Value::Null,
                (Value::Null, _) => {
                    return Err(err("required", format!("{at}: bắt buộc phải nhập.")))
                }
                (Value::String(t), _) if t.trim().is_empty() => {
                    return Err(err("required", format!("{at}: bắt buộc phải nhập.")))
                }
                (Value::Number(n), _) if n.is_i64() => v.clone(),
                (Value::String(t), PartKind::Whole) => {
                    whole(t).map(Value::from).ok_or_else(|| {
                        err(
                            "whole",
                            format!("{at}: “{}” không phải số nguyên.", t.trim()),
                        )
                    })?
                }
                (Value::String(t), _) => read_age(t).map(Value::from).ok_or_else(|| {
                    err(
                        "age",
                        format!(
                            "{at}: “{}” không đọc được (ví dụ: 60 tuổi 3 tháng).",
                            t.trim()
                        ),
                    )
                })?,
                (_, PartKind::Whole) => {
                    return Err(err("whole", format!("{at}: cần một số nguyên.")))
                }
                _ => {
                    return Err(err(
                        "age",
                        format!("{at}: cần một tuổi (ví dụ: 60 tuổi 3 tháng)."),
                    ))
                }
            };
            schedule.insert(part.clone(), read);
        }
        out.insert(row.clone(), Value::Object(schedule));
    }
    Ok(Value::Object(out))
}

/// A number as a Vietnamese reader writes it: decimal comma, no trailing zeros.
pub fn number_text(x: f64) -> String {
    let s = format!("{:.4}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.replace('.', ",")
}

/// A share as a percentage ("25%", "12,5%").
pub fn share_text(x: f64) -> String {
    format!("{}%", number_text(x * 100.0))
}

/// A number typed by a clerk: a decimal comma or point ("0,25", "1.5"), spaces ignored.
fn decimal(text: &str) -> Option<f64> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() || t.matches([',', '.']).count() > 1 {
        return None;
    }
    let t = t.replace(',', ".");
    if !t
        .trim_start_matches(['-', '+'])
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.')
        || !t.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    t.parse().ok().filter(|x: &f64| x.is_finite())
}

/// A share as a clerk types it: "25%" and "25" are 25%, "0,25" is 25% too (a number beyond 1
/// without "%" is a percentage: no share is more than the whole).
pub fn read_share(text: &str) -> Option<f64> {
    let t = text.trim();
    match t.strip_suffix('%') {
        Some(p) => decimal(p).map(|x| x / 100.0),
        None => decimal(t).map(|x| if x.abs() > 1.0 { x / 100.0 } else { x }),
    }
}

fn whole(text: &str) -> Option<i64> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    t.parse().ok()
}

/// Reads one edited parameter as the clerk typed it (text from Settings or the command line,
/// or a JSON value) into the value the rule set stores; the error names the parameter by its
/// label, under its key.
pub fn read_param(key: &str, value: &serde_json::Value) -> Result<serde_json::Value, FieldError> {
    use serde_json::Value;
    let Some(info) = param_info(key) else {
        return Ok(value.clone());
    };
    let label = info.label;
    let err = |rule: &str, msg: String| FieldError::new(key, rule, msg);
    let required = || err("required", format!("{label}: bắt buộc phải nhập."));
    let text = match value {
        Value::String(s) => Some(s.trim()),
        _ => None,
    };
    match info.kind {
        ParamKind::Whole | ParamKind::OptionalWhole => match (value, text) {
            (Value::Null, _) | (_, Some("")) if info.kind == ParamKind::OptionalWhole => {
                Ok(Value::Null)
            }
            (Value::Null, _) | (_, Some("")) => Err(required()),
            (_, Some(t)) => whole(t).map(Value::from).ok_or_else(|| {
                err(
                    "whole",
                    format!("{label}: “{t}” không phải số nguyên."),
                )
            }),
            (Value::Number(n), _) if n.is_i64() || n.is_u64() => Ok(value.clone()),
            (Value::Number(n), _) => Err(err(
                "whole",
                format!(
                    "{label}: “{}” không phải số nguyên.",
                    number_text(n.as_f64().unwrap_or_default())
                ),
            )),
            _ => Err(err("whole", format!("{label}: cần một số nguyên."))),
        },
        ParamKind::Decimal | ParamKind::Share => {
            let share = info.kind == ParamKind::Share;
            let example = if share {
                "ví dụ 25%, 0,25 hoặc 25"
            } else {
                "ví dụ 1,5"
            };
            let x = match (value, text) {
                (Value::Null, _) | (_, Some("")) => return Err(required()),
                (_, Some(t)) => if share { read_share(t) } else { decimal(t) }.ok_or_else(|| {
                    err(
                        "number",
                        format!("{label}: “{t}” không phải số ({example})."),
                    )
                })?,
                (Value::Number(n), _) => {
                    let x = n.as_f64().unwrap_or_default();
                    if share && x.abs() > 1.0 {
                        x / 100.0
                    } else {
                        x
                    }
                }
                _ => return Err(err("number", format!("{label}: cần một số ({example})."))),
            };
            Ok(Value::from(x))
        }
        ParamKind::Wholes => match text {
            Some(t) => t
                .split([',', ';', ' ', '\t', '\n'])
                .filter(|p| !p.trim().is_empty())
                .map(|p| {
                    whole(p).ok_or_else(|| {
                        err(
                            "whole",
                            format!(
                                "{label}: “{}” không phải số nguyên; các mốc cách nhau bằng dấu phẩy (ví dụ 35, 41, 46).",
                                p.trim()
                            ),
                        )
                    })
                })
                .collect::<Result<Vec<i64>, FieldError>>()
                .map(Value::from),
            None => Ok(value.clone()),
        },
        ParamKind::WholeMap => match value {
            Value::Object(m) => {
                let mut out = serde_json::Map::new();
                for (k, v) in m {
                    let name = param_choices(key)
                        .into_iter()
                        .find(|(c, _)| c == k)
                        .map(|(_, l)| l)
                        .unwrap_or_else(|| k.clone());
                    let n = match v {
                        Value::Null => continue,
                        Value::String(s) if s.trim().is_empty() => continue,
                        Value::String(s) => whole(s).ok_or_else(|| {
                            err(
                                "whole",
                                format!("{label}, {name}: “{}” không phải số nguyên.", s.trim()),
                            )
                        })?,
                        Value::Number(n) => n.as_i64().ok_or_else(|| {
                            err("whole", format!("{label}, {name}: cần một số nguyên."))
                        })?,
                        _ => return Err(err("whole", format!("{label}, {name}: cần một số nguyên."))),
                    };
                    out.insert(k.clone(), Value::from(n));
                }
                Ok(Value::Object(out))
            }
            _ => Ok(value.clone()),
        },
        ParamKind::AgeSchedules => read_age_schedules(key, label, value),
        ParamKind::Bool | ParamKind::Choice | ParamKind::Lines | ParamKind::PostStandards => {
            Ok(value.clone())
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
        let mut labelled: Vec<&str> = PARAMS.iter().map(|p| p.key).collect();
        labelled.sort_unstable();
        labelled.dedup();
        assert_eq!(labelled.len(), PARAMS.len(), "a key twice");
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(labelled, sorted);
        for p in PARAMS {
            assert!(!p.label.is_empty() && p.label != p.key);
            assert_eq!(
                !param_choices(p.key).is_empty(),
                matches!(p.kind, ParamKind::Choice | ParamKind::WholeMap),
                "{}",
                p.key
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
            e.contains("Tỷ lệ nữ tối thiểu: 2500% phải từ 0% đến 100%."),
            "{e}"
        );
        assert!(!e.contains("min_women_share"), "{e}");
    }
}
