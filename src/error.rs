//! Errors of the core. Each has a stable machine code and a Vietnamese message for the clerk;
//! the UI and the CLI show the message, scripts and tests match on the code.

use std::path::PathBuf;

use serde::Serialize;

/// One rule broken by one field of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Path of the field in the JSON record: "cccd", "ratings[2].year".
    pub field: String,
    /// Stable rule code: "cccd_format", "birth_in_future"…
    pub rule: String,
    /// The sentence shown to the clerk, naming the field and the rule.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, rule: &str, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            rule: rule.into(),
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("Dữ liệu chưa hợp lệ: {}", join_messages(.0))]
    Validation(Vec<FieldError>),
    #[error("Mật khẩu không đúng, hoặc tệp không phải cơ sở dữ liệu của chương trình. Không có gì bị thay đổi.")]
    WrongPassphrase,
    #[error("Mật khẩu phải có ít nhất 8 ký tự.")]
    WeakPassphrase,
    #[error("Không tìm thấy tệp dữ liệu “{}”.", .0.display())]
    FileNotFound(PathBuf),
    #[error("Tệp “{}” đã có; chương trình không ghi đè lên tệp sẵn có.", .0.display())]
    FileExists(PathBuf),
    #[error("Tệp dữ liệu được tạo bởi phiên bản mới hơn (lược đồ số {found}); phiên bản này chỉ đọc được đến lược đồ số {supported}. Hãy cập nhật chương trình; tệp không bị thay đổi.")]
    NewerSchema { found: i64, supported: i64 },
    #[error("Không tìm thấy cán bộ có mã số {0}.")]
    PersonNotFound(i64),
    /// A record asked for is not there (a term, a plan entry, a programme…); its field names
    /// where the window shows the message.
    #[error("{}", .0.message)]
    NotFound(FieldError),
    /// A new record with the name and birth date of someone already there: saved only when the
    /// clerk confirms it is another person.
    #[error("Đã có người cùng họ tên và ngày sinh: {}. Nếu đúng là người khác thì xác nhận để vẫn lưu; nếu là cùng một người thì mở hồ sơ đã có để sửa. Chưa có gì được lưu.", .0.join("; "))]
    SamePerson(Vec<String>),
    #[error("Cơ sở dữ liệu chưa có thông tin đơn vị.")]
    UnitMissing,
    #[error("Chưa mở cơ sở dữ liệu: hãy nhập mật khẩu để mở.")]
    Locked,
    #[error("Bản sao lưu không đạt kiểm tra: {0}")]
    BackupInvalid(String),
    #[error("Dữ liệu JSON không hợp lệ: {0}")]
    Json(String),
    /// A migration of an older ward file failed: nothing of it was applied.
    #[error("Không nâng cấp được dữ liệu từ lược đồ số {from} lên {to} (bước {step} lỗi: {detail}). Tệp dữ liệu vẫn nguyên như trước khi nâng cấp; hãy báo cho cán bộ công nghệ thông tin và tiếp tục dùng phiên bản cũ.")]
    MigrationFailed {
        from: i64,
        to: i64,
        step: i64,
        detail: String,
    },
    /// The plan assistant's solver gave no plan (the message says what to try).
    #[error("{0}")]
    Solver(String),
    /// Signing, encrypting or reading a package sent to the province failed for a reason of the
    /// machine (not of the package: those are refused with a field).
    #[error("Gói dữ liệu gửi cấp trên: {0}")]
    Exchange(String),
    #[error("Lỗi đọc/ghi tệp: {0}")]
    Io(#[from] std::io::Error),
    #[error("Lỗi cơ sở dữ liệu: {0}")]
    Db(#[from] rusqlite::Error),
}

fn join_messages(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

impl CoreError {
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Validation(_) => "validation",
            CoreError::WrongPassphrase => "wrong_passphrase",
            CoreError::WeakPassphrase => "weak_passphrase",
            CoreError::FileNotFound(_) => "file_not_found",
            CoreError::FileExists(_) => "file_exists",
            CoreError::NewerSchema { .. } => "newer_schema",
            CoreError::PersonNotFound(_) => "person_not_found",
            CoreError::NotFound(_) => "not_found",
            CoreError::SamePerson(_) => "same_person",
            CoreError::UnitMissing => "unit_missing",
            CoreError::Locked => "locked",
            CoreError::BackupInvalid(_) => "backup_invalid",
            CoreError::Json(_) => "json",
            CoreError::Solver(_) => "solver",
            CoreError::Exchange(_) => "exchange",
            CoreError::MigrationFailed { .. } => "migration_failed",
            CoreError::Io(_) => "io",
            CoreError::Db(_) => "database",
        }
    }

    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            CoreError::Validation(v) => v,
            CoreError::NotFound(f) => std::slice::from_ref(f),
            _ => &[],
        }
    }

    /// A record that is not there: `field` names what was asked for ("term", "entry").
    pub fn not_found(field: &str, message: impl Into<String>) -> Self {
        CoreError::NotFound(FieldError::new(field, "not_found", message))
    }

    pub fn validation(field: &str, rule: &str, message: impl Into<String>) -> Self {
        CoreError::Validation(vec![FieldError::new(field, rule, message)])
    }
}

impl From<serde_json::Error> for CoreError {
    fn from(e: serde_json::Error) -> Self {
        CoreError::Json(e.to_string())
    }
}

/// What the UI receives: `{ "code": …, "message": …, "fields": [ … ] }`.
impl Serialize for CoreError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("CoreError", 3)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("message", &self.to_string())?;
        st.serialize_field("fields", self.field_errors())?;
        st.end()
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;
