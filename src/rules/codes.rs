//! The codes of the checks' rules and of how serious a finding is. A code is stored, sent to the
//! window and printed by `check --json`, so its string never changes; its label is the clerk's
//! words for it (the documents' comparison, the README's list).

use serde::{Deserialize, Serialize};

use crate::model::levels::codes;

codes!(
    /// How serious a finding is, most serious first.
    Severity {
        Violation = "vi_pham" => "Vi phạm",
        Warning = "canh_bao" => "Cảnh báo",
        Info = "thong_tin" => "Thông tin",
    }
);

codes!(
    /// Every rule and target a check reports on.
    RuleCode {
        TermKind = "term_kind" => "Chức danh không thuộc loại nhiệm kỳ",
        MaxPerPosition = "max_per_position" => "Quá số người quy hoạch cho một chức danh",
        ThreeAgeGroups = "three_age_groups" => "Chưa đủ cơ cấu 3 độ tuổi",
        PlanCoefficient = "plan_coefficient" => "Số lượng quy hoạch chưa đúng hệ số",
        NotWorking = "not_working" => "Không còn công tác tại đơn vị",
        MaxPositionsPerPerson = "max_positions_per_person" => "Một người quy hoạch quá số chức danh",
        OnlyHigher = "only_higher" => "Chức danh quy hoạch không cao hơn chức vụ hiện giữ",
        MonthsLeft = "months_left" => "Không đủ tuổi công tác trọn nhiệm kỳ",
        MaxAgeFirstTime = "max_age_first_time" => "Quá tuổi quy hoạch lần đầu",
        Standard = "standard" => "Chưa đạt tiêu chuẩn của chức danh",
        SecretaryLocal = "secretary_local" => "Bí thư là người địa phương",
        KeyWithoutBch = "key_without_bch" => "Chức danh chủ chốt chưa có trong quy hoạch cấp ủy",
        RatingMissing = "rating_missing" => "Thiếu kết quả xếp loại chất lượng",
        Rating = "rating" => "Xếp loại chất lượng thấp hơn mức cần có",
        Discipline = "discipline" => "Đang trong thời hạn kỷ luật",
        DisciplineExpired = "discipline_expired" => "Kỷ luật đã hết thời hạn",
        PositionStartMissing = "position_start_missing" => "Thiếu ngày bắt đầu giữ chức vụ",
        Rotation = "rotation" => "Thời gian giữ chức vụ",
        Votes = "votes" => "Kết quả biểu quyết chưa đủ",
        WomenShare = "women_share" => "Tỷ lệ cán bộ nữ dưới mức quy định",
        YoungShare = "young_share" => "Tỷ lệ cán bộ trẻ dưới mức quy định",
        Target = "target" => "Chỉ tiêu của đơn vị chưa đạt",
        TargetEmpty = "target_empty" => "Chỉ tiêu chưa đánh giá được",
    }
);

impl std::fmt::Display for RuleCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A finding's rule compares with its stored code ("months_left").
impl PartialEq<str> for RuleCode {
    fn eq(&self, other: &str) -> bool {
        self.code() == other
    }
}

impl PartialEq<&str> for RuleCode {
    fn eq(&self, other: &&str) -> bool {
        self.code() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_round_trip_and_labelled() {
        let mut seen = std::collections::HashSet::new();
        for r in RuleCode::ALL {
            assert!(seen.insert(r.code()), "{} twice", r.code());
            assert_eq!(RuleCode::from_code(r.code()), Some(*r));
            assert!(!r.label().is_empty() && r.label() != r.code());
            assert_eq!(
                serde_json::to_string(r).unwrap(),
                format!("\"{}\"", r.code())
            );
        }
        assert_eq!(RuleCode::MonthsLeft, "months_left");
        assert_eq!(
            serde_json::to_string(&Severity::Violation).unwrap(),
            "\"vi_pham\""
        );
        assert!(Severity::Violation < Severity::Warning && Severity::Warning < Severity::Info);
    }
}
