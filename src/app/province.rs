//! The province's side of "Gửi cấp trên" (issue 25): the same program on a province's data
//! folder ("Đơn vị cấp tỉnh"). It has its own passphrase and key pair, registers its wards'
//! signing keys, imports their packages (each verified: signature, ward, term, format version;
//! anything wrong refused by name and nothing written), and shows them together — a dashboard by
//! ward, the province's statistics summed, lists and searches across wards, the check run again
//! with the province's own rule set, a report and a merged workbook.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::exchange::keys::{self, OpenError};
use crate::exchange::package::{self, Contents, Manifest, SentFinding, EXTENSION};
use crate::model::Unit;
use crate::rules::check::CheckReport;
use crate::rules::plan::PlanData;
use crate::rules::stats::Stats;
use crate::rules::targets::in_body;
use crate::store::province::{EntryRow, PackageRow, WardKeyRow};
use crate::store::Store;
use crate::text::fold;

const KIND: &str = "unit_kind";
const PROVINCE: &str = "province";
const IDENTITY: &str = "province_identity";
const RECIPIENT: &str = "province_recipient_own";

fn invalid(field: &str, rule: &str, msg: impl Into<String>) -> CoreError {
    CoreError::validation(field, rule, msg.into())
}

/// Whether the open file is a province's.
pub fn is_province(store: &Store) -> Result<bool> {
    Ok(store.meta(KIND)?.as_deref() == Some(PROVINCE))
}

pub(crate) fn require(store: &Store) -> Result<()> {
    require_province(store)
}

fn require_province(store: &Store) -> Result<()> {
    if is_province(store)? {
        Ok(())
    } else {
        Err(invalid(
            "province",
            "not_province",
            "Việc này chỉ làm được trên dữ liệu của đơn vị cấp tỉnh (tạo khi khởi động lần đầu, chọn “Đơn vị cấp tỉnh”).",
        ))
    }
}

/// Creates a province's data file: its own passphrase, its own key pair (kept inside).
pub fn create_province(path: &Path, passphrase: &str, unit: &Unit) -> Result<Store> {
    let mut store = super::safety::create_ward(path, passphrase, unit)?;
    let (secret, public) = keys::new_province_key();
    store.write(|s| {
        s.set_meta(KIND, PROVINCE)?;
        s.set_meta(IDENTITY, &secret)?;
        s.set_meta(RECIPIENT, &public)
    })?;
    Ok(store)
}

/// The province's public key, to hand to its wards.
#[derive(Debug, Clone, Serialize)]
pub struct OwnKey {
    pub name: String,
    pub fingerprint: String,
    pub file_text: String,
}

pub fn own_key(store: &Store) -> Result<OwnKey> {
    require_province(store)?;
    let r = store
        .meta(RECIPIENT)?
        .ok_or_else(|| CoreError::Exchange("thiếu khóa của đơn vị cấp tỉnh".into()))?;
    let name = store.unit()?.name;
    Ok(OwnKey {
        fingerprint: keys::grouped(&keys::province_fingerprint(&r)),
        file_text: keys::province_public_key_file(&r, &name),
        name,
    })
}

/// Writes the province's public key file.
pub fn save_own_key(store: &Store, out: &Path) -> Result<OwnKey> {
    let k = own_key(store)?;
    if out.exists() {
        return Err(CoreError::FileExists(out.to_path_buf()));
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(out, k.file_text.as_bytes())?;
    Ok(k)
}

/// Registers a ward's signing key from its file, confirmed by the fingerprint the clerk types
/// from the ward's paper. A ward registered before gets its new key (a lost PC).
pub fn register_ward(store: &mut Store, key_text: &str, fingerprint: &str) -> Result<WardKeyRow> {
    store.write(|s| register_in(s, key_text, fingerprint))
}

fn register_in(store: &mut Store, key_text: &str, fingerprint: &str) -> Result<WardKeyRow> {
    require_province(store)?;
    let (public, id, code, name) = keys::read_ward_public_key_file(key_text)?;
    if fingerprint.trim().is_empty() {
        return Err(invalid(
            "fingerprint",
            "required",
            "Dấu vân tay: nhập dấu vân tay in trên Tờ trình (hoặc phiếu gửi) của phường, xã để xác nhận khóa.",
        ));
    }
    if !keys::same_fingerprint(fingerprint, &id) {
        return Err(invalid(
            "fingerprint",
            "mismatch",
            format!(
                "Dấu vân tay “{}” không khớp với khóa trong tệp ({}). Không đăng ký: hãy đối chiếu lại với văn bản giấy của phường, xã.",
                fingerprint.trim(),
                keys::grouped(&id)
            ),
        ));
    }
    if code.is_empty() {
        return Err(invalid(
            "key_file",
            "ward_code",
            "Tệp khóa không ghi mã đơn vị của phường, xã: hãy để phường, xã xuất lại tệp khóa từ chương trình.",
        ));
    }
    let row = WardKeyRow {
        code,
        name,
        key_id: id,
        public_key: public,
        registered_at: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
    };
    if let Some(other) = store
        .prov_wards()?
        .into_iter()
        .find(|w| w.key_id == row.key_id && w.code != row.code)
    {
        return Err(invalid(
            "key_file",
            "key_taken",
            format!(
                "Khóa này đã được đăng ký cho đơn vị {} ({}).",
                other.name, other.code
            ),
        ));
    }
    store.prov_add_ward(&row)?;
    Ok(row)
}

pub fn wards(store: &Store) -> Result<Vec<WardKeyRow>> {
    require_province(store)?;
    store.prov_wards()
}

/// A package opened and verified (nothing written).
#[derive(Debug, Clone)]
pub struct Opened {
    pub file_name: String,
    pub sha256: String,
    pub ward: WardKeyRow,
    pub sqlite: Vec<u8>,
    pub contents: Contents,
}

fn refused(file: &str, rule: &str, msg: String) -> CoreError {
    invalid(
        "package",
        rule,
        format!("Gói “{file}”: {msg} Chưa có gì thay đổi."),
    )
}

/// Decrypts, verifies and reads a package; writes nothing.
pub fn open_package(store: &Store, path: &Path) -> Result<Opened> {
    require_province(store)?;
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default();
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => CoreError::FileNotFound(path.to_path_buf()),
        _ => e.into(),
    })?;
    open_bytes(store, &file, &bytes)
}

fn open_bytes(store: &Store, file: &str, bytes: &[u8]) -> Result<Opened> {
    let identity = store
        .meta(IDENTITY)?
        .ok_or_else(|| CoreError::Exchange("thiếu khóa của đơn vị cấp tỉnh".into()))?;
    let me = store.unit()?.name;
    let plain = keys::decrypt(&identity, bytes).map_err(|e| match e {
        OpenError::NotAPackage => refused(
            file,
            "not_package",
            "không phải gói dữ liệu quy hoạch gửi cấp trên (tệp .qhcb), hoặc phần đầu tệp đã bị hỏng.".into(),
        ),
        OpenError::OtherRecipient => refused(
            file,
            "other_province",
            format!("gói được mã hóa cho một đơn vị cấp tỉnh khác, không phải {me}; phường, xã cần nhập đúng tệp khóa công khai của {me} rồi xuất lại gói."),
        ),
        OpenError::Damaged => refused(
            file,
            "damaged",
            "nội dung đã bị thay đổi hoặc hỏng sau khi phường, xã xuất gói (không giải mã được).".into(),
        ),
    })?;
    let (sqlite, signature) = package::unframe(&plain)
        .ok_or_else(|| refused(file, "damaged", "nội dung không đúng cấu trúc gói.".into()))?;
    let sig_key = minisign::SignatureBox::from_string(signature)
        .map(|s| keys::signature_key_id(&s))
        .map_err(|_| refused(file, "signature", "thiếu chữ ký của phường, xã.".into()))?;
    let ward = store
        .prov_wards()?
        .into_iter()
        .find(|w| w.key_id == sig_key)
        .ok_or_else(|| {
            refused(
                file,
                "unknown_key",
                format!(
                    "được ký bằng khóa {} chưa đăng ký. Hãy đăng ký khóa công khai của phường, xã (đối chiếu dấu vân tay trên giấy) rồi nhập lại.",
                    keys::grouped(&sig_key)
                ),
            )
        })?;
    let pk = keys::public_key(&ward.public_key)?;
    let trusted = keys::verify(&pk, signature, sqlite).ok_or_else(|| {
        refused(
            file,
            "signature",
            format!(
                "chữ ký không khớp với nội dung — gói đã bị sửa sau khi {} ký.",
                ward.name
            ),
        )
    })?;
    let contents = package::read(sqlite).map_err(|e| package::read_error_message(file, &e))?;
    let m = &contents.manifest;
    if m.ward_code != ward.code {
        return Err(refused(
            file,
            "ward",
            format!(
                "gói ghi đơn vị {} ({}) nhưng được ký bằng khóa của {} ({}).",
                m.ward_name, m.ward_code, ward.name, ward.code
            ),
        ));
    }
    if trusted != super::exchange::trusted_comment(m) || m.term != contents.data.term.code {
        return Err(refused(
            file,
            "manifest",
            "phần mô tả gói không khớp với chữ ký (đơn vị, nhiệm kỳ hoặc thời điểm tạo).".into(),
        ));
    }
    let own = keys::province_fingerprint(&store.meta(RECIPIENT)?.unwrap_or_default());
    if m.province_fingerprint != own {
        return Err(refused(
            file,
            "other_province",
            format!("gói được lập để gửi {}, không phải {me}.", m.province_name),
        ));
    }
    Ok(Opened {
        file_name: file.to_string(),
        sha256: keys::sha256_hex(bytes),
        ward,
        sqlite: sqlite.to_vec(),
        contents,
    })
}

/// What the province's clerk sees of a package before or after importing it.
#[derive(Debug, Clone, Serialize)]
pub struct Verified {
    pub file_name: String,
    pub ward_code: String,
    pub ward_name: String,
    pub term: String,
    pub created_at: String,
    pub classification: String,
    pub to_trinh: Option<String>,
    pub key_fingerprint: String,
    pub people: usize,
    pub entries: usize,
    pub findings: usize,
    pub program_version: String,
    pub format_version: i64,
}

fn verified(o: &Opened) -> Verified {
    let m = &o.contents.manifest;
    Verified {
        file_name: o.file_name.clone(),
        ward_code: m.ward_code.clone(),
        ward_name: m.ward_name.clone(),
        term: m.term.clone(),
        created_at: m.created_at.clone(),
        classification: m.classification.clone(),
        to_trinh: m.to_trinh.clone(),
        key_fingerprint: keys::grouped(&o.ward.key_id),
        people: o.contents.data.people.len(),
        entries: o.contents.data.entries.len(),
        findings: o.contents.findings.len(),
        program_version: m.program_version.clone(),
        format_version: m.format_version,
    }
}

/// Verifies a package without importing it.
pub fn verify_package(store: &Store, path: &Path) -> Result<Verified> {
    Ok(verified(&open_package(store, path)?))
}

/// The plan of a package checked with the province's rule set.
fn province_check(
    store: &Store,
    data: &PlanData,
    as_of: NaiveDate,
) -> Result<(PlanData, CheckReport)> {
    let mut d = data.clone();
    let mut term = d.term.clone();
    term.rule_set_id = None;
    d.rules = store.rules_for(&term)?;
    let report = crate::rules::check::check(&d, as_of);
    Ok((d, report))
}

fn counts(report: &CheckReport) -> (i64, i64, i64, i64) {
    use crate::rules::codes::Severity;
    let n = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count() as i64;
    (
        n(Severity::Violation),
        n(Severity::Warning),
        report.targets.iter().filter(|t| t.met).count() as i64,
        report.targets.len() as i64,
    )
}

fn entry_rows(code: &str, data: &PlanData) -> Vec<EntryRow> {
    use crate::model::plan::body;
    data.entries
        .iter()
        .filter_map(|e| {
            let p = data.people.get(&e.person_id)?;
            let pos = data.position_by_id(e.position_id)?;
            let mut bodies = String::from("|");
            for b in [body::ALL, body::KEY] {
                if in_body(b, pos) {
                    bodies.push_str(b);
                    bodies.push('|');
                }
            }
            bodies.push_str(&pos.code);
            bodies.push('|');
            Some(EntryRow {
                ward_code: code.to_string(),
                person_id: e.person_id,
                full_name: p.full_name.clone(),
                folded_name: fold(&p.full_name),
                birth_date: p.birth_date.to_display(),
                sex: p.sex.label().to_string(),
                age: data.facts(p).age as i64,
                position_code: pos.code.clone(),
                position_name: pos.name.clone(),
                bodies,
                active: e.is_active(),
            })
        })
        .collect()
}

/// Whether one RFC 3339 moment is after another (PCs in different time zones compared as
/// moments, not as text).
fn later(a: &str, b: &str) -> bool {
    match (
        chrono::DateTime::parse_from_rfc3339(a),
        chrono::DateTime::parse_from_rfc3339(b),
    ) {
        (Ok(x), Ok(y)) => x > y,
        _ => a > b,
    }
}

/// What became of one file.
#[derive(Debug, Clone, Serialize)]
pub struct ImportOutcome {
    pub file: String,
    /// "nhan" (received, now current), "thay" (replaces an older one), "cu" (older than the one
    /// kept: in the history only), "da_co" (this very file was received before), "tu_choi".
    pub status: String,
    /// Refused: nothing of it was written.
    pub refused: bool,
    pub message: String,
    pub package: Option<Verified>,
    /// Why it was refused, as the core said it (its code, message and field).
    pub error: Option<serde_json::Value>,
}

fn outcome(file: &str, status: &str, message: String, package: Option<Verified>) -> ImportOutcome {
    ImportOutcome {
        file: file.to_string(),
        status: status.to_string(),
        refused: false,
        message,
        package,
        error: None,
    }
}

/// Imports one package in one transaction: refused (nothing written), received again (nothing
/// written), kept in the history, or made the ward's current package for its term.
pub fn import_package(store: &mut Store, path: &Path) -> Result<ImportOutcome> {
    store.write(|s| import_in(s, path))
}

fn import_in(store: &mut Store, path: &Path) -> Result<ImportOutcome> {
    let o = open_package(store, path)?;
    let v = verified(&o);
    if let Some(had) = store.prov_package_by_sha(&o.sha256)? {
        return Ok(outcome(
            &o.file_name,
            "da_co",
            format!(
                "Gói của {} đã được nhận ngày {}; không nhận lại.",
                o.ward.name,
                had.received_at.get(..10).unwrap_or(&had.received_at)
            ),
            Some(v),
        ));
    }
    let m = &o.contents.manifest;
    let before = store.prov_current(&m.ward_code, &m.term)?;
    let newer = before
        .as_ref()
        .is_none_or(|b| later(&m.created_at, &b.created_at));
    let today = store.today();
    let (pdata, report) = province_check(store, &o.contents.data, today)?;
    let c = counts(&report);
    let stats = serde_json::to_string(&pdata.stats(crate::model::plan::body::ALL))?;
    use crate::rules::codes::Severity;
    let sent = |s: Severity| {
        o.contents
            .findings
            .iter()
            .filter(|f| f.severity == s.code())
            .count() as i64
    };
    let (ward_v, ward_w) = (sent(Severity::Violation), sent(Severity::Warning));
    let row = PackageRow {
        id: 0,
        ward_code: m.ward_code.clone(),
        term: m.term.clone(),
        created_at: m.created_at.clone(),
        received_at: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        file_name: o.file_name.clone(),
        sha256: o.sha256.clone(),
        format_version: m.format_version,
        program_version: m.program_version.clone(),
        schema_version: m.schema_version,
        classification: m.classification.clone(),
        to_trinh: m.to_trinh.clone(),
        current: newer,
        people: o.contents.data.people.len() as i64,
        entries: o.contents.data.entries.len() as i64,
        ward_violations: ward_v,
        ward_warnings: ward_w,
        rule_set: pdata.rules.name.clone(),
        violations: c.0,
        warnings: c.1,
        targets_met: c.2,
        targets_total: c.3,
        stats,
    };
    let entries = entry_rows(&m.ward_code, &o.contents.data);
    store.prov_insert_package(&row, &o.sqlite, &entries)?;
    let (status, msg) = match (&before, newer) {
        (None, _) => (
            "nhan",
            format!("Đã nhận gói của {} (nhiệm kỳ {}).", o.ward.name, m.term),
        ),
        (Some(b), true) => (
            "thay",
            format!(
                "Đã nhận gói mới của {}; thay gói lập lúc {} (gói cũ vẫn lưu trong lịch sử).",
                o.ward.name, b.created_at
            ),
        ),
        (Some(b), false) => (
            "cu",
            format!(
                "Gói của {} cũ hơn gói đang dùng (lập lúc {}): chỉ lưu vào lịch sử.",
                o.ward.name, b.created_at
            ),
        ),
    };
    Ok(outcome(&o.file_name, status, msg, Some(v)))
}

/// The package files of a folder (".qhcb"), by name; a file given is itself.
pub fn package_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| {
                    f.extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION))
                })
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    if out.is_empty() {
        return Err(invalid(
            "path",
            "empty",
            "Không thấy gói dữ liệu nào (tệp .qhcb) ở nơi đã chọn.",
        ));
    }
    Ok(out)
}

/// Imports files and folders one package at a time (each in its own transaction: a refused
/// one changes nothing and the others go on); `progress(done, total, outcome)` after each.
pub fn import_all(
    store: &mut Store,
    paths: &[PathBuf],
    mut progress: impl FnMut(usize, usize, &ImportOutcome),
) -> Result<Vec<ImportOutcome>> {
    require_province(store)?;
    let files = package_files(paths)?;
    let total = files.len();
    let mut out = Vec::with_capacity(total);
    for (i, f) in files.iter().enumerate() {
        let o = match import_package(store, f) {
            Ok(o) => o,
            Err(e) => ImportOutcome {
                file: f
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default(),
                status: "tu_choi".into(),
                refused: true,
                message: match e.field_errors() {
                    [] => e.to_string(),
                    fields => fields
                        .iter()
                        .map(|f| f.message.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                },
                package: None,
                error: serde_json::to_value(&e).ok(),
            },
        };
        progress(i + 1, total, &o);
        out.push(o);
    }
    Ok(out)
}

/// One ward's line of the dashboard.
#[derive(Debug, Clone, Serialize)]
pub struct WardStatus {
    pub code: String,
    pub name: String,
    pub received: bool,
    /// "Đã nhận", "Chưa nhận", "Chưa nhận — quá hạn 30/06/2027".
    pub status_label: String,
    /// "ok", "missing", "late".
    pub status: String,
    pub created_at: Option<String>,
    pub received_at: Option<String>,
    pub classification: Option<String>,
    pub to_trinh: Option<String>,
    pub people: i64,
    pub ward_violations: i64,
    pub violations: i64,
    pub warnings: i64,
    pub targets_met: i64,
    pub targets_total: i64,
    pub submissions: usize,
}

/// The province's dashboard for a term.
#[derive(Debug, Clone, Serialize)]
pub struct Dashboard {
    pub province: String,
    pub term: Option<String>,
    pub terms: Vec<String>,
    /// 30 June of this year (HD 45 §II.4.2: reported by June).
    pub deadline: String,
    pub wards: Vec<WardStatus>,
    pub received: usize,
    pub missing: usize,
    pub people: i64,
    pub violations: i64,
    pub stats: Option<Stats>,
    /// The province's statistics by group with their headings, as the window prints them.
    pub stat_groups: Vec<(String, Vec<crate::rules::stats::Bucket>)>,
    pub rule_set: String,
    /// The posts planned in the packages received (code, name), for the list's filter.
    pub posts: Vec<(String, String)>,
    /// The bodies a list can be asked for (code, label).
    pub bodies: Vec<(String, String)>,
}

/// The dashboard: every registered ward, received or not, with the figures of its current
/// package for the term (default: the newest term received), and the province's statistics.
pub fn status(store: &Store, term: Option<&str>) -> Result<Dashboard> {
    require_province(store)?;
    let terms = store.prov_terms()?;
    let term = term
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .or_else(|| terms.first().cloned());
    let today = store.today();
    let deadline = NaiveDate::from_ymd_opt(today.year(), 6, 30).unwrap_or(today);
    let late = today > deadline;
    let packages = match &term {
        Some(t) => store.prov_packages(Some(t), false)?,
        None => Vec::new(),
    };
    let mut wards = Vec::new();
    let mut stats_all: Vec<Stats> = Vec::new();
    for w in store.prov_wards()? {
        let mine: Vec<&PackageRow> = packages.iter().filter(|p| p.ward_code == w.code).collect();
        let cur = mine.iter().find(|p| p.current);
        if let Some(c) = cur {
            stats_all.push(serde_json::from_str(&c.stats)?);
        }
        let (status, label) = match cur {
            Some(_) => ("ok", "Đã nhận".to_string()),
            None if late => (
                "late",
                format!("Chưa nhận — quá hạn {}", deadline.format("%d/%m/%Y")),
            ),
            None => (
                "missing",
                format!("Chưa nhận (hạn {})", deadline.format("%d/%m/%Y")),
            ),
        };
        wards.push(WardStatus {
            code: w.code.clone(),
            name: w.name.clone(),
            received: cur.is_some(),
            status_label: label,
            status: status.into(),
            created_at: cur.map(|c| c.created_at.clone()),
            received_at: cur.map(|c| c.received_at.clone()),
            classification: cur.map(|c| c.classification.clone()),
            to_trinh: cur.and_then(|c| c.to_trinh.clone()),
            people: cur.map(|c| c.people).unwrap_or(0),
            ward_violations: cur.map(|c| c.ward_violations).unwrap_or(0),
            violations: cur.map(|c| c.violations).unwrap_or(0),
            warnings: cur.map(|c| c.warnings).unwrap_or(0),
            targets_met: cur.map(|c| c.targets_met).unwrap_or(0),
            targets_total: cur.map(|c| c.targets_total).unwrap_or(0),
            submissions: mine.len(),
        });
    }
    let received = wards.iter().filter(|w| w.received).count();
    let refs: Vec<&Stats> = stats_all.iter().collect();
    let rule_set = packages
        .iter()
        .find(|p| p.current)
        .map(|p| p.rule_set.clone())
        .unwrap_or_default();
    let posts = match &term {
        Some(t) => store.prov_posts(t)?,
        None => Vec::new(),
    };
    let bodies = ["TAT_CA", "CHU_CHOT", "BCH", "BTV"]
        .iter()
        .map(|b| (b.to_string(), crate::rules::targets::body_label(b)))
        .collect();
    let stats = (!refs.is_empty()).then(|| Stats::sum(&refs));
    let stat_groups = stats
        .as_ref()
        .map(|s| {
            s.groups()
                .into_iter()
                .map(|(t, l)| (t.to_string(), l))
                .collect()
        })
        .unwrap_or_default();
    Ok(Dashboard {
        stat_groups,
        posts,
        bodies,
        province: store.unit()?.name,
        deadline: deadline.format("%d/%m/%Y").to_string(),
        missing: wards.len() - received,
        people: wards.iter().map(|w| w.people).sum(),
        violations: wards.iter().map(|w| w.violations).sum(),
        stats,
        received,
        wards,
        term,
        terms,
        rule_set,
    })
}

/// A list across wards, as the window's filter or the CLI asks for it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CrossFilter {
    pub term: Option<String>,
    /// A post's code ("BT" — everyone planned for Bí thư).
    pub position: Option<String>,
    /// A body: "BCH", "BTV", "CHU_CHOT", "TAT_CA".
    pub body: Option<String>,
    /// Younger than (age at the term's reference month), typed as text ("40").
    pub under: Option<String>,
    /// A name or part of it, diacritics ignored.
    pub name: Option<String>,
}

/// One person of a list across wards.
#[derive(Debug, Clone, Serialize)]
pub struct CrossRow {
    pub ward_code: String,
    pub ward_name: String,
    pub full_name: String,
    pub birth_date: String,
    pub sex: String,
    pub age: i64,
    pub position_code: String,
    pub position_name: String,
}

fn opt(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
}

pub fn list(store: &Store, f: &CrossFilter) -> Result<Vec<CrossRow>> {
    require_province(store)?;
    let term = opt(&f.term)
        .or_else(|| store.prov_terms().ok().and_then(|t| t.first().cloned()))
        .unwrap_or_default();
    let under = match opt(&f.under) {
        Some(t) => Some(
            t.parse::<i64>()
                .ok()
                .filter(|n| (18..=80).contains(n))
                .ok_or_else(|| {
                    invalid(
                        "under",
                        "number",
                        format!("Dưới … tuổi: “{t}” không phải số tuổi (từ 18 đến 80)."),
                    )
                })?,
        ),
        None => None,
    };
    let name = opt(&f.name).map(|n| fold(&n));
    let position = opt(&f.position).map(|p| p.to_uppercase());
    let body = opt(&f.body).map(|b| b.to_uppercase());
    let wards = store.prov_wards()?;
    let ward_name = |c: &str| {
        wards
            .iter()
            .find(|w| w.code == c)
            .map(|w| w.name.clone())
            .unwrap_or_default()
    };
    Ok(store
        .prov_entries(
            &term,
            position.as_deref(),
            body.as_deref(),
            under,
            name.as_deref(),
        )?
        .into_iter()
        .map(|e| CrossRow {
            ward_name: ward_name(&e.ward_code),
            ward_code: e.ward_code,
            full_name: e.full_name,
            birth_date: e.birth_date,
            sex: e.sex,
            age: e.age,
            position_code: e.position_code,
            position_name: e.position_name,
        })
        .collect())
}

/// What the province shows of one ward's current package: the plan, the ward's findings as
/// sent, the check again with the province's rule set, and the statistics.
#[derive(Debug, Clone, Serialize)]
pub struct WardView {
    pub manifest: Manifest,
    pub entries: Vec<CrossRow>,
    pub ward_findings: Vec<SentFinding>,
    pub province_findings: Vec<SentFinding>,
    pub stats: Vec<(String, Stats)>,
    pub history: Vec<PackageRow>,
}

pub fn ward_view(store: &Store, ward: &str, term: &str) -> Result<WardView> {
    require_province(store)?;
    let cur = store.prov_current(ward, term)?.ok_or_else(|| {
        CoreError::not_found(
            "ward",
            format!("Chưa nhận gói nào của đơn vị {ward} cho nhiệm kỳ {term}."),
        )
    })?;
    let contents = package::read(&store.prov_content(cur.id)?)
        .map_err(|e| package::read_error_message(&cur.file_name, &e))?;
    let (_, report) = province_check(store, &contents.data, store.today())?;
    let entries = list(
        store,
        &CrossFilter {
            term: Some(term.to_string()),
            ..Default::default()
        },
    )?
    .into_iter()
    .filter(|r| r.ward_code == ward)
    .collect();
    let history = store
        .prov_packages(Some(term), false)?
        .into_iter()
        .filter(|p| p.ward_code == ward)
        .collect();
    Ok(WardView {
        stats: package::stats_of(&contents.data),
        manifest: contents.manifest,
        entries,
        ward_findings: contents.findings,
        province_findings: SentFinding::of(&report),
        history,
    })
}

/// Runs the check again on every current package with the province's rule set (after the
/// province changed it); returns how many were checked.
pub fn recheck(store: &mut Store) -> Result<usize> {
    store.write(|s| {
        require_province(s)?;
        let today = s.today();
        let current = s.prov_packages(None, true)?;
        for p in &current {
            let contents = package::read(&s.prov_content(p.id)?)
                .map_err(|e| package::read_error_message(&p.file_name, &e))?;
            let (d, report) = province_check(s, &contents.data, today)?;
            let stats = serde_json::to_string(&d.stats(crate::model::plan::body::ALL))?;
            s.prov_set_check(p.id, &d.rules.name, counts(&report), &stats)?;
        }
        Ok(current.len())
    })
}

pub use super::province_report::report;

#[cfg(test)]
mod tests {
    #[test]
    fn packages_from_pcs_in_other_time_zones_are_ordered_by_the_moment() {
        // 08:30 in Hà Nội is 01:30 UTC: earlier than 02:00 UTC though its text sorts later.
        assert!(!super::later(
            "2027-03-15T08:30:00+07:00",
            "2027-03-15T02:00:00+00:00"
        ));
        assert!(super::later(
            "2027-03-15T09:30:00+07:00",
            "2027-03-15T02:00:00+00:00"
        ));
    }
}
