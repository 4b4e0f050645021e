//! Where the CLI gets passphrases: a file, an environment variable, or a prompt without echo.

use std::io::IsTerminal;
use std::path::Path;

pub const PASSPHRASE_ENV: &str = "QUYHOACH_PASSPHRASE";
pub const NEW_PASSPHRASE_ENV: &str = "QUYHOACH_NEW_PASSPHRASE";

pub fn from_file(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("Không đọc được tệp mật khẩu “{}”: {e}", path.display()))?;
    Ok(text.lines().next().unwrap_or("").to_string())
}

fn prompt(label: &str, twice: bool) -> Result<String, String> {
    if !std::io::stdin().is_terminal() {
        return Err(format!(
            "Chưa có mật khẩu: dùng --passphrase-file TỆP hoặc biến môi trường {PASSPHRASE_ENV}."
        ));
    }
    let first = rpassword::prompt_password(format!("{label}: ")).map_err(|e| e.to_string())?;
    if twice {
        let again = rpassword::prompt_password("Nhập lại: ").map_err(|e| e.to_string())?;
        if again != first {
            return Err("Hai lần nhập mật khẩu không khớp.".into());
        }
    }
    Ok(first)
}

/// The passphrase of the database: `--passphrase-file`, then `QUYHOACH_PASSPHRASE`, then a prompt.
pub fn passphrase(file: Option<&Path>, new_database: bool) -> Result<String, String> {
    if let Some(f) = file {
        return from_file(f);
    }
    if let Ok(p) = std::env::var(PASSPHRASE_ENV) {
        return Ok(p);
    }
    prompt("Mật khẩu", new_database)
}

/// The new passphrase for `passwd`.
pub fn new_passphrase(file: Option<&Path>) -> Result<String, String> {
    if let Some(f) = file {
        return from_file(f);
    }
    if let Ok(p) = std::env::var(NEW_PASSPHRASE_ENV) {
        return Ok(p);
    }
    prompt("Mật khẩu mới", true)
}
