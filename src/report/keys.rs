//! The keys a workbook template may name, one variant each: a key is computed by an exhaustive
//! `match` on its variant (`people::person_cell` for a person's columns, `plan` for a plan
//! entry's), so a key that nothing computes does not compile; a template naming a key that is no
//! variant is refused when it is read (`Template::from_json`).

use crate::error::{CoreError, Result};
use crate::model::levels::codes;
use serde::{Deserialize, Serialize};

codes!(
    /// What a person's column can show (every list of people).
    PersonKey {
        Stt = "stt" => "Số thứ tự",
        FullName = "full_name" => "Họ và tên",
        OtherName = "other_name" => "Tên gọi khác",
        Sex = "sex" => "Giới tính",
        BirthDate = "birth_date" => "Ngày sinh",
        BirthMale = "birth_male" => "Ngày sinh (nam)",
        BirthFemale = "birth_female" => "Ngày sinh (nữ)",
        Ethnicity = "ethnicity" => "Dân tộc",
        Religion = "religion" => "Tôn giáo",
        HomeTown = "home_town" => "Quê quán",
        Birthplace = "birthplace" => "Nơi sinh",
        Residence = "residence" => "Nơi ở hiện nay",
        Cccd = "cccd" => "Số CCCD",
        OldId = "old_id" => "Mã hồ sơ cũ",
        PartyCardNo = "party_card_no" => "Số thẻ đảng viên",
        Positions = "positions" => "Chức vụ hiện tại",
        PositionStart = "position_start" => "Thời gian giữ chức vụ",
        PartyAdmissionDate = "party_admission_date" => "Ngày vào Đảng (dự bị)",
        PartyOfficialDate = "party_official_date" => "Ngày vào Đảng (chính thức)",
        GeneralEducation = "general_education" => "Giáo dục phổ thông",
        Professional = "professional" => "Chuyên môn",
        PoliticalTheory = "political_theory" => "Lý luận chính trị",
        StateManagement = "state_management" => "Quản lý nhà nước",
        ForeignLanguage = "foreign_language" => "Ngoại ngữ",
        It = "it" => "Tin học",
        Status = "status" => "Tình trạng",
        StatusDate = "status_date" => "Ngày thay đổi tình trạng",
        StatusReason = "status_reason" => "Lý do thay đổi tình trạng",
    }
);

codes!(
    /// What a column about a plan entry can show: ratings of the years N-2, N-1, N, the planned
    /// post, the kind of planning (mới / bổ sung / tiếp tục), age and months left at the term's
    /// reference month, the step's decision, reason and note.
    PlanKey {
        Rating1 = "rating_1" => "Xếp loại năm N-2",
        Rating2 = "rating_2" => "Xếp loại năm N-1",
        Rating3 = "rating_3" => "Xếp loại năm N",
        PlannedPosition = "planned_position" => "Chức danh quy hoạch",
        PlanKind = "plan_kind" => "Quy hoạch mới, bổ sung, tiếp tục",
        Age = "age" => "Tuổi",
        MonthsLeft = "months_left" => "Số tháng còn công tác",
        Decision = "decision" => "Quyết định",
        Reason = "reason" => "Lý do",
        Note = "note" => "Ghi chú",
    }
);

/// A column of a list of people: the person's, the plan entry's, or what a person planned for
/// a post still lacks of its standard (the list of people to train).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKey {
    Person(PersonKey),
    Plan(PlanKey),
    Lacks,
}

impl ColumnKey {
    pub const LACKS: &'static str = "lacks";

    pub fn from_code(code: &str) -> Option<ColumnKey> {
        PersonKey::from_code(code)
            .map(ColumnKey::Person)
            .or_else(|| PlanKey::from_code(code).map(ColumnKey::Plan))
            .or_else(|| (code == Self::LACKS).then_some(ColumnKey::Lacks))
    }

    /// The key of a template's column; a key no list computes is refused (templates are checked
    /// when read, so this guards a template made in code).
    pub fn of(code: &str) -> Result<ColumnKey> {
        ColumnKey::from_code(code).ok_or_else(|| unknown(code))
    }
}

impl PersonKey {
    /// The key of a column of the cadre list (a person's columns only).
    pub fn of(code: &str) -> Result<PersonKey> {
        PersonKey::from_code(code).ok_or_else(|| unknown(code))
    }
}

fn unknown(code: &str) -> CoreError {
    CoreError::validation(
        "columns.key",
        "unknown",
        format!("Mẫu xuất Excel: không có giá trị nào cho cột “{code}”."),
    )
}
