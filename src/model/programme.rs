//! Source programmes in full (đề án tạo nguồn, seed 000), the criteria of a young-cadre list
//! (seed 001, shared with a programme's selection) and rotation events (luân chuyển, điều động,
//! tăng cường).

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::levels::codes;
use super::levels::{PoliticalTheory, ProfessionalLevel, RatingLevel};

codes!(
    /// What is recorded of a programme's participant: a training or a yearly evaluation.
    ProgrammeRecordKind {
        Training = "dao_tao" => "Đào tạo, bồi dưỡng",
        Evaluation = "danh_gia" => "Đánh giá hằng năm",
    }
);

codes!(
    /// Xếp loại tốt nghiệp of the highest professional degree (ordered from lowest).
    GraduationClass {
        TrungBinh = "trung_binh" => "Trung bình",
        TrungBinhKha = "trung_binh_kha" => "Trung bình khá",
        Kha = "kha" => "Khá",
        Gioi = "gioi" => "Giỏi",
        XuatSac = "xuat_sac" => "Xuất sắc",
    }
);

codes!(
    /// Where a participant stands in a programme.
    MemberStage {
        Proposed = "de_xuat" => "Đề xuất",
        Approved = "phe_duyet" => "Đã phê duyệt danh sách",
        Placed = "bo_tri" => "Đã bổ nhiệm, bầu cử",
        Left = "ra_khoi" => "Ra khỏi đề án",
    }
);

codes!(
    /// How a participant came to hold the post the programme prepared them for.
    OutcomeKind {
        Appointed = "bo_nhiem" => "Bổ nhiệm",
        Elected = "bau_cu" => "Bầu cử",
    }
);

codes!(
    /// A move between posts (Kết luận 09-KL/TU of Hải Phòng).
    MovementKind {
        Rotation = "luan_chuyen" => "Luân chuyển",
        Transfer = "dieu_dong" => "Điều động",
        Reinforcement = "tang_cuong" => "Tăng cường",
    }
);

/// Selection criteria as data: each is optional; an unset one asks nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criteria {
    /// Under this age (strictly: "dưới 30 tuổi") …
    #[serde(default)]
    pub age_under: Option<i32>,
    /// … on this day (the list's day when unset).
    #[serde(default)]
    pub age_at: Option<PartialDate>,
    /// Trained to at least this professional level.
    #[serde(default)]
    pub professional: Option<ProfessionalLevel>,
    /// With a degree of at least this class ("bằng tốt nghiệp loại khá trở lên").
    #[serde(default)]
    pub graduation: Option<GraduationClass>,
    #[serde(default)]
    pub political_theory: Option<PoliticalTheory>,
    /// Rated `rating_min` or better in each of the last N years before the day (0: not asked).
    #[serde(default)]
    pub rating_years: u32,
    #[serde(default)]
    pub rating_min: Option<RatingLevel>,
    /// In the plan (active, any term) for one of these posts (codes); empty: not asked.
    #[serde(default)]
    pub in_plan_for: Vec<String>,
    /// Eligible, by the plan's own rules (the check's eligibility function, the rule set in
    /// force for the latest term of the post's kind), for one of the posts the programme
    /// prepares for.
    #[serde(default)]
    pub plan_rules: bool,
}

/// A named set of criteria the clerk saved for the young-cadre list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriteriaSet {
    #[serde(default)]
    pub id: Option<i64>,
    pub name: String,
    pub criteria: Criteria,
}

/// What became of a participant: appointed or elected to a post, or left the programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// None when the participant left the programme.
    pub kind: Option<OutcomeKind>,
    /// The post's name (appointed), empty when left.
    #[serde(default)]
    pub post: String,
    pub date: PartialDate,
    #[serde(default)]
    pub decision_no: String,
    /// Why they left.
    #[serde(default)]
    pub reason: String,
}

/// A rotation, transfer or reinforcement of one person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Movement {
    #[serde(default)]
    pub id: Option<i64>,
    pub person_id: i64,
    pub kind: MovementKind,
    #[serde(default)]
    pub from_title: String,
    #[serde(default)]
    pub from_org: String,
    pub to_title: String,
    #[serde(default)]
    pub to_org: String,
    pub date: PartialDate,
    #[serde(default)]
    pub end_date: Option<PartialDate>,
    #[serde(default)]
    pub decision_no: String,
    /// The day the move was decided (never in the future); `date` is the day it takes effect,
    /// which may be later.
    #[serde(default)]
    pub decision_date: Option<PartialDate>,
    #[serde(default)]
    pub note: String,
}

/// One line of the programmes list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeSummary {
    pub id: i64,
    pub name: String,
    pub decision_no: String,
    pub start_year: i32,
    pub end_year: i32,
    pub members: usize,
}

/// A new programme as the clerk describes it (checked by `app::programmes` before the store
/// writes it).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewProgramme {
    pub name: String,
    #[serde(default)]
    pub deciding_body: String,
    #[serde(default)]
    pub decision_no: String,
    #[serde(default)]
    pub decision_date: Option<PartialDate>,
    pub start_year: i32,
    pub end_year: i32,
    #[serde(default)]
    pub posts: Vec<String>,
    #[serde(default)]
    pub criteria: Criteria,
}
