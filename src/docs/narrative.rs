//! The Tờ trình asking the superior committee to approve a term's plan (with the trích ngang annex)
//! and the report of a yearly review (with its annex): the Party frame, the clerk's paragraphs
//! around the computed figures, the signature kept with the last lines of the body.

use super::figures;
use super::frame::{self, body, heading};
use super::lists::term_label;
use super::{DocRequest, Resolved};
use crate::document::{Align, Document, Paragraph, Run};
use crate::error::Result;
use crate::model::Unit;
use crate::report::plan::{plan_list_rows, review_event, review_rows, REVIEW_GROUPS};
use crate::report::ExportKind;
use crate::rules::check::check;
use crate::store::plan::PlanData;
use crate::store::Store;

/// The two narrative kinds: the Tờ trình proposing a term's plan and the yearly review report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Narrative {
    Proposal,
    Review,
}

fn default_opening(kind: Narrative, data: &PlanData, unit: &Unit, year: i32) -> Vec<String> {
    let term = term_label(&data.term.code);
    match kind {
        Narrative::Proposal => vec![
            format!(
                "Căn cứ {} và các hướng dẫn của cấp trên về công tác quy hoạch cán bộ.",
                data.rules.name
            ),
            format!(
                "Trên cơ sở kết quả giới thiệu nhân sự tại các hội nghị, {} đã tiến hành quy trình xây dựng quy hoạch cán bộ nhiệm kỳ {term}. Kết quả cụ thể như sau:",
                unit.name
            ),
        ],
        Narrative::Review => vec![format!(
            "Thực hiện quy định về rà soát, bổ sung quy hoạch cán bộ hằng năm, {} đã tiến hành rà soát quy hoạch nhiệm kỳ {term} năm {year}. Kết quả như sau:",
            unit.name
        )],
    }
}

fn default_closing(kind: Narrative, unit: &Unit, addressee: &str) -> Vec<String> {
    match kind {
        Narrative::Proposal => vec![format!(
            "Ban Thường vụ {} kính trình {addressee} xem xét, phê duyệt.",
            unit.name
        )],
        Narrative::Review => vec![format!(
            "Trên đây là báo cáo kết quả rà soát, bổ sung quy hoạch cán bộ của {}.",
            unit.name
        )],
    }
}

/// The body paragraphs in order; the last is kept with the signature.
fn body_paras(
    kind: Narrative,
    data: &PlanData,
    req: &DocRequest,
    r: &Resolved,
    unit: &Unit,
    addressee: &str,
) -> Vec<Paragraph> {
    let mut opening = if r.text.opening.is_empty() {
        default_opening(kind, data, unit, req.year)
    } else {
        r.text.opening.clone()
    };
    frame::close_legal_bases(&mut opening);
    let layout = &r.settings.layout;
    let body = |t: &str| body(t, layout);
    let heading = |t: &str| heading(t, layout);
    let closing = if r.text.closing.is_empty() {
        default_closing(kind, unit, addressee)
    } else {
        r.text.closing.clone()
    };
    let report = check(data, req.date);
    let mut paras: Vec<Paragraph> = opening.iter().map(|t| body(t)).collect();
    match kind {
        Narrative::Proposal => {
            paras.push(heading("I- DANH SÁCH GIỚI THIỆU QUY HOẠCH"));
            let lines = figures::per_position(data);
            if lines.is_empty() {
                paras.push(body("- Chưa có đồng chí nào được giới thiệu quy hoạch."));
            }
            paras.extend(lines.iter().map(|t| body(t)));
            paras.push(body("(Có danh sách trích ngang kèm theo tại Phụ lục.)"));
        }
        Narrative::Review => {
            paras.push(heading("I- KẾT QUẢ RÀ SOÁT, BỔ SUNG"));
            for (i, (step, title)) in REVIEW_GROUPS.iter().enumerate() {
                let mut names = Vec::new();
                for e in &data.entries {
                    let Some(ev) = review_event(e, *step, req.year) else {
                        continue;
                    };
                    let (Some(p), Some(pos)) = (
                        data.people.get(&e.person_id),
                        data.positions.iter().find(|x| x.id == Some(e.position_id)),
                    ) else {
                        continue;
                    };
                    let why = match (ev.reason, ev.decision_no.is_empty()) {
                        (Some(reason), false) => {
                            format!(" – {}, {}", reason.label().to_lowercase(), ev.decision_no)
                        }
                        (Some(reason), true) => format!(" – {}", reason.label().to_lowercase()),
                        _ => String::new(),
                    };
                    names.push(format!("{} ({}{why})", p.full_name, pos.name));
                }
                let title = title.to_lowercase();
                let mut chars = title.chars();
                let title: String = chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default();
                paras.push(body(&format!(
                    "{}- {title}: {} lượt đồng chí{}",
                    i + 1,
                    names.len(),
                    if names.is_empty() {
                        ".".to_string()
                    } else {
                        format!(": {}.", names.join("; "))
                    }
                )));
            }
            paras.push(body("(Có danh sách kèm theo tại Phụ lục.)"));
        }
    }
    paras.push(heading("II- CƠ CẤU, CHẤT LƯỢNG"));
    paras.extend(figures::structure(&report.stats).iter().map(|t| body(t)));
    paras.push(heading("III- ĐỐI CHIẾU VỚI QUY ĐỊNH VÀ CHỈ TIÊU"));
    paras.extend(figures::comparison(&report).iter().map(|t| body(t)));
    paras.extend(closing.iter().map(|t| body(t)));
    paras
}

/// The Tờ trình of a term's plan, with its trích ngang annex.
pub(super) fn build_proposal(
    store: &Store,
    unit: &Unit,
    req: &DocRequest,
    r: &Resolved,
) -> Result<Document> {
    build(Narrative::Proposal, store, unit, req, r)
}

/// The report of a yearly review, with its annex.
pub(super) fn build_review(
    store: &Store,
    unit: &Unit,
    req: &DocRequest,
    r: &Resolved,
) -> Result<Document> {
    build(Narrative::Review, store, unit, req, r)
}

fn build(
    kind: Narrative,
    store: &Store,
    unit: &Unit,
    req: &DocRequest,
    r: &Resolved,
) -> Result<Document> {
    let term = req.term_code.as_deref().unwrap_or_default();
    let mut data = store.plan_data(term)?;
    let number = r.number_line.clone();
    // A Tờ trình goes to the body approving its posts; a review report made for one approving
    // body covers only its posts and goes to it too (seed 004). Otherwise the superior's.
    let addressee = match (kind, req.approving_body.as_deref()) {
        (Narrative::Proposal, body) | (Narrative::Review, body @ Some(_)) => {
            super::approval::select(&mut data, body, unit)?
        }
        (Narrative::Review, None) => frame::superior_standing_committee(&unit.superior_body),
    };
    let (type_name, summary) = match kind {
        Narrative::Proposal => (
            "Tờ trình",
            format!(
                "đề nghị phê duyệt quy hoạch cán bộ nhiệm kỳ {}",
                term_label(term)
            ),
        ),
        Narrative::Review => (
            "Báo cáo",
            format!(
                "kết quả rà soát, bổ sung quy hoạch cán bộ năm {}, nhiệm kỳ {}",
                req.year,
                term_label(term)
            ),
        ),
    };
    let layout = &r.settings.layout;
    let mut main = frame::open_body(
        unit,
        number.as_deref(),
        req.date,
        type_name,
        &summary,
        &r.settings,
    );
    if kind == Narrative::Proposal {
        // HD 05: a Tờ trình is "Kính trình" (14, italic) to the body above, under the summary.
        main.push(
            Paragraph::new(
                vec![
                    Run::italic("Kính trình:"),
                    Run::plain(format!(" {addressee}")),
                ],
                14.0,
            )
            .align(Align::Center)
            .line_height(18.0)
            .after(8.0),
        );
    }
    let recipients = frame::recipient_lines(&r.recipients, kind == Narrative::Proposal);
    let mut paras = body_paras(kind, &data, req, r, unit, &addressee);
    // The package sent up with it (issue 25) is vouched for by this paper: its signing key's
    // fingerprint, to compare when the province registers the key or receives the package.
    if kind == Narrative::Proposal {
        if let Some(fp) = crate::app::exchange::fingerprint(store)? {
            paras.push(frame::body(
                &format!(
                    "Gói dữ liệu quy hoạch gửi kèm (tệp .qhcb) được ký bằng khóa của {} có dấu vân tay {fp}; đề nghị đối chiếu dấu vân tay này khi đăng ký khóa và khi nhận gói.",
                    unit.name
                ),
                layout,
            ));
        }
    }
    frame::close_body(&mut main, paras, &r.signer, &recipients, layout);

    // The annex: landscape, "Phụ lục", its title, the line naming this document.
    let mut annex = frame::annex_section(&r.settings);
    let attached = frame::attached_line(type_name, number.as_deref(), req.date, unit);
    let rating_year = req.year - 1;
    let (table, title) = match kind {
        Narrative::Proposal => (
            plan_list_rows(
                &data,
                &ExportKind::TrichNgang.default_template(),
                rating_year,
            )?,
            format!(
                "Danh sách trích ngang cán bộ quy hoạch nhiệm kỳ {}",
                term_label(term)
            ),
        ),
        Narrative::Review => (
            review_rows(
                &data,
                &ExportKind::RaSoat.default_template(),
                rating_year,
                req.year,
            )?,
            format!("Kết quả rà soát, bổ sung quy hoạch cán bộ năm {}", req.year),
        ),
    };
    annex.blocks.extend(frame::annex_heading(
        Some("Phụ lục"),
        &title,
        Some(&attached),
    ));
    annex.push(frame::annex_table(table));
    annex.push(frame::signature(&r.signer, &[], layout));
    Ok(Document {
        title: summary,
        sections: vec![main, annex],
    })
}
