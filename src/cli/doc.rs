//! `quyhoach doc …`: the PDF documents. Argument handling and output only.

use quyhoach::docs::{DocKind, DocRequest, DocText};
use quyhoach::model::PartialDate;
use quyhoach::Store;

use super::args::Command;
use super::run::UserError;

pub fn run(store: &mut Store, cmd: &Command) -> Result<(), UserError> {
    let Command::Doc {
        kind,
        out,
        term,
        nam,
        nguoi,
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
            DocKind::ALL.map(|k| k.code()).join(", ")
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
    let made = store.save_document(&req, out)?;
    eprintln!(
        "Đã lưu {}{} ({} trang) vào {}",
        kind.label(),
        made.number.map(|n| format!(" {n}")).unwrap_or_default(),
        made.pages,
        out.display()
    );
    Ok(())
}
