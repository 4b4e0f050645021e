//! The rule set: every number the checks use, as data the ward can edit and version
//! (defaults from DOMAIN §6: QĐ 377-QĐ/TW; QĐ 50-QĐ/TW kept for earlier terms).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::retirement::RetirementRule;
use super::retirement::YearMonth;
use crate::error::{CoreError, FieldError, Result};
use crate::model::plan::{post, Standard, TermKind};
use crate::model::{PartialDate, PoliticalTheory, ProfessionalLevel, RatingLevel, StateManagement};

/// Which count a vote threshold is taken of (DOMAIN §1.8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteBase {
    #[serde(rename = "trieu_tap")]
    Summoned,
    #[serde(rename = "hop_le")]
    Valid,
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
                    format!("Tỷ lệ {name}: {v} phải từ 0 đến 1 (ví dụ 0.25 là 25%)."),
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
                    "Cấp “{}” chưa có ngưỡng tuổi trẻ trong young_under.",
                    self.level
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
