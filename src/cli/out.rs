//! What every CLI command shares: the error shown to the user, its hints (the flag that sets
//! each field the core names), JSON in and out.

use std::io::Read;
use std::path::Path;

use quyhoach::CoreError;

/// A failure shown to the user (exit code 1).
pub struct UserError(pub String);

impl From<CoreError> for UserError {
    fn from(e: CoreError) -> Self {
        UserError(message(&e, &[]))
    }
}
impl From<String> for UserError {
    fn from(s: String) -> Self {
        UserError(s)
    }
}

pub type Out = Result<(), UserError>;

/// The core's message; a field error gets the flag that sets the field, from `hints`
/// (field → flag), so the user knows what to change on the command line.
pub fn message(e: &CoreError, hints: &[(&str, &str)]) -> String {
    let flag = |field: &str| {
        hints
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, flag)| *flag)
    };
    if let CoreError::NotFound(f) = e {
        return match flag(&f.field) {
            Some(flag) => format!("{} (sửa ở {flag})", f.message),
            None => f.message.clone(),
        };
    }
    let fields = e.field_errors();
    if fields.is_empty() {
        return e.to_string();
    }
    let mut s = String::from("Dữ liệu chưa hợp lệ, không có gì được ghi:");
    for f in fields {
        match flag(&f.field) {
            Some(flag) => s.push_str(&format!("\n  - {} (sửa ở {flag})", f.message)),
            None => s.push_str(&format!("\n  - [{}] {}", f.field, f.message)),
        }
    }
    s
}

/// Turns a core error into the user's message with the command's hints.
pub fn hinted(hints: &'static [(&'static str, &'static str)]) -> impl Fn(CoreError) -> UserError {
    move |e| UserError(message(&e, hints))
}

/// A JSON value from a file, or standard input when the file is "-" or not given.
pub fn read_json(file: Option<&Path>) -> Result<serde_json::Value, UserError> {
    let text = match file {
        Some(f) if f != Path::new("-") => read_text(f)?,
        _ => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| format!("Không đọc được dữ liệu vào: {e}"))?;
            s
        }
    };
    // Where the text stops being JSON, in Vietnamese (serde's own sentence is English).
    serde_json::from_str(&text).map_err(|e| {
        UserError(format!(
            "Dữ liệu JSON không hợp lệ: lỗi ở dòng {}, cột {} (thiếu dấu ngoặc, dấu phẩy hay dấu nháy?).",
            e.line(),
            e.column()
        ))
    })
}

pub fn read_text(f: &Path) -> Result<String, UserError> {
    std::fs::read_to_string(f)
        .map_err(|e| UserError(format!("Không đọc được tệp “{}”: {e}", f.display())))
}

pub fn print_json<T: serde::Serialize>(v: &T) -> Out {
    let s = serde_json::to_string_pretty(v).map_err(|e| UserError(e.to_string()))?;
    println!("{s}");
    Ok(())
}

/// "12,5" for 12.5: percentages as a Vietnamese reader writes them.
pub fn decimal(x: impl std::fmt::Display) -> String {
    x.to_string().replace('.', ",")
}
