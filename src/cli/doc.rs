//! `quyhoach doc …` and `quyhoach register …`: flags in, the use case in
//! `quyhoach::app::documents`, and what it did printed.

use quyhoach::app::documents;
use quyhoach::docs::NumberState;
use quyhoach::Store;

use super::args::{Command, RegisterCommand};
use super::out::{hinted, print_json, read_text, UserError};

/// The flag that sets each field a document names.
const HINTS: &[(&str, &str)] = &[
    ("kind", "LOẠI"),
    ("date", "--date"),
    ("term", "--term"),
    ("person", "--person"),
    ("number", "--number"),
    ("signer.name", "--signer"),
    ("signer.title", "--signer-title"),
    ("signer.on_behalf", "--on-behalf"),
    ("text", "--text"),
    ("out", "--out"),
    ("programme", "--programme"),
    ("approving_body", "--approving-body"),
];

pub fn run(store: &mut Store, cmd: &Command) -> Result<(), UserError> {
    let Command::Doc {
        input,
        thay_mat,
        chuc_vu,
        nguoi_ky,
        van_ban,
    } = cmd
    else {
        return Ok(());
    };
    let hint = hinted(HINTS);
    // A refused number also names the flag that confirms the gap or the correction.
    let err = |e: quyhoach::CoreError| {
        let extra: Vec<&str> = e
            .field_errors()
            .iter()
            .filter_map(|f| match f.rule.as_str() {
                "gap" => Some("Để trống các số đó: thêm --skip-numbers \"lý do\"."),
                "date_changed" => Some("Đính chính ngày ban hành: thêm --correct-date \"lý do\"."),
                "no_number" => Some("Loại văn bản này lưu không cấp số: bỏ --issue và --number."),
                _ => None,
            })
            .collect();
        let mut u = hint(e);
        for x in extra {
            u.0.push_str(&format!("\n  {x}"));
        }
        u
    };
    let signer = if thay_mat.is_some() || chuc_vu.is_some() || nguoi_ky.is_some() {
        Some(documents::signer_with(
            store,
            thay_mat.as_deref(),
            chuc_vu.as_deref(),
            nguoi_ky.as_deref(),
        )?)
    } else {
        None
    };
    let text = match van_ban {
        Some(f) => Some(documents::read_text(&read_text(f)?).map_err(&err)?),
        None => None,
    };
    let mut input = input.clone();
    input.fields.signer = signer;
    input.fields.text = text;
    if input.fields.issue {
        let v = documents::violations(store, &input).map_err(&err)?;
        if !v.is_empty() {
            eprintln!(
                "Lưu ý: quy hoạch còn {} trường hợp chưa đúng quy định (văn bản sẽ nêu rõ):",
                v.len()
            );
            for f in v {
                eprintln!("  - {}", f.message);
            }
        }
    }
    let made = documents::save(store, &input).map_err(&err)?;
    let what = match (&made.number, made.draft) {
        (Some(n), _) => format!(" {n}"),
        (None, true) => " (bản nháp, chưa cấp số; dùng --issue để cấp số)".to_string(),
        (None, false) => String::new(),
    };
    eprintln!(
        "Đã lưu {}{what}{} ({} trang) vào {}",
        documents::kind_of(&input.kind)
            .map(|k| k.label())
            .unwrap_or_default(),
        if made.format == quyhoach::docs::DocFormat::Docx {
            ", văn bản Word"
        } else {
            ""
        },
        made.pages,
        input.out.display()
    );
    if let Some(note) = &made.register_note {
        eprintln!("{note}");
    }
    Ok(())
}

pub fn register(store: &mut Store, cmd: &RegisterCommand) -> Result<(), UserError> {
    match cmd {
        RegisterCommand::List { json } => {
            let rows = documents::register(store)?;
            if *json {
                print_json(&rows)?;
            } else {
                for r in rows {
                    let state = match r.state {
                        NumberState::Issued => String::new(),
                        NumberState::Cancelled => format!(
                            "  [ĐÃ HỦY {}: {}]",
                            r.cancelled_at.as_deref().unwrap_or_default(),
                            r.cancel_reason.as_deref().unwrap_or_default()
                        ),
                        NumberState::Skipped => format!(
                            "  [BỎ QUA (ĐỂ TRỐNG): {}]",
                            r.skip_reason.as_deref().unwrap_or_default()
                        ),
                    };
                    let fixes: String = r
                        .corrections
                        .iter()
                        .map(|c| {
                            format!(
                                "  [ĐÍNH CHÍNH NGÀY {} → {} ({}): {}]",
                                c.old_date, c.new_date, c.recorded_on, c.reason
                            )
                        })
                        .collect();
                    println!("{}\t{}\t{}{state}{fixes}", r.text, r.date, r.summary);
                }
            }
        }
        RegisterCommand::Cancel {
            type_code,
            term,
            so,
            reason,
        } => {
            let r = documents::cancel_number(store, type_code, term, *so, reason)?;
            eprintln!(
                "Đã hủy {} (lý do: {}); số này không được cấp lại.",
                r.text, reason
            );
        }
    }
    Ok(())
}
