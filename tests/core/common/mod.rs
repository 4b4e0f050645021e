//! Shared helpers of the integration tests: temp folders (with spaces and diacritics, as on
//! Windows office PCs), a fixed "today", and sample records in Vietnamese.
#![allow(dead_code)]

use std::path::PathBuf;

use chrono::NaiveDate;
use quyhoach::model::*;
use quyhoach::Store;

pub mod plan;
pub mod print;
pub mod scenario;

pub const PASS: &str = "mật khẩu đúng 2026";

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

pub struct TempWard {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

/// A folder like "C:\Users\Văn phòng\Dữ liệu" and a database path inside it.
pub fn temp_ward() -> TempWard {
    let dir = tempfile::Builder::new()
        .prefix("quy hoạch ")
        .tempdir()
        .unwrap();
    let path = dir.path().join("Dữ liệu Đảng ủy").join("phường Phổ Hòa.db");
    TempWard { dir, path }
}

/// Writes the test passphrase into a file beside the ward and returns its path.
pub fn pass_file(w: &TempWard) -> PathBuf {
    let p = w.dir.path().join("mật khẩu.txt");
    std::fs::write(&p, PASS).unwrap();
    p
}

/// The `quyhoach` binary, with nothing of the machine it runs on: no passphrase in the
/// environment, a data folder that is not the user's.
pub fn quyhoach() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_quyhoach"));
    c.env_remove("QUYHOACH_PASSPHRASE")
        .env_remove("QUYHOACH_NEW_PASSPHRASE")
        .env(
            "QUYHOACH_DATA_DIR",
            std::env::temp_dir().join("quyhoach-khong-dung-toi"),
        );
    c
}

/// Starts a command (`start` spawns it or runs it to its end). Wine (Debian's 8.0) now and
/// then refuses to start a process with "Internal error" (OS error 1359) when several tests
/// spawn at once; that is the test machine, not the program, so starting is tried again. A
/// program that starts and fails is returned as it is.
pub fn started<T>(
    c: &mut std::process::Command,
    mut start: impl FnMut(&mut std::process::Command) -> std::io::Result<T>,
) -> T {
    let mut tries = 0;
    loop {
        match start(c) {
            Ok(o) => return o,
            Err(e) if tries < 5 && e.raw_os_error() == Some(1359) => {
                tries += 1;
                eprintln!(
                    "wine could not start {:?} ({e}); trying again",
                    c.get_program()
                );
                std::thread::sleep(std::time::Duration::from_millis(300 * tries));
            }
            Err(e) => panic!("{:?} did not start: {e}", c.get_program()),
        }
    }
}

/// Runs a command to its end, started as [`started`] does.
pub trait RunToEnd {
    fn run(&mut self) -> std::process::Output;
}

impl RunToEnd for std::process::Command {
    fn run(&mut self) -> std::process::Output {
        started(self, |c| c.output())
    }
}

/// The one CLI runner: `quyhoach --db <db> --passphrase-file <pass> <args>`, with `stdin`
/// typed in when given.
pub fn run_cli(
    db: &std::path::Path,
    pass: &std::path::Path,
    args: &[&str],
    stdin: Option<&str>,
) -> std::process::Output {
    let mut c = quyhoach();
    c.arg("--db")
        .arg(db)
        .arg("--passphrase-file")
        .arg(pass)
        .args(args);
    match stdin {
        Some(text) => {
            use std::io::Write;
            use std::process::Stdio;
            c.stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            let mut child = started(&mut c, |c| c.spawn());
            child
                .stdin
                .take()
                .unwrap()
                .write_all(text.as_bytes())
                .unwrap();
            child.wait_with_output().unwrap()
        }
        None => c.run(),
    }
}

/// Runs the `quyhoach` CLI on the ward's database with the passphrase file.
pub fn cli(w: &TempWard, pass: &std::path::Path, args: &[&str]) -> std::process::Output {
    run_cli(&w.path, pass, args, None)
}

pub fn unit() -> Unit {
    Unit {
        name: "Đảng ủy phường Phổ Hòa".into(),
        superior_body: "Đảng bộ tỉnh Quảng Ngãi".into(),
        place_name: "Phổ Hòa".into(),
        issuer_code: "ĐU".into(),
    }
}

pub fn new_store(w: &TempWard) -> Store {
    let mut s = Store::create(&w.path, PASS, &unit()).unwrap();
    s.set_today(today());
    s
}

/// A new ward with the party term `code` ("2030-2035"; its reference month July of the first
/// year), the shared start of the tests on a plan.
pub fn ward_with_term(w: &TempWard, code: &str) -> Store {
    let mut s = new_store(w);
    add_party_term(&mut s, code);
    s
}

/// Adds the party term `code` ("2025-2030") to the ward.
pub fn add_party_term(s: &mut Store, code: &str) {
    let (from, to) = code.split_once('-').expect("a term's code: 2030-2035");
    let (from, to): (i32, i32) = (from.parse().unwrap(), to.parse().unwrap());
    s.add_term(&quyhoach::model::plan::Term::new(
        quyhoach::model::plan::TermKind::Party,
        from,
        to,
        quyhoach::model::YearMonth::new(from, 7),
    ))
    .unwrap();
}

/// A person with only a name, sex and birth date, saved in the ward; their id.
pub fn add(s: &mut Store, name: &str, sex: Sex, birth: &str) -> i64 {
    s.add_person(&Person::new(name, sex, d(birth))).unwrap()
}

/// `person` proposed (the first plan step) for the post `code` of `term` on `date`; the
/// entry's id.
pub fn propose(s: &mut Store, term: &str, code: &str, person: i64, date: &str) -> i64 {
    s.plan_person(
        term,
        code,
        person,
        &quyhoach::model::plan::PlanEvent::new(quyhoach::model::plan::PlanStep::Proposed, d(date)),
    )
    .unwrap()
}

pub fn reopen(w: &TempWard) -> Store {
    let mut s = Store::open(&w.path, PASS).unwrap();
    s.set_today(today());
    s
}

pub fn d(s: &str) -> PartialDate {
    PartialDate::parse(s).unwrap()
}

/// A complete record with stacked diacritics (ể, ặ, Ở) in its text.
pub fn hoa() -> Person {
    let mut p = Person::new("Nguyễn Văn Hòa", Sex::Male, d("15/03/1978"));
    p.other_name = "Hòa Ểnh".into();
    p.home_town = "xã Phổ Thuận, tỉnh Quảng Ngãi".into();
    p.birthplace = "Ở xã Phổ Thuận".into();
    p.residence = "Tổ dân phố 3, phường Phổ Hòa".into();
    p.cccd = Some("051078001234".into());
    p.party_admission_date = Some(d("19/05/2003"));
    p.party_official_date = Some(d("19/05/2004"));
    p.party_card_no = "079000123456".into();
    p.general_education = "12/12".into();
    p.professional_level = Some(ProfessionalLevel::DaiHoc);
    p.professional_field = "Luật kinh tế – đặc biệt".into();
    p.political_theory = Some(PoliticalTheory::CaoCap);
    p.state_management = Some(StateManagement::ChuyenVienChinh);
    p.foreign_language = Skill {
        level: "Bậc 3".into(),
        note: "Tiếng Anh".into(),
    };
    p.it = Skill {
        level: "Ứng dụng CNTT cơ bản".into(),
        note: String::new(),
    };
    p.positions = vec![
        PositionHeld {
            title: "Phó Chủ tịch UBND".into(),
            organisation: "UBND phường Phổ Hòa".into(),
            start: Some(d("07/2015")),
            end: Some(d("30/06/2020")),
        },
        PositionHeld {
            title: "Chủ tịch UBND".into(),
            organisation: "UBND phường Phổ Hòa".into(),
            start: Some(d("01/07/2020")),
            end: None,
        },
        PositionHeld {
            title: "Phó Bí thư Đảng ủy".into(),
            organisation: "Đảng ủy phường Phổ Hòa".into(),
            start: Some(d("2020")),
            end: None,
        },
    ];
    p.ratings = vec![
        Rating {
            year: 2023,
            level: RatingLevel::Htt,
            score: None,
            basis: "QĐ 124-QĐ/TW".into(),
        },
        Rating {
            year: 2024,
            level: RatingLevel::Htxs,
            score: None,
            basis: "QĐ 124-QĐ/TW".into(),
        },
        Rating {
            year: 2025,
            level: RatingLevel::Htt,
            score: Some(86.5),
            basis: "QĐ 366-QĐ/TW".into(),
        },
    ];
    p.discipline_rewards = vec![DisciplineReward {
        kind: RecordKind::Reward,
        form: "Bằng khen của Tỉnh ủy".into(),
        date: d("03/02/2024"),
        decision_no: "1234-QĐ/TU".into(),
        until: None,
        note: "Hoàn thành xuất sắc nhiệm vụ năm 2023".into(),
    }];
    p.trainings = vec![Training {
        name: "Cao cấp lý luận chính trị".into(),
        institution: "Học viện Chính trị khu vực III".into(),
        from: Some(d("03/2019")),
        to: Some(d("12/2020")),
        certificate: "Bằng tốt nghiệp".into(),
    }];
    p
}

/// "Hoàn thành tốt nhiệm vụ" in 2023, 2024 and 2025: the ratings of a cadre the rules accept.
pub fn htt_2023_2025() -> Vec<Rating> {
    [2023, 2024, 2025]
        .map(|year| Rating {
            year,
            level: RatingLevel::Htt,
            score: None,
            basis: String::new(),
        })
        .to_vec()
}

pub fn simple(name: &str, sex: Sex, birth: &str, cccd: &str) -> Person {
    let mut p = Person::new(name, sex, d(birth));
    p.cccd = Some(cccd.into());
    p
}

/// Everything a reader could see: every full record and the row count of every table
/// (the audit log included).
pub fn snapshot(s: &Store) -> (Vec<Person>, Vec<(String, i64)>) {
    let people: Vec<Person> = s
        .list_people()
        .unwrap()
        .into_iter()
        .map(|p| s.person(p.id).unwrap())
        .collect();
    (people, s.table_counts().unwrap())
}

/// Every row of every table of the ward file (the audit log included), as text, read by a
/// connection of its own: equal before and after an action means the action wrote nothing.
pub fn dump(db: &std::path::Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.pragma_update(None, "key", PASS).unwrap();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut out = Vec::new();
    for name in names {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{name}\" ORDER BY rowid"))
            .unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut line = name.clone();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    line.push_str(&format!(" | {v:?}"));
                }
                Ok(line)
            })
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        out.push(format!("{name}: {} rows", rows.len()));
        out.extend(rows);
    }
    out
}

/// Panics, naming the lines that changed, unless the ward file reads as `before` (a `dump`).
#[track_caller]
pub fn assert_unchanged(before: &[String], db: &std::path::Path, what: &str) {
    let after = dump(db);
    if after != before {
        let gone: Vec<&String> = before.iter().filter(|l| !after.contains(l)).collect();
        let new: Vec<&String> = after.iter().filter(|l| !before.contains(l)).collect();
        panic!("{what}: the file changed.\nremoved: {gone:#?}\nadded: {new:#?}");
    }
}
