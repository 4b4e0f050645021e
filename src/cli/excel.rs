//! `quyhoach export …` and `quyhoach import …`: argument handling and output only.

use std::io::Write;
use std::path::Path;

use chrono::Datelike;
use quyhoach::import::{ImportOptions, ImportPreview, Progress, Severity};
use quyhoach::xlsx::plan::PlanExport;
use quyhoach::xlsx::{ExportKind, ExportMeta, Template};
use quyhoach::Store;

use super::run::UserError;

pub struct ExportArgs<'a> {
    pub kind: &'a str,
    pub out: &'a Path,
    pub template: Option<&'a Path>,
    pub attached_to: Option<String>,
    pub term: Option<&'a str>,
    pub year: Option<i32>,
}

pub fn export(store: &Store, a: &ExportArgs) -> Result<(), UserError> {
    let kind = ExportKind::from_code(a.kind).ok_or_else(|| {
        UserError(format!(
            "Loại “{}” không có; hãy chọn: {}.",
            a.kind,
            ExportKind::ALL.map(|k| k.code()).join(", ")
        ))
    })?;
    let template = match a.template {
        Some(t) => Template::from_json(
            &std::fs::read_to_string(t)
                .map_err(|e| format!("Không đọc được mẫu “{}”: {e}", t.display()))?,
            kind,
        )?,
        None => kind.default_template(),
    };
    let meta = ExportMeta {
        attached_to: a.attached_to.clone(),
    };
    let year = a.year.unwrap_or_else(|| store.today().year());
    let term = || {
        a.term.ok_or_else(|| {
            UserError(format!(
                "Xuất “{}” cần --term (mã nhiệm kỳ, xem `quyhoach term list`).",
                kind.code()
            ))
        })
    };
    let plan = |term_code| PlanExport {
        term_code,
        rating_year: year - 1,
        as_of: store.today(),
    };
    let r = match kind {
        ExportKind::CanBo => store.export_people(a.out, &template, &meta)?,
        ExportKind::TrichNgang => {
            store.export_plan_list(a.out, &template, &meta, &plan(term()?))?
        }
        ExportKind::CoCau => store.export_structure(a.out, &template, &meta, term()?)?,
        ExportKind::RaSoat => store.export_review(a.out, &template, &meta, &plan(term()?), year)?,
        ExportKind::DaoTao => {
            store.export_training_gaps(a.out, &template, &meta, &plan(term()?))?
        }
    };
    eprintln!("Đã xuất {} dòng ra {}", r.rows, a.out.display());
    Ok(())
}

fn print_preview(p: &ImportPreview) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "Trang: {}", p.sheet);
    if let Some(l) = p.legacy {
        let _ = writeln!(out, "Mã chữ cũ: {} — đã chuyển sang Unicode.", l.label());
    }
    for c in &p.header.columns {
        if let Some(f) = &c.field {
            let _ = writeln!(out, "  Cột {} “{}” → {f}", c.letter, c.header);
        }
    }
    for u in &p.unmapped {
        let _ = writeln!(out, "  Cột {u}: không nhận ra, bỏ qua (gán bằng --map).");
    }
    for r in &p.rows {
        for pr in &r.problems {
            let tag = match pr.severity {
                Severity::Loi => "Lỗi",
                Severity::CanhBao => "Lưu ý",
            };
            let col = pr
                .column
                .as_deref()
                .map(|c| format!(", cột {c}"))
                .unwrap_or_default();
            let _ = writeln!(out, "Dòng {}{col} — {tag}: {}", r.row, pr.message);
        }
    }
    let _ = writeln!(
        out,
        "{} dòng nhập được, {} dòng có lỗi.",
        p.ok_rows, p.error_rows
    );
}

pub struct ImportArgs<'a> {
    pub dry_run: bool,
    /// Import the valid rows and leave the rows with errors out (saved to `rejected`).
    pub valid_only: bool,
    pub rejected: Option<&'a Path>,
    pub json: bool,
}

pub fn import(
    store: &mut Store,
    file: &Path,
    opts: &ImportOptions,
    args: &ImportArgs,
) -> Result<(), UserError> {
    let mut progress = |p: Progress| {
        if p.total >= 2000 {
            eprint!("\r{}: {}/{}   ", p.stage, p.done, p.total);
            if p.done == p.total {
                eprintln!();
            }
        }
    };
    let preview = store.preview_import(file, opts, &mut progress)?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&preview).map_err(|e| e.to_string())?
        );
    } else {
        print_preview(&preview);
    }
    if preview.remembered {
        eprintln!("Dùng cách gán cột đã chọn lần trước cho danh sách có cùng dòng tiêu đề.");
    }
    let default_rejected = file.with_file_name(format!(
        "{} (dòng không nhập).xlsx",
        file.file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default()
    ));
    let rejected = args
        .rejected
        .or(if args.valid_only && preview.error_rows > 0 {
            Some(default_rejected.as_path())
        } else {
            None
        });
    if let Some(out) = rejected {
        let n = quyhoach::import::write_rejected(&preview, out)?;
        eprintln!(
            "Đã lưu {n} dòng bị từ chối (kèm lý do) vào {}",
            out.display()
        );
    }
    if !args.valid_only && preview.error_rows > 0 {
        return Err(UserError(format!(
            "Không nhập dòng nào: {} dòng có lỗi. Sửa tệp (hoặc gán cột bằng --map), hoặc dùng --bo-dong-loi để nhập {} dòng hợp lệ và bỏ qua các dòng lỗi.",
            preview.error_rows, preview.ok_rows
        )));
    }
    if args.dry_run {
        eprintln!("Chỉ xem trước (--dry-run): chưa ghi gì.");
        return Ok(());
    }
    if args.valid_only {
        let o = store.import_valid_people(&preview, &mut progress)?;
        store.remember_import_map(&preview)?;
        eprintln!(
            "Đã nhập {} người; bỏ qua {} dòng lỗi{}.",
            o.imported,
            o.skipped_rows.len(),
            if o.skipped_rows.is_empty() {
                String::new()
            } else {
                format!(
                    " (dòng {})",
                    o.skipped_rows
                        .iter()
                        .map(|r| r.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        );
        return Ok(());
    }
    let ids = store.import_people(&preview, &mut progress)?;
    store.remember_import_map(&preview)?;
    eprintln!("Đã nhập {} người.", ids.len());
    Ok(())
}
