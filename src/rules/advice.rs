//! Findings a clerk can act on: grouped by person (then by post, then the plan as a whole), the
//! most serious group first, repeated findings collapsed into one line ("chưa có xếp loại các năm
//! 2023, 2024, 2025"), and each line saying what to do and which part of the record to open.

use std::collections::BTreeMap;

use serde::Serialize;

use super::check::{Finding, RuleCode, Severity};

/// The part of a person's record a finding is fixed in (the record form's sections).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordSection {
    Identity,
    Positions,
    Ratings,
    Records,
    Trainings,
}

impl RecordSection {
    /// The button that opens this part of the record from a finding.
    pub fn button(self) -> Option<&'static str> {
        match self {
            RecordSection::Identity => None,
            RecordSection::Positions => Some("Sửa chức vụ"),
            RecordSection::Ratings => Some("Nhập xếp loại"),
            RecordSection::Records => Some("Xem kỷ luật"),
            RecordSection::Trainings => Some("Ghi đào tạo"),
        }
    }
}

/// One line of a group: a finding (or several of the same kind collapsed) and what to do.
#[derive(Debug, Clone, Serialize)]
pub struct Advice {
    pub severity: Severity,
    pub rule: RuleCode,
    /// The rule's name in the clerk's words (`RuleCode::label`), shown beside the finding.
    pub rule_label: &'static str,
    pub message: String,
    /// What the clerk can do about it, in a clerk's words.
    pub action: String,
    /// Where in the person's record to fix it, if anywhere.
    pub section: Option<RecordSection>,
    /// The button that opens that part of the record ("Nhập xếp loại"); none for the identity,
    /// which the group's own "Xem người này" opens.
    pub section_button: Option<&'static str>,
    /// The post to add people to from here (a committee planned below its coefficient): the
    /// window's "Thêm người vào quy hoạch" opens that post's list of candidates.
    pub add_to_position: Option<String>,
    pub severity_label: &'static str,
    pub source: String,
}

/// The findings about one person, one post, or the plan as a whole.
#[derive(Debug, Clone, Serialize)]
pub struct FindingGroup {
    pub person_id: Option<i64>,
    pub position_code: Option<String>,
    /// "Lê Văn Cường", "Chức danh Bí thư Đảng ủy (BT)" or "Toàn bộ quy hoạch".
    pub title: String,
    pub worst: Severity,
    pub items: Vec<Advice>,
}

/// What to do about a rule's finding, and where in the record.
pub fn action_of(rule: RuleCode) -> (&'static str, Option<RecordSection>) {
    use RecordSection::*;
    use RuleCode as R;
    match rule {
        R::RatingMissing => ("Nhập kết quả xếp loại các năm còn thiếu vào hồ sơ.", Some(Ratings)),
        R::Rating => (
            "Kiểm tra lại xếp loại trong hồ sơ; nếu đúng, xem xét đưa ra khỏi quy hoạch ở đợt rà soát.",
            Some(Ratings),
        ),
        R::MonthsLeft | R::MaxAgeFirstTime => (
            "Không đủ thời gian công tác: kiểm tra lại ngày sinh; nếu đúng, đưa ra khỏi quy hoạch (lý do quá tuổi) ở đợt rà soát.",
            Some(Identity),
        ),
        R::Standard => (
            "Cử đi đào tạo, bồi dưỡng (xem Danh sách cần đào tạo), rồi cập nhật trình độ trong hồ sơ.",
            Some(Trainings),
        ),
        R::Discipline => (
            "Đưa ra khỏi quy hoạch ngay (bước “Đưa ra”, lý do kỷ luật, kèm số quyết định).",
            Some(Records),
        ),
        R::DisciplineExpired => (
            "Kỷ luật đã hết thời hạn: có thể xem xét quy hoạch lại.",
            Some(Records),
        ),
        R::NotWorking => (
            "Người này không còn công tác: đưa ra khỏi quy hoạch (bước “Đưa ra”).",
            Some(Identity),
        ),
        R::OnlyHigher => (
            "Chỉ quy hoạch chức danh cao hơn chức vụ đang giữ: bỏ mục này, hoặc sửa quá trình chức vụ nếu ghi chưa đúng.",
            Some(Positions),
        ),
        R::MaxPositionsPerPerson => (
            "Bớt chức danh quy hoạch của người này (đưa ra khỏi một chức danh ở đợt rà soát).",
            None,
        ),
        R::MaxPerPosition => (
            "Bớt người ở chức danh này (đưa ra ở đợt rà soát), hoặc sửa số người tối đa trong Cài đặt nếu quy định của tỉnh khác.",
            None,
        ),
        R::ThreeAgeGroups => (
            "Khi bổ sung, chọn thêm người ở độ tuổi khác.",
            None,
        ),
        R::PlanCoefficient => (
            "Bớt người quy hoạch cấp ủy cho đúng hệ số (đưa ra ở đợt rà soát), hoặc sửa hệ số trong Cài đặt nếu quy định của tỉnh khác.",
            None,
        ),
        R::TermKind => (
            "Chức danh này thuộc nhiệm kỳ khác loại: quy hoạch ở nhiệm kỳ đúng loại (cấp ủy hoặc HĐND, UBND).",
            None,
        ),
        R::SecretaryLocal => (
            "Cân nhắc theo chủ trương bố trí Bí thư không là người địa phương.",
            Some(Identity),
        ),
        R::KeyWithoutBch => (
            "Đưa người này vào quy hoạch Ban Chấp hành.",
            None,
        ),
        R::Rotation => (
            "Xem xét luân chuyển, điều động theo kế hoạch của cấp ủy.",
            Some(Positions),
        ),
        R::Votes => (
            "Kiểm tra lại số phiếu đã ghi ở bước này; nếu đúng, bước này chưa đạt.",
            None,
        ),
        R::WomenShare | R::YoungShare | R::Target => (
            "Khi rà soát, bổ sung người đáp ứng chỉ tiêu này.",
            None,
        ),
        R::PositionStartMissing => (
            "Bổ sung ngày bắt đầu giữ chức vụ trong quá trình chức vụ của hồ sơ.",
            Some(Positions),
        ),
        R::TargetEmpty => (
            "Chưa có người thuộc diện tính: xem giải thích và chỉ tiêu nêu ở trên.",
            None,
        ),
    }
}

/// A committee planned below its lower bound: the number of people it needs.
fn too_few(f: &Finding) -> Option<i64> {
    if f.rule != RuleCode::PlanCoefficient {
        return None;
    }
    let count = f.values.get("count")?.as_i64()?;
    let min = f.values.get("min")?.as_i64()?;
    (count < min).then_some(min)
}

fn rank(s: Severity) -> u8 {
    match s {
        Severity::Violation => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// Groups findings by person, then post, then the plan; collapses repeats; most serious first.
/// `position_names` maps a post's code to its name for the group titles.
pub fn group_findings(
    findings: &[Finding],
    position_names: &BTreeMap<String, String>,
) -> Vec<FindingGroup> {
    // Key: (0, person) / (1, post) / (2, "").
    let mut groups: BTreeMap<(u8, String), FindingGroup> = BTreeMap::new();
    let mut years_missing: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for f in findings {
        let key = match (f.person_id, &f.position_code) {
            (Some(id), _) => (0, format!("{id:012}")),
            (None, Some(code)) => (1, code.clone()),
            (None, None) => (2, String::new()),
        };
        let g = groups.entry(key.clone()).or_insert_with(|| FindingGroup {
            person_id: f.person_id,
            position_code: if f.person_id.is_none() {
                f.position_code.clone()
            } else {
                None
            },
            title: match (&f.person_name, &f.position_code) {
                (Some(n), _) if f.person_id.is_some() => n.clone(),
                (_, Some(code)) => format!(
                    "Chức danh {} ({code})",
                    position_names.get(code).cloned().unwrap_or_default()
                ),
                _ => "Toàn bộ quy hoạch".into(),
            },
            worst: f.severity,
            items: Vec::new(),
        });
        if rank(f.severity) < rank(g.worst) {
            g.worst = f.severity;
        }
        if f.rule == RuleCode::RatingMissing {
            if let (Some(id), Some(y)) =
                (f.person_id, f.values.get("year").and_then(|v| v.as_i64()))
            {
                let ys = years_missing.entry(id).or_default();
                if ys.contains(&y) {
                    continue;
                }
                ys.push(y);
                if ys.len() > 1 {
                    // Collapse into the first line of this kind.
                    let name = f.person_name.clone().unwrap_or_default();
                    let mut list = ys.clone();
                    list.sort();
                    let years = list
                        .iter()
                        .map(|y| y.to_string())
                        .collect::<Vec<_>>()
                        .join(", ");
                    if let Some(a) = g
                        .items
                        .iter_mut()
                        .find(|a| a.rule == RuleCode::RatingMissing)
                    {
                        a.message =
                            format!("{name}: chưa có kết quả xếp loại chất lượng các năm {years}.");
                    }
                    continue;
                }
            }
        }
        if g.items
            .iter()
            .any(|a| a.rule == f.rule && a.message == f.message)
        {
            continue;
        }
        let (action, section) = action_of(f.rule);
        let (action, add_to_position) = match too_few(f) {
            Some(min) => (
                format!(
                    "Thêm người vào quy hoạch cho đủ ít nhất {min} người (bấm “Thêm người vào quy hoạch”)."
                ),
                f.position_code.clone(),
            ),
            None => (action.to_string(), None),
        };
        g.items.push(Advice {
            severity: f.severity,
            rule: f.rule,
            rule_label: f.rule.label(),
            message: f.message.clone(),
            action,
            section,
            section_button: section.and_then(RecordSection::button),
            add_to_position,
            severity_label: f.severity.label(),
            source: f.source.clone(),
        });
    }
    let mut out: Vec<FindingGroup> = groups.into_values().collect();
    for g in &mut out {
        g.items.sort_by_key(|a| rank(a.severity));
    }
    out.sort_by(|a, b| {
        rank(a.worst).cmp(&rank(b.worst)).then_with(|| {
            let bad = |g: &FindingGroup| g.items.iter().filter(|a| a.severity == g.worst).count();
            bad(b).cmp(&bad(a))
        })
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn finding(
        sev: Severity,
        rule: RuleCode,
        person: Option<i64>,
        pos: Option<&str>,
        msg: &str,
        values: serde_json::Value,
    ) -> Finding {
        Finding {
            severity: sev,
            rule,
            source: "Quy định 377-QĐ/TW".into(),
            person_id: person,
            person_name: person.map(|_| "Lê Văn Cường".into()),
            position_code: pos.map(Into::into),
            values: values.as_object().cloned().unwrap_or_default(),
            message: msg.into(),
        }
    }

    #[test]
    fn repeated_missing_ratings_collapse_and_violations_lead() {
        let f = vec![
            finding(
                Severity::Warning,
                RuleCode::RatingMissing,
                Some(3),
                None,
                "Lê Văn Cường: chưa có kết quả xếp loại chất lượng năm 2023.",
                json!({"year": 2023}),
            ),
            finding(
                Severity::Warning,
                RuleCode::RatingMissing,
                Some(3),
                None,
                "Lê Văn Cường: chưa có kết quả xếp loại chất lượng năm 2024.",
                json!({"year": 2024}),
            ),
            finding(
                Severity::Warning,
                RuleCode::RatingMissing,
                Some(3),
                None,
                "Lê Văn Cường: chưa có kết quả xếp loại chất lượng năm 2025.",
                json!({"year": 2025}),
            ),
            finding(
                Severity::Warning,
                RuleCode::WomenShare,
                None,
                None,
                "Tỷ lệ cán bộ nữ thấp.",
                json!({}),
            ),
            finding(
                Severity::Violation,
                RuleCode::MaxPerPosition,
                None,
                Some("BT"),
                "Chức danh Bí thư có 4 người.",
                json!({}),
            ),
        ];
        let names = BTreeMap::from([("BT".to_string(), "Bí thư Đảng ủy".to_string())]);
        let g = group_findings(&f, &names);
        assert_eq!(g[0].title, "Chức danh Bí thư Đảng ủy (BT)");
        assert_eq!(g[0].worst, Severity::Violation);
        let person = g.iter().find(|x| x.person_id == Some(3)).unwrap();
        assert_eq!(person.items.len(), 1);
        assert_eq!(
            person.items[0].message,
            "Lê Văn Cường: chưa có kết quả xếp loại chất lượng các năm 2023, 2024, 2025."
        );
        assert_eq!(person.items[0].section, Some(RecordSection::Ratings));
        assert!(g.iter().any(|x| x.title == "Toàn bộ quy hoạch"));
    }
}
