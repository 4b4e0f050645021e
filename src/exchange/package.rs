//! The package's content: a plain SQLite file built in memory (never written in clear), and the
//! frame that carries it with its signature inside the age encryption. docs/province-exchange.md
//! documents both for anyone who reads a package without this program.

use std::collections::HashMap;

use rusqlite::{Connection, MAIN_DB};
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::model::plan::{PlanEntry, Position, Term};
use crate::model::Person;
use crate::rules::check::CheckReport;
use crate::rules::plan::PlanData;
use crate::rules::ruleset::RuleSet;
use crate::rules::stats::Stats;
use crate::rules::targets::Target;

/// The version of the package's tables this program writes. A package of a higher version is
/// refused by name; every lower one is read.
pub const FORMAT_VERSION: i64 = 1;
/// What `manifest.format` holds in every package.
pub const FORMAT: &str = "quyhoach-goi-cap-tren";
/// The file name's ending.
pub const EXTENSION: &str = "qhcb";
/// The bodies whose statistics a package carries (the tables a ward's screen shows).
pub const STAT_BODIES: [&str; 4] = ["TAT_CA", "BCH", "BTV", "CHU_CHOT"];

const MAGIC: &[u8; 8] = b"QHCB\x01\r\n\x1a";

const SCHEMA: &str = "
PRAGMA temp_store = MEMORY;
CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE term (code TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE rule_set (name TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE position (id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE person (id INTEGER PRIMARY KEY, full_name TEXT NOT NULL, birth_date TEXT NOT NULL,
    sex TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE plan_entry (id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES person(id),
    position_id INTEGER NOT NULL REFERENCES position(id), active INTEGER NOT NULL, record TEXT NOT NULL);
CREATE TABLE target (seq INTEGER PRIMARY KEY, body TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE review_year (year INTEGER PRIMARY KEY);
CREATE TABLE finding (seq INTEGER PRIMARY KEY, severity TEXT NOT NULL, rule TEXT NOT NULL,
    person_id INTEGER, person_name TEXT, position_code TEXT, message TEXT NOT NULL);
CREATE TABLE target_result (seq INTEGER PRIMARY KEY, body TEXT NOT NULL, body_label TEXT NOT NULL,
    indicator TEXT NOT NULL, count INTEGER NOT NULL, of INTEGER NOT NULL, value REAL NOT NULL,
    met INTEGER NOT NULL, verdict TEXT NOT NULL);
CREATE TABLE statistic (body TEXT PRIMARY KEY, total INTEGER NOT NULL, record TEXT NOT NULL);
";

/// The tables a package holds, in the manifest's row counts.
const TABLES: [&str; 10] = [
    "term",
    "rule_set",
    "position",
    "person",
    "plan_entry",
    "target",
    "review_year",
    "finding",
    "target_result",
    "statistic",
];

/// What a package says of itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format_version: i64,
    pub ward_code: String,
    pub ward_name: String,
    pub superior_body: String,
    pub place_name: String,
    pub term: String,
    /// The ward database's schema version and the program that made the package.
    pub schema_version: i64,
    pub program_version: String,
    /// RFC 3339, local time of the ward's PC.
    pub created_at: String,
    /// The Tờ trình's number the package goes with ("Số 05-TTr/ĐU"), if one is issued.
    pub to_trinh: Option<String>,
    /// Độ mật of the submission.
    pub classification: String,
    pub province_name: String,
    pub province_fingerprint: String,
    pub signer_key_id: String,
    /// Rows of each table.
    pub rows: Vec<(String, i64)>,
}

/// A finding as the ward's check reported it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentFinding {
    pub severity: String,
    pub rule: String,
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    pub position_code: Option<String>,
    pub message: String,
}

/// A target's result as the ward's check reported it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentTarget {
    pub body: String,
    pub body_label: String,
    pub indicator: String,
    pub count: i64,
    pub of: i64,
    pub value: f64,
    pub met: bool,
    pub verdict: String,
}

/// Everything a package holds, read back.
#[derive(Debug, Clone)]
pub struct Contents {
    pub manifest: Manifest,
    /// The term's plan as the rules read it (with the ward's own rule set).
    pub data: PlanData,
    pub findings: Vec<SentFinding>,
    pub targets: Vec<SentTarget>,
    pub stats: Vec<(String, Stats)>,
}

impl SentFinding {
    pub fn of(report: &CheckReport) -> Vec<SentFinding> {
        report
            .findings
            .iter()
            .map(|f| SentFinding {
                severity: f.severity.code().to_string(),
                rule: f.rule.code().to_string(),
                person_id: f.person_id,
                person_name: f.person_name.clone(),
                position_code: f.position_code.clone(),
                message: f.message.clone(),
            })
            .collect()
    }
}

impl SentTarget {
    pub fn of(report: &CheckReport) -> Vec<SentTarget> {
        report
            .targets
            .iter()
            .map(|t| SentTarget {
                body: t.target.body.clone(),
                body_label: t.body_label.clone(),
                indicator: t.target.indicator.code().to_string(),
                count: t.count as i64,
                of: t.of as i64,
                value: t.value,
                met: t.met,
                verdict: t.verdict.clone(),
            })
            .collect()
    }
}

fn json<T: Serialize>(v: &T) -> Result<String> {
    Ok(serde_json::to_string(v)?)
}

/// The package's SQLite bytes: made in memory and serialised, so no clear copy touches the disk.
pub fn write(
    manifest: &Manifest,
    data: &PlanData,
    report: &CheckReport,
    stats: &[(String, Stats)],
) -> Result<(Vec<u8>, Manifest)> {
    let mut conn = Connection::open_in_memory()?;
    conn.execute_batch(SCHEMA)?;
    let m = {
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO term (code, record) VALUES (?1, ?2)",
            (&data.term.code, json(&data.term)?),
        )?;
        tx.execute(
            "INSERT INTO rule_set (name, record) VALUES (?1, ?2)",
            (&data.rules.name, json(&data.rules)?),
        )?;
        for p in &data.positions {
            tx.execute(
                "INSERT INTO position (id, code, name, record) VALUES (?1, ?2, ?3, ?4)",
                (p.id, &p.code, &p.name, json(p)?),
            )?;
        }
        let mut people: Vec<&Person> = data.people.values().collect();
        people.sort_by_key(|p| p.id);
        for p in people {
            tx.execute(
                "INSERT INTO person (id, full_name, birth_date, sex, record) VALUES (?1, ?2, ?3, ?4, ?5)",
                (p.id, &p.full_name, p.birth_date.to_iso(), p.sex.code(), json(p)?),
            )?;
        }
        for e in &data.entries {
            tx.execute(
                "INSERT INTO plan_entry (id, person_id, position_id, active, record) VALUES (?1, ?2, ?3, ?4, ?5)",
                (e.id, e.person_id, e.position_id, e.is_active(), json(e)?),
            )?;
        }
        for (i, t) in data.targets.iter().enumerate() {
            tx.execute(
                "INSERT INTO target (seq, body, record) VALUES (?1, ?2, ?3)",
                (i as i64 + 1, &t.body, json(t)?),
            )?;
        }
        for y in &data.review_years {
            tx.execute("INSERT OR IGNORE INTO review_year (year) VALUES (?1)", [y])?;
        }
        for (i, f) in SentFinding::of(report).iter().enumerate() {
            tx.execute(
                "INSERT INTO finding (seq, severity, rule, person_id, person_name, position_code, message)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                (
                    i as i64 + 1,
                    &f.severity,
                    &f.rule,
                    f.person_id,
                    &f.person_name,
                    &f.position_code,
                    &f.message,
                ),
            )?;
        }
        for (i, t) in SentTarget::of(report).iter().enumerate() {
            tx.execute(
                "INSERT INTO target_result (seq, body, body_label, indicator, count, of, value, met, verdict)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                (
                    i as i64 + 1,
                    &t.body,
                    &t.body_label,
                    &t.indicator,
                    t.count,
                    t.of,
                    t.value,
                    t.met,
                    &t.verdict,
                ),
            )?;
        }
        for (body, s) in stats {
            tx.execute(
                "INSERT INTO statistic (body, total, record) VALUES (?1, ?2, ?3)",
                (body, s.total as i64, json(s)?),
            )?;
        }
        let mut m = manifest.clone();
        m.format_version = FORMAT_VERSION;
        m.rows = TABLES
            .iter()
            .map(|t| {
                tx.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                    .map(|n: i64| (t.to_string(), n))
            })
            .collect::<rusqlite::Result<_>>()?;
        for (k, v) in manifest_rows(&m) {
            tx.execute("INSERT INTO manifest (key, value) VALUES (?1, ?2)", (k, v))?;
        }
        tx.commit()?;
        m
    };
    let bytes = conn.serialize(MAIN_DB)?.to_vec();
    Ok((bytes, m))
}

fn manifest_rows(m: &Manifest) -> Vec<(String, String)> {
    let mut rows = vec![
        ("format".to_string(), FORMAT.to_string()),
        ("format_version".into(), m.format_version.to_string()),
        ("ward_code".into(), m.ward_code.clone()),
        ("ward_name".into(), m.ward_name.clone()),
        ("superior_body".into(), m.superior_body.clone()),
        ("place_name".into(), m.place_name.clone()),
        ("term".into(), m.term.clone()),
        ("schema_version".into(), m.schema_version.to_string()),
        ("program_version".into(), m.program_version.clone()),
        ("created_at".into(), m.created_at.clone()),
        ("classification".into(), m.classification.clone()),
        ("province_name".into(), m.province_name.clone()),
        (
            "province_fingerprint".into(),
            m.province_fingerprint.clone(),
        ),
        ("signer_key_id".into(), m.signer_key_id.clone()),
    ];
    if let Some(t) = &m.to_trinh {
        rows.push(("to_trinh".into(), t.clone()));
    }
    for (t, n) in &m.rows {
        rows.push((format!("rows.{t}"), n.to_string()));
    }
    rows
}

/// Why a package's content does not read.
#[derive(Debug)]
pub enum ReadError {
    /// Written by a newer program (its format version).
    Newer(i64),
    /// Not a package's tables, or a row that does not read.
    Invalid(String),
}

fn invalid(e: impl std::fmt::Display) -> ReadError {
    ReadError::Invalid(e.to_string())
}

/// Opens the package's SQLite bytes in memory, read-only.
fn open(bytes: &[u8]) -> std::result::Result<Connection, ReadError> {
    let mut conn = Connection::open_in_memory().map_err(invalid)?;
    conn.deserialize_read_exact(MAIN_DB, bytes, bytes.len(), true)
        .map_err(invalid)?;
    Ok(conn)
}

/// Every row of a query, each made by `row`.
fn query_rows<T>(
    conn: &Connection,
    sql: &str,
    row: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
) -> std::result::Result<Vec<T>, ReadError> {
    let mut st = conn.prepare(sql).map_err(invalid)?;
    let out = st
        .query_map([], row)
        .map_err(invalid)?
        .collect::<rusqlite::Result<Vec<T>>>()
        .map_err(invalid)?;
    Ok(out)
}

/// The JSON records a query's first column holds, read back.
fn records<T: for<'de> Deserialize<'de>>(
    conn: &Connection,
    sql: &str,
) -> std::result::Result<Vec<T>, ReadError> {
    query_rows(conn, sql, |r| r.get::<_, String>(0))?
        .iter()
        .map(|s| serde_json::from_str(s).map_err(invalid))
        .collect()
}

/// Reads a package's SQLite bytes back.
pub fn read(bytes: &[u8]) -> std::result::Result<Contents, ReadError> {
    let conn = open(bytes)?;
    let kv: HashMap<String, String> = query_rows(&conn, "SELECT key, value FROM manifest", |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?
    .into_iter()
    .collect();
    if kv.get("format").map(String::as_str) != Some(FORMAT) {
        return Err(ReadError::Invalid("thiếu bảng manifest".into()));
    }
    let get = |k: &str| kv.get(k).cloned().unwrap_or_default();
    let num = |k: &str| get(k).parse::<i64>().unwrap_or(0);
    let version = num("format_version");
    if version > FORMAT_VERSION {
        return Err(ReadError::Newer(version));
    }
    let mut rows: Vec<(String, i64)> = TABLES
        .iter()
        .map(|t| (t.to_string(), num(&format!("rows.{t}"))))
        .collect();
    rows.retain(|(t, _)| kv.contains_key(&format!("rows.{t}")));
    let manifest = Manifest {
        format_version: version,
        ward_code: get("ward_code"),
        ward_name: get("ward_name"),
        superior_body: get("superior_body"),
        place_name: get("place_name"),
        term: get("term"),
        schema_version: num("schema_version"),
        program_version: get("program_version"),
        created_at: get("created_at"),
        to_trinh: kv.get("to_trinh").cloned(),
        classification: get("classification"),
        province_name: get("province_name"),
        province_fingerprint: get("province_fingerprint"),
        signer_key_id: get("signer_key_id"),
        rows,
    };
    let term: Term = records(&conn, "SELECT record FROM term")?
        .pop()
        .ok_or_else(|| ReadError::Invalid("thiếu nhiệm kỳ".into()))?;
    let rules: RuleSet = records(&conn, "SELECT record FROM rule_set")?
        .pop()
        .ok_or_else(|| ReadError::Invalid("thiếu bộ quy định".into()))?;
    let positions: Vec<Position> = records(&conn, "SELECT record FROM position ORDER BY id")?;
    let people: Vec<Person> = records(&conn, "SELECT record FROM person ORDER BY id")?;
    let entries: Vec<PlanEntry> = records(&conn, "SELECT record FROM plan_entry ORDER BY id")?;
    let targets: Vec<Target> = records(&conn, "SELECT record FROM target ORDER BY seq")?;
    let review_years: Vec<i32> =
        query_rows(&conn, "SELECT year FROM review_year ORDER BY year", |r| {
            r.get(0)
        })?;
    let findings = query_rows(&conn,
        "SELECT severity, rule, person_id, person_name, position_code, message FROM finding ORDER BY seq",
        |r| {
            Ok(SentFinding {
                severity: r.get(0)?,
                rule: r.get(1)?,
                person_id: r.get(2)?,
                person_name: r.get(3)?,
                position_code: r.get(4)?,
                message: r.get(5)?,
            })
        },
    )?;
    let targets_sent = query_rows(&conn,
        "SELECT body, body_label, indicator, count, of, value, met, verdict FROM target_result ORDER BY seq",
        |r| {
            Ok(SentTarget {
                body: r.get(0)?,
                body_label: r.get(1)?,
                indicator: r.get(2)?,
                count: r.get(3)?,
                of: r.get(4)?,
                value: r.get(5)?,
                met: r.get(6)?,
                verdict: r.get(7)?,
            })
        },
    )?;
    let sent: Vec<(String, String)> =
        query_rows(&conn, "SELECT body, record FROM statistic", |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let mut stats = Vec::new();
    for body in STAT_BODIES {
        if let Some((_, j)) = sent.iter().find(|(b, _)| b == body) {
            stats.push((body.to_string(), serde_json::from_str(j).map_err(invalid)?));
        }
    }
    let data = PlanData {
        term,
        rules,
        positions,
        people: people
            .into_iter()
            .filter_map(|p| p.id.map(|id| (id, p)))
            .collect(),
        entries,
        targets,
        place_name: manifest.place_name.clone(),
        review_years,
    };
    Ok(Contents {
        manifest,
        data,
        findings,
        targets: targets_sent,
        stats,
    })
}

/// The statistics of a plan for each of [`STAT_BODIES`].
pub fn stats_of(data: &PlanData) -> Vec<(String, Stats)> {
    STAT_BODIES
        .iter()
        .map(|b| (b.to_string(), data.stats(b)))
        .collect()
}

/// What the age layer encrypts: the SQLite bytes, then the minisign signature of them.
pub fn frame(sqlite: &[u8], signature: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + sqlite.len() + signature.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(sqlite.len() as u64).to_le_bytes());
    out.extend_from_slice(sqlite);
    out.extend_from_slice(signature.as_bytes());
    out
}

/// The SQLite bytes and the signature's text of a frame, if it is one.
pub fn unframe(plain: &[u8]) -> Option<(&[u8], &str)> {
    let rest = plain.strip_prefix(MAGIC.as_slice())?;
    if rest.len() < 8 {
        return None;
    }
    let (len, rest) = rest.split_at(8);
    let len = u64::from_le_bytes(len.try_into().ok()?) as usize;
    if rest.len() < len {
        return None;
    }
    let (sqlite, sig) = rest.split_at(len);
    Some((sqlite, std::str::from_utf8(sig).ok()?))
}

/// The error of a package's content that does not read, for the clerk.
pub fn read_error_message(file: &str, e: &ReadError) -> CoreError {
    match e {
        ReadError::Newer(v) => CoreError::validation(
            "package",
            "newer_format",
            format!(
                "Gói “{file}” do phiên bản mới hơn của chương trình tạo (định dạng gói số {v}; phiên bản này đọc được đến số {FORMAT_VERSION}). Hãy cập nhật chương trình rồi nhập lại. Chưa có gì thay đổi."
            ),
        ),
        ReadError::Invalid(why) => CoreError::validation(
            "package",
            "unreadable",
            format!("Gói “{file}” có chữ ký đúng nhưng nội dung không đọc được ({why}). Chưa có gì thay đổi."),
        ),
    }
}
