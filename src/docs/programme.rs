//! "Báo cáo kết quả thực hiện Đề án …" (seed 000): the Party frame, the programme's decision, its
//! figures by stage, and the annex listing every participant with their trainings, evaluations
//! and outcome. The annex table (`report::lists::programme_table`) is also what the Excel export
//! of the list writes.

use super::frame::{self, body, heading};
use super::{DocRequest, Resolved};
use crate::document::Document;
use crate::error::{CoreError, Result};
use crate::model::plan::Programme;
use crate::model::programme::{MemberStage, ProgrammeRecordKind};
use crate::model::Unit;
use crate::store::Store;

fn count(p: &Programme, stage: MemberStage) -> usize {
    p.members.iter().filter(|m| m.stage == stage).count()
}

pub(super) fn build(
    store: &Store,
    unit: &Unit,
    req: &DocRequest,
    r: &Resolved,
) -> Result<Document> {
    let id = req
        .programme_id
        .ok_or_else(|| CoreError::Validation(vec![super::Needs::Programme.missing(req.kind)]))?;
    let p = store.programme(id)?;
    let summary = format!("kết quả thực hiện {}", p.name);
    let layout = &r.settings.layout;
    let body = |t: &str| body(t, layout);
    let heading = |t: &str| heading(t, layout);
    let mut main = frame::open_body(
        unit,
        r.number_line.as_deref(),
        req.date,
        "Báo cáo",
        &summary,
        &r.settings,
    );
    let mut paras = Vec::new();
    let mut basis = format!("Thực hiện {}", p.name);
    if !p.decision_no.is_empty() {
        basis.push_str(&format!(" (Quyết định số {}", p.decision_no));
        if let Some(d) = &p.decision_date {
            basis.push_str(&format!(" ngày {}", d.to_display()));
        }
        if !p.deciding_body.is_empty() {
            let body = super::approval::full_name(&p.deciding_body, unit);
            basis.push_str(&format!(" của {body}"));
        }
        basis.push(')');
    }
    basis.push_str(&format!(
        ", giai đoạn {}–{}, {} báo cáo kết quả thực hiện như sau:",
        p.start_year, p.end_year, unit.name
    ));
    paras.push(body(&basis));
    paras.push(heading("I- TUYỂN CHỌN VÀ PHÊ DUYỆT DANH SÁCH"));
    let approved = p.members.len() - count(&p, MemberStage::Proposed);
    let mut line = format!(
        "Tổng số cán bộ được đề xuất tham gia Đề án: {} đồng chí; được phê duyệt: {approved} đồng chí",
        p.members.len()
    );
    if !p.approval_no.is_empty() {
        line.push_str(&format!(" (Quyết định số {}", p.approval_no));
        if let Some(d) = &p.approval_date {
            line.push_str(&format!(" ngày {}", d.to_display()));
        }
        line.push(')');
    }
    line.push('.');
    paras.push(body(&line));
    paras.push(heading("II- ĐÀO TẠO, BỒI DƯỠNG VÀ ĐÁNH GIÁ"));
    let trainings: usize = p
        .members
        .iter()
        .map(|m| {
            m.records
                .iter()
                .filter(|r| r.kind == ProgrammeRecordKind::Training.code())
                .count()
        })
        .sum();
    let evaluations: usize = p
        .members
        .iter()
        .map(|m| {
            m.records
                .iter()
                .filter(|r| r.kind == ProgrammeRecordKind::Evaluation.code())
                .count()
        })
        .sum();
    paras.push(body(&format!(
        "Đã tổ chức đào tạo, bồi dưỡng {trainings} lượt; đánh giá hằng năm {evaluations} lượt (chi tiết tại Phụ lục)."
    )));
    paras.push(heading("III- KẾT QUẢ BỐ TRÍ CÁN BỘ"));
    paras.push(body(&format!(
        "Được bổ nhiệm, bầu giữ chức vụ: {} đồng chí; ra khỏi Đề án: {} đồng chí; đang tiếp tục thực hiện: {} đồng chí.",
        count(&p, MemberStage::Placed),
        count(&p, MemberStage::Left),
        count(&p, MemberStage::Approved)
    )));
    paras.extend(r.text.closing.iter().map(|t| body(t)));
    let recipients = frame::recipient_lines(&r.recipients, false);
    frame::close_body(&mut main, paras, &r.signer, &recipients, layout);

    // The annex: landscape, numbered on its own (HD 05), "Phụ lục", its title, the parent line.
    let mut annex = frame::annex_section(&r.settings);
    let attached = frame::attached_line("Báo cáo", r.number_line.as_deref(), req.date, unit);
    let table = crate::report::lists::programme_table(&p);
    annex.blocks.extend(frame::annex_heading(
        Some("Phụ lục"),
        &table.title.clone(),
        Some(&attached),
    ));
    annex.push(frame::annex_table(table));
    annex.push(frame::signature(&r.signer, &[], layout));
    Ok(Document {
        title: summary,
        sections: vec![main, annex],
    })
}
