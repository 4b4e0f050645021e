//! "Gửi cấp trên" in the window: the ward's key and package, the province's key, wards,
//! imports (one package per call, so the window shows progress), dashboard, lists and report.

use std::path::{Path, PathBuf};

use super::{NewDatabase, Session, SessionStatus};
use crate::app::{exchange, province};
use crate::error::{CoreError, Result};

fn read_key_file(path: &Path) -> Result<String> {
    if path.as_os_str().is_empty() {
        return Err(CoreError::validation(
            "key_file",
            "required",
            "Tệp khóa: chưa chọn tệp.",
        ));
    }
    std::fs::read_to_string(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => CoreError::validation(
            "key_file",
            "not_found",
            format!("Tệp khóa: không thấy tệp “{}”.", path.display()),
        ),
        _ => CoreError::validation(
            "key_file",
            "unreadable",
            format!("Tệp khóa: không đọc được “{}” ({e}).", path.display()),
        ),
    })
}

impl Session {
    /// First start as "Đơn vị cấp tỉnh": the province's own data file, passphrase and keys.
    pub fn create_province(&mut self, new: NewDatabase) -> Result<SessionStatus> {
        if new.passphrase != new.passphrase_again {
            return Err(CoreError::validation(
                "passphrase_again",
                "mismatch",
                "Nhập lại mật khẩu: không khớp với mật khẩu đã nhập.",
            ));
        }
        let store = province::create_province(&self.data_file(), &new.passphrase, &new.unit)?;
        self.keep_store(store);
        self.status()
    }

    pub fn exchange_state(&self) -> Result<exchange::ExchangeState> {
        exchange::state(self.store()?)
    }

    pub fn exchange_save_key(&mut self, code: &str, out: &Path) -> Result<exchange::WardKey> {
        exchange::save_key(self.store_mut()?, code, out)
    }

    pub fn exchange_province_key(&mut self, file: &Path) -> Result<exchange::ProvinceKey> {
        let text = read_key_file(file)?;
        exchange::import_province_key(self.store_mut()?, &text)
    }

    pub fn exchange_export(
        &mut self,
        input: &exchange::PackageInput,
    ) -> Result<exchange::PackageReport> {
        exchange::export_package(self.store_mut()?, input)
    }

    pub fn province_own_key(&self) -> Result<province::OwnKey> {
        province::own_key(self.store()?)
    }

    pub fn province_save_key(&self, out: &Path) -> Result<province::OwnKey> {
        province::save_own_key(self.store()?, out)
    }

    pub fn province_register(
        &mut self,
        file: &Path,
        fingerprint: &str,
    ) -> Result<crate::store::province::WardKeyRow> {
        let text = read_key_file(file)?;
        province::register_ward(self.store_mut()?, &text, fingerprint)
    }

    pub fn province_wards(&self) -> Result<Vec<crate::store::province::WardKeyRow>> {
        province::wards(self.store()?)
    }

    /// The package files at a path (a folder's .qhcb files, or the file itself), for the
    /// window to import one by one with progress.
    pub fn province_package_files(&self, path: &Path) -> Result<Vec<PathBuf>> {
        province::require(self.store()?)?;
        province::package_files(&[path.to_path_buf()])
    }

    /// Imports one package; a refused one comes back as an outcome with its message.
    pub fn province_import(&mut self, path: &Path) -> Result<province::ImportOutcome> {
        let all = province::import_all(self.store_mut()?, &[path.to_path_buf()], |_, _, _| {})?;
        Ok(all.into_iter().next().expect("one file, one outcome"))
    }

    pub fn province_status(&self, term: Option<&str>) -> Result<province::Dashboard> {
        province::status(self.store()?, term)
    }

    pub fn province_list(&self, f: &province::CrossFilter) -> Result<Vec<province::CrossRow>> {
        province::list(self.store()?, f)
    }

    pub fn province_ward(&self, ward: &str, term: &str) -> Result<province::WardView> {
        province::ward_view(self.store()?, ward, term)
    }

    pub fn province_recheck(&mut self) -> Result<usize> {
        province::recheck(self.store_mut()?)
    }

    pub fn province_report(&self, term: Option<&str>, out: &Path) -> Result<PathBuf> {
        province::report(self.store()?, term, out)
    }
}
