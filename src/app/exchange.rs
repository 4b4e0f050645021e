//! "Gửi cấp trên", the ward's side (issue 25): its signing key (made once, kept in the encrypted
//! database), the province's public key it imports, and the package of a term's plan it writes
//! to a folder to be carried up (never sent over a network), with the official workbooks beside
//! it for a province without the program.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::exchange::keys;
use crate::exchange::package::{self, Manifest, EXTENSION};
use crate::store::Store;

const SIGNING_SECRET: &str = "signing_secret";
const SIGNING_PUBLIC: &str = "signing_public";
const WARD_CODE: &str = "ward_code";
const PROVINCE_RECIPIENT: &str = "province_recipient";
const PROVINCE_NAME: &str = "province_name";

/// Độ mật of a submission (Luật Bảo vệ bí mật nhà nước 29/2018; DOMAIN §9).
pub const CLASSIFICATIONS: [(&str, &str); 4] = [
    ("thuong", "Không mật"),
    ("mat", "Mật"),
    ("toi_mat", "Tối mật"),
    ("tuyet_mat", "Tuyệt mật"),
];

/// What the clerk is reminded of once the package is written.
pub const CARRY_REMINDER: &str = "Chương trình không gửi gì qua mạng. Gói đã được ký và mã hóa: mất USB cũng không lộ dữ liệu, nhưng mã hóa này không thay cho quy định về tài liệu mật — hãy chuyển gói và hồ sơ giấy theo đúng đường công văn (giao tay, văn thư mật hoặc phương tiện cơ yếu), không gửi qua thư điện tử, Zalo hay mạng xã hội.";

/// The ward's key as the window and the paper show it.
#[derive(Debug, Clone, Serialize)]
pub struct WardKey {
    pub key_id: String,
    /// "24B9 BD9F 9B56 26D2", as printed on the cover Tờ trình.
    pub fingerprint: String,
    pub ward_code: Option<String>,
    /// The public key file's text (the minisign format).
    pub file_text: Option<String>,
}

/// The province's key as the ward imported it.
#[derive(Debug, Clone, Serialize)]
pub struct ProvinceKey {
    pub name: String,
    pub fingerprint: String,
}

/// What the window's "Gửi cấp trên" panel shows before the form.
#[derive(Debug, Clone, Serialize)]
pub struct ExchangeState {
    pub key: Option<WardKey>,
    pub province: Option<ProvinceKey>,
    pub ward_code: Option<String>,
    pub classifications: Vec<(String, String)>,
    pub reminder: &'static str,
}

/// The form "Gửi cấp trên".
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PackageInput {
    pub term: String,
    /// Mã đơn vị (remembered after the first package).
    pub ward_code: String,
    /// Độ mật: a code or its label.
    pub classification: String,
    /// The folder the package (and the workbooks) go to.
    pub out_dir: PathBuf,
    /// Also write the official workbooks beside the package.
    pub workbooks: bool,
}

/// What was written.
#[derive(Debug, Clone, Serialize)]
pub struct PackageReport {
    pub path: PathBuf,
    pub bytes: u64,
    pub sha256: String,
    pub key_id: String,
    pub fingerprint: String,
    pub manifest: Manifest,
    pub classification_label: String,
    pub workbooks: Vec<PathBuf>,
    /// The cover sheet printed and carried with the file ("Phiếu gửi"): its Độ mật, its digest
    /// and the fingerprint of the key that signed it.
    pub cover: PathBuf,
    pub reminder: &'static str,
}

fn invalid(field: &str, rule: &str, msg: impl Into<String>) -> CoreError {
    CoreError::validation(field, rule, msg.into())
}

/// The ward's key, if it has one.
pub fn ward_key(store: &Store) -> Result<Option<WardKey>> {
    let Some(public) = store.meta(SIGNING_PUBLIC)? else {
        return Ok(None);
    };
    let pk = keys::public_key(&public)?;
    let id = keys::key_id(&pk);
    let code = store.meta(WARD_CODE)?;
    let file_text = match &code {
        Some(c) => Some(keys::ward_public_key_file(&public, c, &store.unit()?.name)?),
        None => None,
    };
    Ok(Some(WardKey {
        fingerprint: keys::grouped(&id),
        key_id: id,
        ward_code: code,
        file_text,
    }))
}

/// The fingerprint printed on the cover Tờ trình, when the ward has a key.
pub fn fingerprint(store: &Store) -> Result<Option<String>> {
    Ok(ward_key(store)?.map(|k| k.fingerprint))
}

fn check_code(code: &str) -> Result<String> {
    let c = code.trim().to_string();
    if c.is_empty() {
        return Err(invalid(
            "ward_code",
            "required",
            "Mã đơn vị: chưa nhập (mã đơn vị hành chính của phường, xã, ví dụ 25301).",
        ));
    }
    if c.chars().count() > 20 || !c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-') {
        return Err(invalid(
            "ward_code",
            "format",
            format!("Mã đơn vị: “{c}” chỉ gồm chữ số, chữ cái không dấu hoặc dấu gạch ngang, tối đa 20 ký tự."),
        ));
    }
    Ok(c)
}

/// Makes the ward's key the first time (kept in the encrypted database) and records its code;
/// a key already made is kept (its fingerprint is on paper).
pub fn make_key(store: &mut Store, ward_code: &str) -> Result<WardKey> {
    store.write(|s| make_key_in(s, ward_code))
}

fn make_key_in(s: &mut Store, ward_code: &str) -> Result<WardKey> {
    let code = check_code(ward_code)?;
    if s.meta(SIGNING_SECRET)?.is_none() {
        let (secret, public, _) = keys::new_signing_key()?;
        s.set_meta(SIGNING_SECRET, &secret)?;
        s.set_meta(SIGNING_PUBLIC, &public)?;
    }
    s.set_meta(WARD_CODE, &code)?;
    ward_key(s)?.ok_or_else(|| CoreError::Exchange("khóa ký chưa được tạo".into()))
}

/// Writes the ward's public key file (to give the province with the fingerprint on paper).
pub fn save_key(store: &mut Store, ward_code: &str, out: &Path) -> Result<WardKey> {
    store.write(|s| {
        if out.exists() {
            return Err(CoreError::FileExists(out.to_path_buf()));
        }
        let key = make_key_in(s, ward_code)?;
        let text = key.file_text.clone().unwrap_or_default();
        write_new(out, text.as_bytes())?;
        Ok(key)
    })
}

/// Imports the province's public key file (the one its guidance document's fingerprint
/// confirms); a key imported before is replaced.
pub fn import_province_key(store: &mut Store, text: &str) -> Result<ProvinceKey> {
    store.write(|s| {
        let (recipient, name, fp) = keys::read_province_public_key_file(text)?;
        let name = if name.is_empty() {
            "Đơn vị cấp tỉnh".to_string()
        } else {
            name
        };
        s.set_meta(PROVINCE_RECIPIENT, &recipient)?;
        s.set_meta(PROVINCE_NAME, &name)?;
        Ok(ProvinceKey {
            name,
            fingerprint: keys::grouped(&fp),
        })
    })
}

fn province_key(store: &Store) -> Result<Option<(String, ProvinceKey)>> {
    let Some(r) = store.meta(PROVINCE_RECIPIENT)? else {
        return Ok(None);
    };
    let name = store.meta(PROVINCE_NAME)?.unwrap_or_default();
    let fp = keys::province_fingerprint(&r);
    Ok(Some((
        r,
        ProvinceKey {
            name,
            fingerprint: keys::grouped(&fp),
        },
    )))
}

pub fn state(store: &Store) -> Result<ExchangeState> {
    Ok(ExchangeState {
        key: ward_key(store)?,
        province: province_key(store)?.map(|p| p.1),
        ward_code: store.meta(WARD_CODE)?,
        classifications: CLASSIFICATIONS
            .iter()
            .map(|(c, l)| (c.to_string(), l.to_string()))
            .collect(),
        reminder: CARRY_REMINDER,
    })
}

/// A classification by its code or label.
pub fn classification(text: &str) -> Result<(&'static str, &'static str)> {
    let t = crate::text::fold(text.trim());
    CLASSIFICATIONS
        .iter()
        .copied()
        .find(|(c, l)| *c == text.trim() || crate::text::fold(l) == t)
        .ok_or_else(|| {
            invalid(
                "classification",
                "unknown",
                format!(
                    "Độ mật: “{}” không có trong danh sách; chọn một trong: {}.",
                    text.trim(),
                    CLASSIFICATIONS
                        .iter()
                        .map(|(_, l)| *l)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        })
}

/// The latest Tờ trình issued for a term's plan ("Số 05-TTr/ĐU").
fn to_trinh_number(store: &Store, term: &str) -> Result<Option<String>> {
    Ok(store
        .doc_register()?
        .into_iter()
        .filter(|n| n.kind == "to-trinh" && n.plan_term == term)
        .filter(|n| n.state == crate::model::register::NumberState::Issued)
        .map(|n| n.text)
        .next())
}

/// The package's file name: `<mã đơn vị>-<nhiệm kỳ>-<ngày>.qhcb`.
pub fn file_name(code: &str, term: &str, day: chrono::NaiveDate) -> String {
    format!("{code}-{term}-{}.{EXTENSION}", day.format("%Y%m%d"))
}

fn write_new(out: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(out)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => CoreError::FileExists(out.to_path_buf()),
            _ => e.into(),
        })?;
    use std::io::Write;
    let r = f.write_all(bytes).and_then(|_| f.sync_all());
    if let Err(e) = r {
        drop(f);
        let _ = std::fs::remove_file(out);
        return Err(e.into());
    }
    Ok(())
}

/// Writes the package of a term's plan (signed, encrypted to the province) into `out_dir`,
/// with the official workbooks beside it when asked. Refused before anything is written when
/// the province's key is missing, the code or classification do not read, or the file is there.
pub fn export_package(store: &mut Store, input: &PackageInput) -> Result<PackageReport> {
    store.write(|s| export_in(s, input))
}

fn export_in(store: &mut Store, input: &PackageInput) -> Result<PackageReport> {
    let term = input.term.trim();
    if term.is_empty() {
        return Err(invalid(
            "term",
            "required",
            "Nhiệm kỳ: chưa chọn nhiệm kỳ quy hoạch cần gửi.",
        ));
    }
    let code = check_code(
        if input.ward_code.trim().is_empty() {
            store.meta(WARD_CODE)?.unwrap_or_default()
        } else {
            input.ward_code.clone()
        }
        .as_str(),
    )?;
    let (_, class_label) = classification(if input.classification.trim().is_empty() {
        "mat"
    } else {
        &input.classification
    })?;
    let Some((recipient, province)) = province_key(store)? else {
        return Err(invalid(
            "province_key",
            "required",
            "Chưa có khóa công khai của đơn vị cấp tỉnh: nhập tệp khóa do Ban Tổ chức Tỉnh ủy gửi (đối chiếu dấu vân tay in trong văn bản hướng dẫn) trước khi gửi cấp trên.",
        ));
    };
    if input.out_dir.as_os_str().is_empty() {
        return Err(invalid(
            "out_dir",
            "required",
            "Thư mục lưu: chưa chọn nơi lưu gói.",
        ));
    }
    let data = store.plan_data(term)?;
    let today = store.today();
    let path = input.out_dir.join(file_name(&code, term, today));
    if path.exists() {
        return Err(CoreError::FileExists(path));
    }
    let key = make_key_in(store, &code)?;
    let unit = store.unit()?;
    let report = crate::rules::check::check(&data, today);
    let stats = package::stats_of(&data);
    let created_at = chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
    let manifest = Manifest {
        format_version: package::FORMAT_VERSION,
        ward_code: code.clone(),
        ward_name: unit.name.clone(),
        superior_body: unit.superior_body.clone(),
        place_name: unit.place_name.clone(),
        term: term.to_string(),
        schema_version: store.schema_version()?,
        program_version: env!("CARGO_PKG_VERSION").to_string(),
        created_at: created_at.clone(),
        to_trinh: to_trinh_number(store, term)?,
        classification: class_label.to_string(),
        province_name: province.name.clone(),
        province_fingerprint: keys::province_fingerprint(&recipient),
        signer_key_id: key.key_id.clone(),
        rows: Vec::new(),
    };
    let (sqlite, manifest) = package::write(&manifest, &data, &report, &stats)?;
    let secret = store
        .meta(SIGNING_SECRET)?
        .ok_or_else(|| CoreError::Exchange("thiếu khóa ký".into()))?;
    let public = store.meta(SIGNING_PUBLIC)?.unwrap_or_default();
    let signature = keys::sign(&secret, &public, &sqlite, &trusted_comment(&manifest))?;
    let sealed = keys::encrypt(&recipient, &package::frame(&sqlite, &signature))?;
    write_new(&path, &sealed)?;
    let sha256 = keys::sha256_hex(&sealed);
    let cover = path.with_file_name(format!(
        "{} - phiếu gửi.pdf",
        path.file_stem().unwrap_or_default().to_string_lossy()
    ));
    let sheet = cover_sheet(store, &manifest, &path, &sha256, &key)?;
    if let Err(e) = write_new(&cover, &crate::pdf::render(&sheet).finish()) {
        let _ = std::fs::remove_file(&path);
        return Err(e);
    }
    let mut workbooks = Vec::new();
    if input.workbooks {
        for (kind, name) in [("trich-ngang", "trích ngang"), ("co-cau", "cơ cấu")] {
            let out = input.out_dir.join(format!(
                "{code}-{term}-{}-{name}.xlsx",
                today.format("%Y%m%d")
            ));
            let made = super::exports::export(
                store,
                &super::exports::ExportInput {
                    kind: kind.into(),
                    term: Some(term.to_string()),
                    out: out.clone(),
                    attached_to: manifest
                        .to_trinh
                        .clone()
                        .map(|t| format!("Kèm theo Tờ trình {t}")),
                    ..Default::default()
                },
            );
            match made {
                Ok(_) => workbooks.push(out),
                Err(e) => {
                    for w in &workbooks {
                        let _ = std::fs::remove_file(w);
                    }
                    let _ = std::fs::remove_file(&path);
                    let _ = std::fs::remove_file(&cover);
                    return Err(e);
                }
            }
        }
    }
    Ok(PackageReport {
        bytes: sealed.len() as u64,
        sha256,
        cover,
        key_id: key.key_id.clone(),
        fingerprint: key.fingerprint.clone(),
        path,
        manifest,
        classification_label: class_label.to_string(),
        workbooks,
        reminder: CARRY_REMINDER,
    })
}

/// What the signature's trusted comment binds: the ward, the term and the moment, so a
/// signature cannot be moved onto another package's manifest.
pub fn trusted_comment(m: &Manifest) -> String {
    format!(
        "quyhoach goi-cap-tren v{} don-vi={} nhiem-ky={} luc={}",
        m.format_version, m.ward_code, m.term, m.created_at
    )
}

/// The cover sheet of a package: the Party header, the Độ mật in capitals above the title, what
/// the file is, its SHA-256 and the fingerprint of the ward's key, and how to carry it.
fn cover_sheet(
    store: &Store,
    m: &Manifest,
    path: &Path,
    sha256: &str,
    key: &WardKey,
) -> Result<crate::document::Document> {
    use crate::docs::frame;
    use crate::document::{Align, Document, Orientation, Paragraph, Run};
    let settings = crate::docs::settings::settings(store)?;
    let layout = settings.layout;
    let unit = store.unit()?;
    let mut sec = frame::section(Orientation::Portrait, &settings);
    sec.push(frame::header(&unit, None, store.today(), &layout));
    if m.classification != CLASSIFICATIONS[0].1 {
        sec.push(
            Paragraph::new(vec![Run::bold(m.classification.to_uppercase())], 14.0)
                .align(Align::Left)
                .after(6.0),
        );
    }
    for b in frame::title(
        "Phiếu gửi",
        &format!("gói dữ liệu quy hoạch cán bộ nhiệm kỳ {}", m.term),
        &layout,
    ) {
        sec.push(b);
    }
    let rows = |t: &str| {
        m.rows
            .iter()
            .find(|(n, _)| n == t)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    };
    let lines = [
        format!("Kính gửi: {}.", m.province_name),
        format!(
            "Tệp: {} ({} người, {} mục quy hoạch, {} kết quả kiểm tra).",
            path.file_name().unwrap_or_default().to_string_lossy(),
            rows("person"),
            rows("plan_entry"),
            rows("finding")
        ),
        format!("Độ mật: {}.", m.classification),
        match &m.to_trinh {
            Some(t) => format!("Kèm theo Tờ trình {t}."),
            None => "Chưa có Tờ trình đã cấp số cho nhiệm kỳ này.".to_string(),
        },
        format!("Lập lúc: {}.", m.created_at),
        format!("Mã kiểm tra SHA-256 của tệp: {sha256}."),
        format!(
            "Dấu vân tay khóa ký của đơn vị: {} (đối chiếu khi tỉnh đăng ký khóa và khi nhận gói).",
            key.fingerprint
        ),
        CARRY_REMINDER.to_string(),
    ];
    for l in &lines {
        sec.push(frame::body(l, &layout));
    }
    Ok(Document {
        title: format!("Phiếu gửi gói dữ liệu quy hoạch nhiệm kỳ {}", m.term),
        sections: vec![sec],
    })
}
