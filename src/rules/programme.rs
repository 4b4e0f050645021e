//! The life of a source programme's participant (đề án tạo nguồn): proposed → approved (by the
//! decision approving the list) → placed in a post or left, and what each stage allows. Pure:
//! the store writes the stage these functions allow (as `rules::steps` does for plan steps).

use crate::error::{CoreError, Result};
use crate::model::plan::{Programme, ProgrammeMember};
use crate::model::programme::{MemberStage, Outcome};

fn bad(field: &str, code: &str, msg: String) -> CoreError {
    CoreError::validation(field, code, msg)
}

/// A programme may be deleted (made by mistake) only while no one is in it: a programme with
/// people in it is history and stays.
pub fn may_delete(p: &Programme) -> Result<()> {
    if p.members.is_empty() {
        return Ok(());
    }
    Err(bad(
        "programme",
        "not_approvable",
        format!(
            "Xóa đề án “{}”: đề án đã có {} người tham gia nên không xóa được; chỉ sửa được thông tin của đề án.",
            p.name,
            p.members.len()
        ),
    ))
}

/// How many participants the decision approving the list approves (every proposed one);
/// refused when no one is waiting for approval.
pub fn approvable(p: &Programme) -> Result<usize> {
    let proposed = p
        .members
        .iter()
        .filter(|m| m.stage == MemberStage::Proposed)
        .count();
    if proposed == 0 {
        return Err(bad(
            "approval_no",
            "nobody_proposed",
            "Phê duyệt danh sách: chưa có người nào được đề xuất (hoặc tất cả đã được phê duyệt)."
                .into(),
        ));
    }
    Ok(proposed)
}

/// Whether a training or an evaluation may be recorded at this stage: not before the list is
/// approved.
pub fn may_record(stage: MemberStage) -> Result<()> {
    if stage == MemberStage::Proposed {
        return Err(bad(
            "person",
            "not_approved",
            "Người này mới được đề xuất: ghi đào tạo, đánh giá sau khi danh sách được phê duyệt."
                .into(),
        ));
    }
    Ok(())
}

/// Whether an outcome may be recorded for this participant: not before the list is approved.
pub fn may_have_outcome(member: &ProgrammeMember) -> Result<()> {
    if member.stage == MemberStage::Proposed {
        return Err(bad(
            "outcome",
            "not_approved",
            format!(
                "{}: danh sách chưa được phê duyệt; ghi kết quả sau khi phê duyệt.",
                member.full_name
            ),
        ));
    }
    Ok(())
}

/// The stage an outcome puts a participant in: placed when appointed or elected, else left.
/// Refused once the participant has an outcome (placed or left is final).
pub fn outcome_stage(stage: MemberStage, outcome: &Outcome) -> Result<MemberStage> {
    if matches!(stage, MemberStage::Placed | MemberStage::Left) {
        return Err(bad(
            "outcome",
            "outcome_recorded",
            "Người này đã có kết quả (đã bố trí hoặc đã ra khỏi đề án).".into(),
        ));
    }
    Ok(if outcome.kind.is_some() {
        MemberStage::Placed
    } else {
        MemberStage::Left
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::programme::OutcomeKind;
    use crate::model::PartialDate;

    fn outcome(kind: Option<OutcomeKind>) -> Outcome {
        Outcome {
            kind,
            post: String::new(),
            date: PartialDate::parse("01/11/2026").unwrap(),
            decision_no: "401-QĐ/TU".into(),
            reason: String::new(),
        }
    }

    #[test]
    fn the_stages_of_a_participant() {
        use MemberStage::*;
        assert!(may_record(Proposed).is_err());
        for s in [Approved, Placed, Left] {
            assert!(may_record(s).is_ok(), "{s:?}");
        }
        let placed = outcome(Some(OutcomeKind::Appointed));
        let left = outcome(None);
        for s in [Proposed, Approved] {
            assert_eq!(outcome_stage(s, &placed).unwrap(), Placed);
            assert_eq!(outcome_stage(s, &left).unwrap(), Left);
        }
        for s in [Placed, Left] {
            assert_eq!(
                outcome_stage(s, &placed).unwrap_err().field_errors()[0].message,
                "Người này đã có kết quả (đã bố trí hoặc đã ra khỏi đề án)."
            );
        }
    }
}
