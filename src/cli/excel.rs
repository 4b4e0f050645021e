//! `quyhoach export …` and `quyhoach import …`: flags in, the use case in `quyhoach::app`,
//! and what it did printed.

use std::io::Write;
use std::path::Path;

use quyhoach::app::exports::{self, ExportInput};
use quyhoach::app::imports;
use quyhoach::import::{ImportOptions, ImportPreview, Progress};
use quyhoach::Store;

use super::out::{hinted, UserError};

pub fn export(store: &Store, input: &ExportInput) -> Result<(), UserError> {
    let r = exports::export(store, input).map_err(hinted(&[
        ("kind", "LOẠI"),
        ("term", "--term (mã nhiệm kỳ, xem `quyhoach term list`)"),
        ("out", "--out"),
    ]))?;
    eprintln!("Đã xuất {} dòng ra {}", r.rows, input.out.display());
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
            let tag = pr.severity.label();
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
    let preview = imports::preview(store, file, opts, &mut progress)?;
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
    let rejected = args.rejected.map(Path::to_path_buf).or_else(|| {
        (args.valid_only && preview.error_rows > 0).then(|| imports::default_rejected_path(file))
    });
    let import_valid_now = args.valid_only && !args.dry_run;
    if let (Some(out), false) = (&rejected, import_valid_now) {
        let n = imports::save_rejected(&preview, out)?;
        eprintln!(
            "Đã lưu {n} dòng bị từ chối (kèm lý do) vào {}",
            out.display()
        );
    }
    if !args.valid_only && preview.error_rows > 0 {
        return Err(UserError(format!(
            "Không nhập dòng nào: {} dòng có lỗi. Sửa tệp (hoặc gán cột bằng --map), hoặc dùng --skip-invalid để nhập {} dòng hợp lệ và bỏ qua các dòng lỗi.",
            preview.error_rows, preview.ok_rows
        )));
    }
    if args.dry_run {
        eprintln!("Chỉ xem trước (--dry-run): chưa ghi gì.");
        return Ok(());
    }
    if args.valid_only {
        let rejected = rejected.unwrap_or_else(|| imports::default_rejected_path(file));
        let o = imports::import_valid(store, &preview, &rejected, &mut progress)?;
        if let Some(f) = &o.rejected_file {
            eprintln!(
                "Đã lưu {} dòng bị từ chối (kèm lý do) vào {}",
                preview.error_rows,
                f.display()
            );
        }
        eprintln!(
            "Đã nhập {} người; bỏ qua {} dòng lỗi{}.",
            o.imported,
            o.rejected,
            if o.rejected_rows.is_empty() {
                String::new()
            } else {
                format!(
                    " (dòng {})",
                    o.rejected_rows
                        .iter()
                        .map(|r| r.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        );
        return Ok(());
    }
    let ids = imports::import_all(store, &preview, &mut progress)?;
    eprintln!("Đã nhập {} người.", ids.len());
    Ok(())
}
