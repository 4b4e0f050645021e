//! Planning: terms, the position catalogue, plan entries (histories of steps), review rounds,
//! conference vote tallies and source programmes.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::levels::{PoliticalTheory, ProfessionalLevel, RatingLevel, StateManagement};
use crate::model::YearMonth;

use super::levels::codes;

/// Codes of the catalogue posts the rules name by role (the catalogue holds others too, and the
/// ward may rename a post but not these codes): the committees and their key posts.
pub mod post {
    /// Ủy viên Ban Chấp hành (membership of the Party committee).
    pub const BCH: &str = "BCH";
    /// Ủy viên Ban Thường vụ (membership of the standing committee).
    pub const BTV: &str = "BTV";
    /// Ủy viên Ủy ban Kiểm tra (membership of the inspection committee).
    pub const UBKT: &str = "UBKT";
    /// Bí thư Đảng ủy.
    pub const BT: &str = "BT";
    pub const PBT_TT: &str = "PBT-TT";
    pub const PBT_CTUB: &str = "PBT-CTUB";
    pub const CT_HDND: &str = "CT-HĐND";
    pub const PCT_HDND: &str = "PCT-HĐND";
    pub const CT_UBND: &str = "CT-UBND";
    pub const PCT_UBND: &str = "PCT-UBND";
    pub const CN_UBKT: &str = "CN-UBKT";
    pub const TB_XDD: &str = "TB-XDĐ";
    pub const CVP_DU: &str = "CVP-ĐU";
    pub const CT_MTTQ: &str = "CT-MTTQ";
    /// Memberships of the committees: not a post of their own for "only higher" and "posts per
    /// person", and sized by the committee's plan coefficient rather than per seat.
    pub const COMMITTEES: [&str; 3] = [BCH, BTV, UBKT];
}

/// Bodies a target or a statistic counts over, besides a position code.
pub mod body {
    /// The whole plan of the term.
    pub const ALL: &str = "TAT_CA";
    /// The key posts (chủ chốt).
    pub const KEY: &str = "CHU_CHOT";
}

codes!(
    /// Party bodies (congress terms) or People's Council/Committee posts (election terms).
    TermKind {
        Party = "dang" => "Cấp ủy, tổ chức đảng",
        Government = "chinh_quyen" => "HĐND, UBND",
    }
);

codes!(
    PositionGroup {
        CapUy = "cap_uy" => "Cấp ủy",
        ChuChot = "chu_chot" => "Chủ chốt",
        ChinhQuyen = "chinh_quyen" => "Chính quyền",
        CoQuanDang = "co_quan_dang" => "Cơ quan đảng",
        MttqDoanThe = "mttq_doan_the" => "MTTQ – đoàn thể",
        LanhDaoQuanLy = "lanh_dao_quan_ly" => "Lãnh đạo, quản lý",
    }
);

codes!(
    /// A step in the life of a plan entry.
    PlanStep {
        Proposed = "de_xuat" => "Đề xuất",
        Approved = "phe_duyet" => "Đã phê duyệt",
        Supplemented = "bo_sung" => "Bổ sung (rà soát)",
        Continued = "tiep_tuc" => "Tiếp tục quy hoạch",
        Fulfilled = "da_bo_tri" => "Đã bố trí (bổ nhiệm, bầu cử)",
        Removed = "dua_ra" => "Đưa ra khỏi quy hoạch",
    }
);

codes!(
    /// Why someone leaves the plan (DOMAIN §1.9).
    RemovalReason {
        OverAge = "qua_tuoi" => "Quá tuổi quy hoạch",
        Discipline = "ky_luat" => "Bị kỷ luật từ khiển trách trở lên",
        PoliticalStandard = "tieu_chuan_chinh_tri" => "Không đáp ứng tiêu chuẩn chính trị",
        Standards = "tieu_chuan" => "Không đáp ứng tiêu chuẩn, điều kiện",
        NotCompleted = "khong_hoan_thanh" => "Không hoàn thành nhiệm vụ",
        Violation = "vi_pham" => "Vi phạm quy định",
        Transferred = "chuyen_cong_tac" => "Chuyển công tác",
        Health = "suc_khoe" => "Sức khỏe",
        OwnRequest = "nguyen_vong" => "Theo nguyện vọng cá nhân",
        Other = "khac" => "Lý do khác",
    }
);

/// The standard a post asks for (DOMAIN §1.7): minimum levels, each optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    #[serde(default)]
    pub professional: Option<ProfessionalLevel>,
    #[serde(default)]
    pub political_theory: Option<PoliticalTheory>,
    #[serde(default)]
    pub state_management: Option<StateManagement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    #[serde(default)]
    pub id: Option<i64>,
    /// "2030-2035"
    pub code: String,
    pub kind: TermKind,
    pub start_year: i32,
    pub end_year: i32,
    /// The month at which ages and months left are computed (CT 45: 7/2025 for ward congresses).
    pub reference_month: YearMonth,
    /// A pinned rule set; otherwise the newest one in force at the reference month.
    #[serde(default)]
    pub rule_set_id: Option<i64>,
}

impl Term {
    /// A term coded "start-end" with its reference month and no pinned rule set.
    pub fn new(kind: TermKind, start_year: i32, end_year: i32, reference_month: YearMonth) -> Self {
        Term {
            id: None,
            code: format!("{start_year}-{end_year}"),
            kind,
            start_year,
            end_year,
            reference_month,
            rule_set_id: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    #[serde(default)]
    pub id: Option<i64>,
    pub code: String,
    pub name: String,
    /// Higher is a higher post; "only higher positions" compares ranks.
    pub rank: i32,
    pub group: PositionGroup,
    /// The level at which "at most M positions per person" counts.
    #[serde(default = "default_level")]
    pub level: String,
    pub term_kind: TermKind,
    /// Chủ chốt (key post).
    #[serde(default)]
    pub key: bool,
    /// Other titles of this post as written in records (current positions are matched on them).
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default = "yes")]
    pub active: bool,
    /// How many people hold this post at once (3 Phó Chủ tịch UBND → 3); the plan takes at most
    /// the rule set's number per seat (HD 45 §II.6.2).
    #[serde(default = "one_seat")]
    pub seats: u32,
    /// The body that manages this post (seed 004: "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Đảng ủy").
    #[serde(default)]
    pub managing_body: String,
    /// The body that approves its plan: the Tờ trình of these posts is addressed to it.
    #[serde(default)]
    pub approving_body: String,
}

fn one_seat() -> u32 {
    1
}

/// The ward as its bodies are named: "phường Phổ Hòa" from the unit "Đảng ủy phường Phổ Hòa".
pub fn ward_name(unit: &super::Unit) -> String {
    let name = unit.name.split_whitespace().collect::<Vec<_>>();
    if name.len() > 2 && crate::text::fold(&name[..2].join(" ")) == "dang uy" {
        return name[2..].join(" ");
    }
    unit.place_name.trim().to_string()
}

impl Position {
    /// The organisation a holder of this post works in, from the catalogue's group and name:
    /// a People's Committee post is "UBND phường …", a People's Council post "HĐND phường …",
    /// the Front's "Ủy ban MTTQ Việt Nam phường …", a Party post the ward's Party committee.
    pub fn organisation(&self, unit: &super::Unit) -> String {
        let ward = ward_name(unit);
        let name = crate::text::fold(&self.name);
        let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
        match self.group {
            PositionGroup::ChinhQuyen if has(&["hdnd", "hoi dong nhan dan"]) => {
                format!("HĐND {ward}")
            }
            PositionGroup::ChinhQuyen => format!("UBND {ward}"),
            PositionGroup::MttqDoanThe if has(&["mttq", "mat tran"]) => {
                format!("Ủy ban MTTQ Việt Nam {ward}")
            }
            PositionGroup::MttqDoanThe | PositionGroup::LanhDaoQuanLy => ward,
            PositionGroup::CapUy | PositionGroup::ChuChot | PositionGroup::CoQuanDang => {
                unit.name.clone()
            }
        }
    }
}

fn default_level() -> String {
    "xa".into()
}
fn yes() -> bool {
    true
}

/// Ballots of one conference step (DOMAIN §1.8).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteTally {
    pub summoned: u32,
    pub present: u32,
    pub issued: u32,
    pub returned: u32,
    pub valid: u32,
    pub agree: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanEvent {
    #[serde(default)]
    pub id: Option<i64>,
    pub step: PlanStep,
    pub date: PartialDate,
    #[serde(default)]
    pub decision_no: String,
    #[serde(default)]
    pub decision_date: Option<PartialDate>,
    /// The yearly review round (đợt rà soát, bổ sung) this step belongs to.
    #[serde(default)]
    pub review_year: Option<i32>,
    #[serde(default)]
    pub reason: Option<RemovalReason>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub votes: Option<VoteTally>,
}

impl PlanEvent {
    /// A step with only its kind and date; the rest empty.
    pub fn new(step: PlanStep, date: PartialDate) -> Self {
        PlanEvent {
            id: None,
            step,
            date,
            decision_no: String::new(),
            decision_date: None,
            review_year: None,
            reason: None,
            note: String::new(),
            votes: None,
        }
    }
}

/// One person planned for one position in one term, with the history of its steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanEntry {
    pub id: i64,
    pub person_id: i64,
    pub position_id: i64,
    pub term_id: i64,
    pub events: Vec<PlanEvent>,
    /// Planned for one term (đối tượng 1: 60 months of work left) or two (đối tượng 2: 120),
    /// HD 45 §II.5.2.
    #[serde(default = "one_term")]
    pub terms: u8,
}

fn one_term() -> u8 {
    1
}

/// The label of an entry's number of terms.
pub fn terms_label(terms: u8) -> &'static str {
    if terms >= 2 {
        "Đối tượng 2 (hai nhiệm kỳ)"
    } else {
        "Đối tượng 1 (một nhiệm kỳ)"
    }
}

impl PlanEntry {
    pub fn status(&self) -> Option<PlanStep> {
        self.events.last().map(|e| e.step)
    }
    /// In the plan now: not removed and not yet fulfilled.
    pub fn is_active(&self) -> bool {
        !matches!(
            self.status(),
            None | Some(PlanStep::Removed) | Some(PlanStep::Fulfilled)
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewRound {
    pub id: i64,
    pub term_id: i64,
    pub year: i32,
    pub name: String,
    pub decision_no: String,
}

/// A source programme (đề án tạo nguồn), like Đà Nẵng's for ward secretaries and chairs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Programme {
    pub id: i64,
    pub name: String,
    pub decision_no: String,
    pub start_year: i32,
    pub end_year: i32,
    pub members: Vec<ProgrammeMember>,
    /// The body that decided it ("Ban Thường vụ Thành ủy Đà Nẵng").
    #[serde(default)]
    pub deciding_body: String,
    #[serde(default)]
    pub decision_date: Option<PartialDate>,
    /// The posts it prepares people for (catalogue codes).
    #[serde(default)]
    pub posts: Vec<String>,
    #[serde(default)]
    pub criteria: super::programme::Criteria,
    /// The decision approving the list of participants.
    #[serde(default)]
    pub approval_no: String,
    #[serde(default)]
    pub approval_date: Option<PartialDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeMember {
    pub person_id: i64,
    pub full_name: String,
    pub selected_on: PartialDate,
    pub records: Vec<ProgrammeRecord>,
    #[serde(default = "approved")]
    pub stage: super::programme::MemberStage,
    #[serde(default)]
    pub outcome: Option<super::programme::Outcome>,
}

fn approved() -> super::programme::MemberStage {
    super::programme::MemberStage::Approved
}

/// A training (đào tạo) or an evaluation (đánh giá) of a programme participant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeRecord {
    /// "dao_tao" or "danh_gia".
    pub kind: String,
    /// A training's first day; an evaluation's year (or day).
    pub date: PartialDate,
    /// The course's name, or the evaluation's remarks.
    pub content: String,
    #[serde(default)]
    pub result: String,
    #[serde(default)]
    pub institution: String,
    /// A training's last day.
    #[serde(default)]
    pub to: Option<PartialDate>,
    #[serde(default)]
    pub certificate: String,
    /// An evaluation's rating.
    #[serde(default)]
    pub rating: Option<RatingLevel>,
}

/// What the review decides for one entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewItem {
    pub entry_id: i64,
    /// `tiep_tuc` or `dua_ra`.
    pub step: PlanStep,
    #[serde(default)]
    pub reason: Option<RemovalReason>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewInput {
    pub year: i32,
    pub date: PartialDate,
    #[serde(default)]
    pub decision_no: String,
    #[serde(default)]
    pub decision_date: Option<PartialDate>,
    pub items: Vec<ReviewItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewOutcome {
    pub round_id: i64,
    pub continued: usize,
    pub removed: usize,
}
