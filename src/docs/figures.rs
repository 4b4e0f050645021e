//! The computed sentences of the narrative documents: who is planned for each post, the structure
//! and quality figures, and the comparison with the rules and the ward's targets.

use crate::rules::check::{CheckReport, RuleCode, Severity, TargetResult};
use crate::rules::facts::percent;
use crate::rules::stats::{Bucket, Stats};
use crate::store::plan::PlanData;

/// "3 đồng chí (37,5%)".
fn count(b: &Bucket) -> String {
    format!("{} đồng chí ({})", b.count, percent(b.percent / 100.0))
}

/// "đại học 7 (87,5%), cao đẳng 1 (12,5%)": the buckets that hold someone.
fn buckets(list: &[Bucket]) -> String {
    let parts: Vec<String> = list
        .iter()
        .filter(|b| b.count > 0)
        .map(|b| {
            format!(
                "{}: {} ({})",
                b.label.to_lowercase(),
                b.count,
                percent(b.percent / 100.0)
            )
        })
        .collect();
    if parts.is_empty() {
        "không có".into()
    } else {
        parts.join(", ")
    }
}

/// Up to this many names are written in the body; the annex lists everyone.
const NAMES_LIMIT: usize = 15;

/// "- Bí thư Đảng ủy: 2 đồng chí (Nguyễn Văn An, Lê Văn Cường)." for each planned post, in rank order.
pub fn per_position(data: &PlanData) -> Vec<String> {
    let mut positions: Vec<_> = data.positions.iter().collect();
    positions.sort_by(|a, b| b.rank.cmp(&a.rank).then_with(|| a.code.cmp(&b.code)));
    positions
        .into_iter()
        .filter_map(|pos| {
            let names: Vec<&str> = data
                .entries
                .iter()
                .filter(|e| Some(e.position_id) == pos.id && e.is_active())
                .filter_map(|e| data.people.get(&e.person_id))
                .map(|p| p.full_name.as_str())
                .collect();
            (!names.is_empty()).then(|| {
                if names.len() > NAMES_LIMIT {
                    format!(
                        "- {}: {} đồng chí (họ tên tại Phụ lục).",
                        pos.name,
                        names.len()
                    )
                } else {
                    format!(
                        "- {}: {} đồng chí ({}).",
                        pos.name,
                        names.len(),
                        names.join(", ")
                    )
                }
            })
        })
        .collect()
}

/// The structure and quality of the people in the plan, as a clerk writes it.
pub fn structure(s: &Stats) -> Vec<String> {
    if s.total == 0 {
        return vec!["- Chưa có đồng chí nào trong quy hoạch.".into()];
    }
    let women = s.sex.iter().find(|b| b.label == "Nữ");
    let minority = s.ethnicity.iter().find(|b| b.label == "Dân tộc thiểu số");
    let mut out = vec![format!(
        "- Tổng số: {} đồng chí (mỗi đồng chí tính một lần dù được quy hoạch nhiều chức danh); nữ {}; {} {}; dân tộc thiểu số {}.",
        s.total,
        women.map(count).unwrap_or_default(),
        s.young.label.to_lowercase(),
        count(&s.young),
        minority.map(count).unwrap_or_default(),
    )];
    out.push(format!("- Độ tuổi (tuổi): {}.", buckets(&s.age_bands)));
    out.push(format!(
        "- Trình độ chuyên môn: {}.",
        buckets(&s.professional)
    ));
    out.push(format!(
        "- Lý luận chính trị: {}.",
        buckets(&s.political_theory)
    ));
    out.push(format!(
        "- Quản lý nhà nước: {}.",
        buckets(&s.state_management)
    ));
    out.push(format!("- Nguồn cán bộ: {}.", buckets(&s.origin)));
    out
}

fn target_line(t: &TargetResult) -> String {
    let threshold = if t.target.indicator.is_count() {
        format!("{}", t.target.threshold)
    } else {
        percent(t.target.threshold)
    };
    let cmp = if t.target.strict { "trên" } else { "từ" };
    let tail = if t.target.strict { "" } else { " trở lên" };
    let head = format!(
        "- {} trong {} năm {}",
        t.target.indicator.label(),
        t.body_label,
        t.target.year
    );
    if !t.counted {
        // Nobody to count: not a target missed.
        return format!("{head}: {} (chỉ tiêu {cmp} {threshold}{tail}).", t.verdict);
    }
    let value = if t.target.indicator.is_count() {
        format!("{}", t.count)
    } else {
        format!("{} ({}/{})", percent(t.value), t.count, t.of)
    };
    format!(
        "{head}: {value}; chỉ tiêu {cmp} {threshold}{tail}: {}.",
        t.verdict
    )
}

/// Up to this many violations are listed one by one; more are counted by rule.
const LIST_LIMIT: usize = 10;

/// The comparison with the rules (violations and warnings, counted and listed) and the targets.
pub fn comparison(r: &CheckReport) -> Vec<String> {
    let violations: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Violation)
        .map(|f| f.message.as_str())
        .collect();
    let by_rule = {
        let mut m: Vec<(RuleCode, usize)> = Vec::new();
        for f in r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Violation)
        {
            match m.iter_mut().find(|(code, _)| *code == f.rule) {
                Some(e) => e.1 += 1,
                None => m.push((f.rule, 1)),
            }
        }
        m.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.code().cmp(b.0.code())));
        m
    };
    let warnings = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    let mut out = Vec::new();
    if violations.is_empty() {
        out.push(format!(
            "- Đối chiếu với quy định ({}): không có trường hợp vi phạm; {} điểm cần lưu ý.",
            r.rule_set, warnings
        ));
    } else {
        out.push(format!(
            "- Đối chiếu với quy định ({}): {} trường hợp chưa đúng quy định, {} điểm cần lưu ý. Cụ thể:",
            r.rule_set,
            violations.len(),
            warnings
        ));
        if violations.len() <= LIST_LIMIT {
            out.extend(violations.iter().map(|m| format!("+ {m}")));
        } else {
            out.extend(
                by_rule
                    .iter()
                    .map(|(code, n)| format!("+ {}: {n} trường hợp.", code.label())),
            );
        }
    }
    out.extend(r.targets.iter().map(target_line));
    out
}
