//! The system's "Save as" and "Open" dialogs. They only choose a path: what is written or read
//! there is always a call into the core.

use std::path::PathBuf;

use tauri_plugin_dialog::DialogExt;

fn filter(kind: &str) -> (&'static str, &'static [&'static str]) {
    match kind {
        "pdf" => ("Văn bản PDF", &["pdf"]),
        "xlsx" => ("Bảng tính Excel", &["xlsx"]),
        "db" => ("Bản sao lưu", &["db"]),
        "docx" => ("Văn bản Word", &["docx"]),
        "qhcb" => ("Gói dữ liệu gửi cấp trên", &["qhcb"]),
        "key" => ("Tệp khóa công khai", &["pub", "txt"]),
        _ => ("Danh sách (Excel, CSV)", &["xlsx", "xls", "ods", "csv"]),
    }
}

/// "Save as…", starting from the suggested path; None when the clerk cancels.
#[tauri::command]
pub async fn pick_save_path(
    app: tauri::AppHandle,
    suggested: PathBuf,
    kind: String,
) -> Option<PathBuf> {
    let (name, exts) = filter(&kind);
    let mut dialog = app.dialog().file().add_filter(name, exts);
    if let Some(dir) = suggested.parent().filter(|d| d.is_dir()) {
        dialog = dialog.set_directory(dir);
    }
    if let Some(file) = suggested.file_name() {
        dialog = dialog.set_file_name(file.to_string_lossy());
    }
    dialog.blocking_save_file()?.into_path().ok()
}

/// "Open…" for a file of `kind`; None when the clerk cancels.
#[tauri::command]
pub async fn pick_open_path(app: tauri::AppHandle, kind: String) -> Option<PathBuf> {
    let (name, exts) = filter(&kind);
    app.dialog()
        .file()
        .add_filter(name, exts)
        .blocking_pick_file()?
        .into_path()
        .ok()
}

/// "Choose a folder…"; None when the clerk cancels.
#[tauri::command]
pub async fn pick_folder(app: tauri::AppHandle) -> Option<PathBuf> {
    app.dialog().file().blocking_pick_folder()?.into_path().ok()
}
