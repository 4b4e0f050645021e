//! `quyhoach doc …`: the PDF documents. Argument handling and output only.

use quyhoach::docs::{DocKind, DocRequest, DocText};
use quyhoach::model::PartialDate;
use quyhoach::Store;

use super::args::{Command, RegisterCommand};
use super::run::UserError;

pub fn run(store: &mut Store, cmd: &Command) -> Result<(), UserError> {
    let Command::Doc {
        kind,
        out,
        term,
        nam,
        nguoi,
        issue,
        so,
        ngay,
        thay_mat,
        chuc_vu,
        nguoi_ky,
        noi_nhan,
        van_ban,
        kem_theo,
    } = cmd
    else {
        return Ok(());
    };
    let kind = DocKind::from_code(kind).ok_or_else(|| {
        UserError(format!(
            "Loại văn bản “{kind}” không có; hãy chọn: {}.",
            DocKind::ALL
                .iter()
                .map(|k| k.code())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })?;
    let date = match ngay {
        Some(t) => {
            let d =
                PartialDate::parse(t).map_err(|e| UserError(format!("Ngày văn bản: {}", e.0)))?;
            if d.precision() != quyhoach::model::Precision::Day {
                return Err(UserError(format!(
                    "Ngày văn bản: “{t}” phải đủ ngày, tháng, năm (dd/mm/yyyy)."
                )));
            }
            d.earliest()
        }
        None => store.today(),
    };
    let mut req = DocRequest::new(kind, date);
    req.term_code = term.clone();
    if let Some(y) = nam {
        req.year = *y;
    }
    req.person_id = *nguoi;
    req.number = *so;
    req.issue = *issue;
    req.attached_to = kem_theo.clone();
    if thay_mat.is_some() || chuc_vu.is_some() || nguoi_ky.is_some() {
        let mut s = store.doc_settings()?.signer;
        if let Some(v) = thay_mat {
            s.on_behalf = v.clone();
        }
        if let Some(v) = chuc_vu {
            s.title = v.clone();
        }
        if let Some(v) = nguoi_ky {
            s.name = v.clone();
        }
        req.signer = Some(s);
    }
    if !noi_nhan.is_empty() {
        req.recipients = Some(noi_nhan.clone());
    }
    if let Some(f) = van_ban {
        let text = std::fs::read_to_string(f)
            .map_err(|e| UserError(format!("Không đọc được “{}”: {e}", f.display())))?;
        let t: DocText = serde_json::from_str(&text)
            .map_err(|e| UserError(format!("Các đoạn văn (“{}”): {e}", f.display())))?;
        req.text = Some(t);
    }
    if req.issue && kind == DocKind::ToTrinh {
        if let Some(term) = req.term_code.as_deref() {
            let report = store.plan_data(term)?.check(store.today());
            let v: Vec<_> = report
                .findings
                .iter()
                .filter(|f| f.severity == quyhoach::rules::check::Severity::Violation)
                .collect();
            if !v.is_empty() {
                eprintln!(
                    "Lưu ý: quy hoạch còn {} trường hợp chưa đúng quy định (Tờ trình sẽ nêu rõ):",
                    v.len()
                );
                for f in v {
                    eprintln!("  - {}", f.message);
                }
            }
        }
    }
    let made = store.save_document(&req, out)?;
    let what = match (&made.number, made.draft) {
        (Some(n), _) => format!(" {n}"),
        (None, true) => " (bản nháp, chưa cấp số; dùng --issue để cấp số)".to_string(),
        (None, false) => String::new(),
    };
    eprintln!(
        "Đã lưu {}{what} ({} trang) vào {}",
        kind.label(),
        made.pages,
        out.display()
    );
    Ok(())
}

pub fn register(store: &mut Store, cmd: &RegisterCommand) -> Result<(), UserError> {
    match cmd {
        RegisterCommand::List { json } => {
            let rows = store.doc_register()?;
            if *json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&rows).unwrap_or_default()
                );
            } else {
                for r in rows {
                    let cancelled = match (&r.cancelled_at, &r.cancel_reason) {
                        (Some(at), reason) => {
                            format!("  [ĐÃ HỦY {at}: {}]", reason.as_deref().unwrap_or_default())
                        }
                        _ => String::new(),
                    };
                    println!("{}\t{}\t{}{cancelled}", r.text, r.date, r.summary);
                }
            }
        }
        RegisterCommand::Cancel {
            type_code,
            term,
            so,
            reason,
        } => {
            let r = store.cancel_doc_number(type_code, term, *so, reason)?;
            eprintln!(
                "Đã hủy {} (lý do: {}); số này không được cấp lại.",
                r.text, reason
            );
        }
    }
    Ok(())
}
