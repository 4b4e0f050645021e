//! "Báo cáo dự báo nguồn cán bộ" (issue 23): the Party frame, the forecast's counters and the
//! targets first missed as the report's text, then the annex: the grid (ten years a table) and
//! the structure if nothing changes. Every figure is the forecast's
//! (`rules::forecast::forecast`), the tables are `report::forecast`'s, which the workbook writes.

use super::frame::{self, body, heading};
use super::{DocRequest, Resolved};
use crate::document::{Block, Document};
use crate::error::{CoreError, Result};
use crate::model::Unit;
use crate::report::forecast::{grid_legend, grid_table, structure_table};
use crate::rules::forecast::{forecast, horizon_refusal, milestones, DEFAULT_HORIZON};
use crate::rules::targets::body_label;
use crate::store::Store;

/// Years a printed grid table holds.
const YEARS_PER_TABLE: usize = 10;

pub(super) fn build(
    store: &Store,
    unit: &Unit,
    req: &DocRequest,
    r: &Resolved,
) -> Result<Document> {
    let term = req.term_code.clone().unwrap_or_default();
    let data = store.plan_data(&term)?;
    let everyone = store.all_people()?;
    let years = req.horizon.unwrap_or(DEFAULT_HORIZON);
    if let Some(why) = horizon_refusal(years) {
        return Err(CoreError::validation("horizon", "range", why));
    }
    let f = forecast(&data, &everyone, store.today(), req.year, years);
    let summary = format!(
        "dự báo nguồn cán bộ kế cận giai đoạn {}–{}",
        f.from_year, f.to_year
    );
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
    let mut paras = vec![body(&format!(
        "Thực hiện {} về rà soát chất lượng, cơ cấu nguồn cán bộ trong quy hoạch hằng năm, {} báo cáo dự báo nguồn cán bộ kế cận của quy hoạch nhiệm kỳ {} trong {years} năm ({}–{}), tính theo hồ sơ cán bộ và quy hoạch hiện có, như sau:",
        crate::rules::ruleset::HD45_NAME,
        unit.name,
        f.term,
        f.from_year,
        f.to_year
    ))];
    paras.push(heading("I- CÁCH TÍNH"));
    paras.push(body(&format!(
        "Người đang giữ chức danh rời chức danh vào tháng đủ tuổi nghỉ hưu (Nghị định 135/2020/NĐ-CP) hoặc vào ngày kết thúc đã ghi trong hồ sơ. Một người trong quy hoạch là nguồn kế cận của chức danh trong một năm khi chưa nghỉ hưu ngày 01/01 năm đó và còn ít nhất {} tháng công tác tính từ tháng 01 năm đó. Cơ cấu được tính với giả định không bổ sung ai: mỗi năm mọi người thêm một tuổi, ai đến tuổi nghỉ hưu thì ra.",
        f.min_months
    )));
    paras.push(heading("II- KẾT QUẢ DỰ BÁO"));
    let c = &f.counters;
    let names = |codes: &[String]| {
        codes
            .iter()
            .map(|code| {
                f.post(code)
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| code.clone())
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let with = |n: usize, list: String| {
        if n == 0 {
            "không có.".to_string()
        } else {
            format!("{n} ({list}).")
        }
    };
    paras.push(body(&format!(
        "1. Chức danh chưa có ai trong quy hoạch: {}",
        with(
            c.posts_without_successor.len(),
            names(&c.posts_without_successor)
        )
    )));
    paras.push(body(&format!(
        "2. Chức danh có người đang giữ nghỉ trong kỳ dự báo mà năm đó không còn ai kế cận: {}",
        with(
            c.holders_leaving_uncovered.len(),
            names(&c.holders_leaving_uncovered)
        )
    )));
    let aged: Vec<String> = c
        .aged_out_before_term
        .iter()
        .filter_map(|id| data.people.get(id).map(|p| p.full_name.clone()))
        .collect();
    paras.push(body(&format!(
        "3. Người trong quy hoạch đến tuổi nghỉ hưu trước mốc tính tuổi của nhiệm kỳ ({}): {}",
        f.reference_month.display(),
        with(aged.len(), aged.join("; "))
    )));
    if c.targets_missed.is_empty() {
        paras.push(body(
            "4. Chỉ tiêu cơ cấu của đơn vị: không có chỉ tiêu nào bị hụt trong kỳ dự báo nếu giữ nguyên quy hoạch.",
        ));
    } else {
        paras.push(body(
            "4. Chỉ tiêu cơ cấu của đơn vị không đạt nếu không bổ sung quy hoạch:",
        ));
        for m in &c.targets_missed {
            paras.push(body(&format!(
                "- {}, {}: không đạt chỉ tiêu {} (đặt cho năm {}) từ năm {}.",
                body_label(&m.body),
                m.indicator.label().to_lowercase(),
                m.indicator.target_text(m.target),
                m.since,
                m.year
            )));
        }
    }
    paras.push(body(
        "Chi tiết theo từng chức danh, từng năm tại Phụ lục kèm theo.",
    ));
    paras.extend(r.text.closing.iter().map(|t| body(t)));
    let recipients = frame::recipient_lines(&r.recipients, false);
    frame::close_body(&mut main, paras, &r.signer, &recipients, layout);

    // The annex: the grid ten years a table, the legend, then the structure at the milestones.
    let mut annex = frame::annex_section(&r.settings);
    let attached = frame::attached_line("Báo cáo", r.number_line.as_deref(), req.date, unit);
    let all: Vec<i32> = (f.from_year..=f.to_year).collect();
    for (i, years) in all.chunks(YEARS_PER_TABLE).enumerate() {
        let mut table = grid_table(&f, years, true);
        if i > 0 {
            table.title = format!("{} (tiếp)", table.title);
        }
        annex.blocks.extend(frame::annex_heading(
            (i == 0).then_some("Phụ lục"),
            &table.title.clone(),
            (i == 0).then_some(attached.as_str()),
        ));
        annex.push(frame::annex_table(table));
    }
    annex.blocks.push(Block::from(body(&grid_legend())));
    let marked: Vec<i32> = milestones(&data, f.from_year, f.to_year)
        .into_iter()
        .filter(|(y, why)| !why.is_empty() || *y == f.from_year || *y == f.to_year)
        .map(|(y, _)| y)
        .collect();
    let table = structure_table(&f, &marked);
    annex
        .blocks
        .extend(frame::annex_heading(None, &table.title.clone(), None));
    annex.push(frame::annex_table(table));
    annex.push(frame::signature(&r.signer, &[], layout));
    Ok(Document {
        title: summary,
        sections: vec![main, annex],
    })
}
