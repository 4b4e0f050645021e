//! "Gửi cấp trên" (issue 25): a ward's package arrives at the province exactly as the ward saw
//! its plan; a tampered, foreign, misaddressed or newer package is refused by name and leaves the
//! province's file as it was; nothing personal is ever in clear in a package, in the province's
//! file or in a temp file; independent tools (pyrage, PyPI's minisign, Python's sqlite3) open
//! what the program wrote.

use std::path::{Path, PathBuf};

use quyhoach::app::{exchange, plan, province};
use quyhoach::exchange::{keys, package};
use quyhoach::model::Unit;
use quyhoach::Store;

use crate::common::*;

const TERM: &str = "2030-2035";
const CODE: &str = "25301";

struct Scene {
    _dir: tempfile::TempDir,
    root: PathBuf,
    ward: Store,
    prov: Store,
    prov_db: PathBuf,
    package: PathBuf,
}

fn province_unit(name: &str) -> Unit {
    Unit {
        name: name.into(),
        superior_body: "Đảng bộ tỉnh Quảng Ngãi".into(),
        place_name: "Quảng Ngãi".into(),
        issuer_code: "BTCTU".into(),
    }
}

fn new_province(root: &Path, name: &str) -> (Store, PathBuf) {
    let db = root.join("Tỉnh ủy").join(format!("{name}.db"));
    let mut s = province::create_province(&db, PASS, &province_unit(name)).unwrap();
    s.set_today(today());
    (s, db)
}

fn new_ward(root: &Path, name: &str) -> Store {
    let db = root.join("Phường").join(format!("{name}.db"));
    let mut s = quyhoach::demo::create_demo(&db, PASS, 60).unwrap();
    s.set_today(today());
    s
}

/// The province's key file handed to a ward, imported there.
fn give_province_key(prov: &Store, ward: &mut Store, dir: &Path) {
    let f = dir.join(format!("khóa tỉnh {}.txt", prov.unit().unwrap().name));
    if !f.exists() {
        province::save_own_key(prov, &f).unwrap();
    }
    exchange::import_province_key(ward, &std::fs::read_to_string(&f).unwrap()).unwrap();
}

/// The ward's key file registered at the province with the fingerprint "on paper".
fn register(prov: &mut Store, ward: &mut Store, code: &str, dir: &Path) {
    let f = dir.join(format!("khóa {code}.pub"));
    let key = exchange::save_key(ward, code, &f).unwrap();
    province::register_ward(
        prov,
        &std::fs::read_to_string(&f).unwrap(),
        &key.fingerprint,
    )
    .unwrap();
}

fn export(ward: &mut Store, out: &Path) -> exchange::PackageReport {
    exchange::export_package(
        ward,
        &exchange::PackageInput {
            term: TERM.into(),
            ward_code: String::new(),
            classification: "Mật".into(),
            out_dir: out.to_path_buf(),
            workbooks: true,
        },
    )
    .unwrap()
}

fn scene() -> Scene {
    let dir = tempfile::Builder::new()
        .prefix("gửi cấp trên ")
        .tempdir()
        .unwrap();
    let root = dir.path().to_path_buf();
    let mut ward = new_ward(&root, "phường Phổ Hòa");
    let (mut prov, prov_db) = new_province(&root, "Ban Tổ chức Tỉnh ủy Quảng Ngãi");
    let usb = root.join("USB");
    give_province_key(&prov, &mut ward, &usb);
    register(&mut prov, &mut ward, CODE, &usb);
    let r = export(&mut ward, &usb);
    Scene {
        _dir: dir,
        root,
        ward,
        prov,
        prov_db,
        package: r.path,
    }
}

fn refused_rule(e: &quyhoach::CoreError) -> String {
    let f = e.field_errors();
    assert_eq!(f.len(), 1, "{e}");
    assert_eq!(f[0].field, "package", "{e}");
    assert!(
        !f[0].message.contains("--") && f[0].message.contains("Chưa có gì thay đổi"),
        "{}",
        f[0].message
    );
    f[0].rule.clone()
}

#[test]
fn the_province_shows_exactly_the_wards_plan_findings_and_statistics() {
    let mut s = scene();
    let name = s.package.file_name().unwrap().to_string_lossy().to_string();
    assert_eq!(name, format!("{CODE}-{TERM}-20261122.qhcb"));
    let got = province::import_package(&mut s.prov, &s.package).unwrap();
    assert_eq!(got.status, "nhan", "{}", got.message);

    let view = province::ward_view(&s.prov, CODE, TERM).unwrap();
    let report = plan::check(&s.ward, TERM, today()).unwrap();
    // The ward's findings as it saw them, in order, word for word.
    assert_eq!(view.ward_findings, package::SentFinding::of(&report));
    assert!(view.ward_findings.len() >= 3, "{:?}", view.ward_findings);
    // The province's own rule set (the same HD 45 here) finds the same on the ward's data.
    assert_eq!(view.province_findings, view.ward_findings);
    // Every active entry: who, for which post.
    let data = s.ward.plan_data(TERM).unwrap();
    let mut want: Vec<(String, String)> = data
        .entries
        .iter()
        .filter(|e| e.is_active())
        .map(|e| {
            (
                data.people[&e.person_id].full_name.clone(),
                data.position_by_id(e.position_id).unwrap().code.clone(),
            )
        })
        .collect();
    want.sort();
    let mut shown: Vec<(String, String)> = view
        .entries
        .iter()
        .map(|r| (r.full_name.clone(), r.position_code.clone()))
        .collect();
    shown.sort();
    assert_eq!(shown, want);
    // Every statistic of every body.
    for (body, st) in &view.stats {
        assert_eq!(st, &plan::stats(&s.ward, TERM, body).unwrap(), "{body}");
    }
    assert_eq!(view.manifest.classification, "Mật");
    // The Tờ trình prints the fingerprint of the key that signs the package; the cover sheet
    // beside the package its Độ mật, digest and fingerprint.
    let key = exchange::ward_key(&s.ward).unwrap().unwrap();
    let mut req = quyhoach::docs::DocRequest::new(quyhoach::docs::DocKind::ToTrinh, today());
    req.term_code = Some(TERM.into());
    req.signer = Some(quyhoach::docs::settings::Signer {
        on_behalf: "T/M BAN THƯỜNG VỤ".into(),
        title: "BÍ THƯ".into(),
        name: "Nguyễn Văn An".into(),
    });
    let doc = quyhoach::docs::describe(&s.ward, &req).unwrap();
    let words: String = doc
        .sections
        .iter()
        .flat_map(|sec| &sec.blocks)
        .filter_map(|b| match b {
            quyhoach::document::Block::Paragraph(p) => Some(p.text()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains(&format!("dấu vân tay {}", key.fingerprint)),
        "{words}"
    );
    assert_eq!(view.manifest.ward_name, s.ward.unit().unwrap().name);
    // The dashboard: received, with the ward's figures; the province's statistics are its.
    let d = province::status(&s.prov, None).unwrap();
    assert_eq!((d.received, d.missing), (1, 0));
    assert!(
        d.posts
            .iter()
            .any(|(c, n)| c == "BT" && n.starts_with("Bí thư")),
        "{:?}",
        d.posts
    );
    let w = &d.wards[0];
    assert_eq!(w.status, "ok");
    assert_eq!(w.people as usize, data.people.len());
    let violations = report
        .findings
        .iter()
        .filter(|f| f.severity.code() == "vi_pham")
        .count();
    assert_eq!(w.violations as usize, violations);
    assert_eq!(
        (w.targets_met as usize, w.targets_total as usize),
        (
            report.targets.iter().filter(|t| t.met).count(),
            report.targets.len()
        )
    );
    let all = plan::stats(&s.ward, TERM, "TAT_CA").unwrap();
    assert_eq!(d.stats.as_ref().unwrap(), &all);
    // Lists across wards: everyone planned for Bí thư, everyone under 40 in the BCH plan.
    let bt = province::list(
        &s.prov,
        &province::CrossFilter {
            position: Some("BT".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        bt.len(),
        want.iter().filter(|(_, p)| p == "BT").count(),
        "{bt:?}"
    );
    let young = province::list(
        &s.prov,
        &province::CrossFilter {
            body: Some("BCH".into()),
            under: Some("40".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(young.iter().all(|r| r.age < 40 && r.position_code == "BCH"));
    let typed = province::list(
        &s.prov,
        &province::CrossFilter {
            under: Some("bốn mươi".into()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(typed.field_errors()[0].field, "under");
    // Search by name without diacritics.
    let someone = &want[0].0;
    let folded = quyhoach::text::fold(someone);
    let found = province::list(
        &s.prov,
        &province::CrossFilter {
            name: Some(folded.to_uppercase()),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(found.iter().any(|r| &r.full_name == someone), "{found:?}");
}

#[test]
fn a_newer_package_replaces_the_older_the_same_file_twice_is_one_and_history_is_kept() {
    let mut s = scene();
    let first = province::import_package(&mut s.prov, &s.package).unwrap();
    assert_eq!(first.status, "nhan");
    let before = dump(&s.prov_db);
    let again = province::import_package(&mut s.prov, &s.package).unwrap();
    assert_eq!(again.status, "da_co", "{}", again.message);
    assert_unchanged(&before, &s.prov_db, "the same package imported twice");
    // A later package (the next day) from the same ward replaces it; the first stays in history.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    s.ward.set_today(today().succ_opt().unwrap());
    let later = export(&mut s.ward, &s.root.join("USB"));
    let r = province::import_package(&mut s.prov, &later.path).unwrap();
    assert_eq!(r.status, "thay", "{}", r.message);
    let view = province::ward_view(&s.prov, CODE, TERM).unwrap();
    assert_eq!(view.history.len(), 2);
    assert_eq!(view.history.iter().filter(|p| p.current).count(), 1);
    assert_eq!(view.manifest.created_at, later.manifest.created_at);
    // The older one, imported after, only goes to history.
    let d = province::status(&s.prov, Some(TERM)).unwrap();
    assert_eq!(d.wards[0].submissions, 2);
    assert_eq!(d.received, 1);
    let entries = province::list(&s.prov, &Default::default()).unwrap();
    let n = s
        .ward
        .plan_data(TERM)
        .unwrap()
        .entries
        .iter()
        .filter(|e| e.is_active())
        .count();
    assert_eq!(entries.len(), n, "the replaced package's entries are gone");
}

#[test]
#[cfg_attr(windows, ignore = "poppler runs on the Linux side")]
fn the_cover_sheet_prints_the_classification_digest_and_fingerprint() {
    let s = scene();
    let key = exchange::ward_key(&s.ward).unwrap().unwrap();
    let sha = keys::sha256_hex(&std::fs::read(&s.package).unwrap());
    let cover = s
        .package
        .with_file_name(format!("{CODE}-{TERM}-20261122 - phiếu gửi.pdf"));
    let text = pdf_text(&cover);
    for want in [
        "MẬT",
        "PHIẾU GỬI",
        "Độ mật: Mật",
        key.fingerprint.as_str(),
        "không gửi gì qua mạng",
    ] {
        assert!(text.contains(want), "{want} not in: {text}");
    }
    assert!(text.replace(' ', "").contains(&sha), "{text}");
}

/// A PDF's text through poppler, its lines joined by spaces.
fn pdf_text(pdf: &Path) -> String {
    let o = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&o.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Decrypts a package with the province's identity (kept in its encrypted file).
fn plain_of(prov: &Store, file: &Path) -> Vec<u8> {
    let id = prov.meta("province_identity").unwrap().unwrap();
    keys::decrypt(&id, &std::fs::read(file).unwrap())
        .ok()
        .unwrap()
}

#[test]
fn tampered_foreign_misaddressed_and_newer_packages_are_refused_and_change_nothing() {
    let mut s = scene();
    let bad = s.root.join("Gói hỏng");
    std::fs::create_dir_all(&bad).unwrap();
    let bytes = std::fs::read(&s.package).unwrap();
    let before = dump(&s.prov_db);

    // A flipped byte anywhere: the age header, its MAC, the payload, the last byte.
    for at in [5, 40, 120, bytes.len() / 2, bytes.len() - 1] {
        let mut b = bytes.clone();
        b[at] ^= 0x01;
        let f = bad.join(format!("đổi byte {at}.qhcb"));
        std::fs::write(&f, &b).unwrap();
        let e = province::import_package(&mut s.prov, &f).unwrap_err();
        let rule = refused_rule(&e);
        assert!(
            ["not_package", "damaged", "other_province"].contains(&rule.as_str()),
            "byte {at}: {rule}: {e}"
        );
        assert_unchanged(&before, &s.prov_db, &format!("byte {at} flipped"));
    }

    // Re-encrypted by someone who changed the plan (anyone can encrypt to the province's public
    // key): the ward's signature no longer matches.
    let plain = plain_of(&s.prov, &s.package);
    let (sqlite, sig) = package::unframe(&plain).unwrap();
    let mut forged = sqlite.to_vec();
    let at = forged.len() - 200;
    forged[at] ^= 0x20;
    let recipient = s.prov.meta("province_recipient_own").unwrap().unwrap();
    let f = bad.join("sửa nội dung.qhcb");
    std::fs::write(
        &f,
        keys::encrypt(&recipient, &package::frame(&forged, sig)).unwrap(),
    )
    .unwrap();
    let e = province::import_package(&mut s.prov, &f).unwrap_err();
    assert_eq!(refused_rule(&e), "signature", "{e}");
    assert!(e.to_string().contains("đã bị sửa"), "{e}");
    assert_unchanged(&before, &s.prov_db, "content changed and re-encrypted");

    // Signed by another ward's key that the province does not know.
    let mut other = new_ward(&s.root, "xã Tịnh Sơn");
    give_province_key(&s.prov, &mut other, &s.root.join("USB"));
    exchange::make_key(&mut other, "25302").unwrap();
    let r = export(&mut other, &s.root.join("USB xã"));
    let e = province::import_package(&mut s.prov, &r.path).unwrap_err();
    assert_eq!(refused_rule(&e), "unknown_key", "{e}");
    assert_unchanged(&before, &s.prov_db, "signed by an unknown key");

    // Signed by a registered ward's key but claiming to be another ward.
    let (sk, pk) = (
        other.meta("signing_secret").unwrap().unwrap(),
        other.meta("signing_public").unwrap().unwrap(),
    );
    let f2 = bad.join("ký thay.qhcb");
    {
        let key_file =
            std::fs::read_to_string(s.root.join("USB").join(format!("khóa {CODE}.pub"))).unwrap();
        let _ = key_file;
        let file = s.root.join("USB").join("khóa 25302.pub");
        let key = exchange::save_key(&mut other, "25302", &file).unwrap();
        province::register_ward(
            &mut s.prov,
            &std::fs::read_to_string(&file).unwrap(),
            &key.fingerprint,
        )
        .unwrap();
        let m = package::read(sqlite).unwrap().manifest;
        let sig = keys::sign(&sk, &pk, sqlite, &exchange::trusted_comment(&m)).unwrap();
        std::fs::write(
            &f2,
            keys::encrypt(&recipient, &package::frame(sqlite, &sig)).unwrap(),
        )
        .unwrap();
    }
    let before = dump(&s.prov_db);
    let e = province::import_package(&mut s.prov, &f2).unwrap_err();
    assert_eq!(refused_rule(&e), "ward", "{e}");
    assert_unchanged(&before, &s.prov_db, "another ward's key");

    // Encrypted to another province.
    let (other_prov, _) = new_province(&s.root, "Ban Tổ chức Tỉnh ủy Gia Lai");
    let mut ward2 = new_ward(&s.root, "phường Nghĩa Lộ");
    give_province_key(&other_prov, &mut ward2, &s.root.join("USB Gia Lai"));
    exchange::make_key(&mut ward2, "25303").unwrap();
    let r = export(&mut ward2, &s.root.join("USB Gia Lai"));
    let e = province::import_package(&mut s.prov, &r.path).unwrap_err();
    assert_eq!(refused_rule(&e), "other_province", "{e}");
    assert!(
        e.to_string().contains("Ban Tổ chức Tỉnh ủy Quảng Ngãi"),
        "{e}"
    );
    assert_unchanged(&before, &s.prov_db, "encrypted to another province");

    // Written by a newer program (format 2): refused by name, nothing written.
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.deserialize_read_exact(rusqlite::MAIN_DB, sqlite, sqlite.len(), false)
        .unwrap();
    conn.execute(
        "UPDATE manifest SET value = '2' WHERE key = 'format_version'",
        [],
    )
    .unwrap();
    let newer = conn.serialize(rusqlite::MAIN_DB).unwrap().to_vec();
    let mut m = package::read(sqlite).unwrap().manifest;
    m.format_version = 2;
    let (wsk, wpk) = (
        s.ward.meta("signing_secret").unwrap().unwrap(),
        s.ward.meta("signing_public").unwrap().unwrap(),
    );
    let sig = keys::sign(&wsk, &wpk, &newer, &exchange::trusted_comment(&m)).unwrap();
    let f3 = bad.join("bản mới hơn.qhcb");
    std::fs::write(
        &f3,
        keys::encrypt(&recipient, &package::frame(&newer, &sig)).unwrap(),
    )
    .unwrap();
    let e = province::import_package(&mut s.prov, &f3).unwrap_err();
    assert_eq!(refused_rule(&e), "newer_format", "{e}");
    assert!(e.to_string().contains("phiên bản mới hơn"), "{e}");
    assert_unchanged(&before, &s.prov_db, "a newer format");

    // A folder with good and bad packages: each refused by name, the good one received.
    let mixed = s.root.join("Thư mục nhận");
    std::fs::create_dir_all(&mixed).unwrap();
    std::fs::copy(&f3, mixed.join("a bản mới hơn.qhcb")).unwrap();
    std::fs::copy(&s.package, mixed.join("b tốt.qhcb")).unwrap();
    let mut seen = Vec::new();
    let all = province::import_all(&mut s.prov, &[mixed], |done, total, o| {
        seen.push((done, total, o.status.clone()))
    })
    .unwrap();
    assert_eq!(
        seen,
        vec![(1, 2, "tu_choi".to_string()), (2, 2, "nhan".to_string())]
    );
    assert!(
        all[0].message.contains("a bản mới hơn.qhcb"),
        "{}",
        all[0].message
    );
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn nothing_personal_is_in_clear_in_a_package_the_province_file_or_a_temp_file_cli() {
    let dir = tempfile::Builder::new()
        .prefix("không lộ dữ liệu ")
        .tempdir()
        .unwrap();
    let root = dir.path();
    let tmp = root.join("tạm");
    std::fs::create_dir_all(&tmp).unwrap();
    let pass = root.join("mật khẩu.txt");
    std::fs::write(&pass, PASS).unwrap();
    let ward_db = root.join("Phường").join("phường Phổ Hòa.db");
    let prov_db = root.join("Tỉnh").join("Tỉnh ủy.db");
    let usb = root.join("USB của văn phòng");
    let run = |db: &Path, args: &[&str]| {
        let o = quyhoach()
            .env("TMPDIR", &tmp)
            .env("TEMP", &tmp)
            .env("TMP", &tmp)
            .arg("--db")
            .arg(db)
            .arg("--passphrase-file")
            .arg(&pass)
            .args(args)
            .run();
        let err = String::from_utf8_lossy(&o.stderr).to_string();
        assert!(o.status.success(), "{args:?}: {err}");
        (String::from_utf8_lossy(&o.stdout).to_string(), err)
    };
    run(&ward_db, &["demo"]);
    let (out, _) = run(
        &prov_db,
        &[
            "province",
            "init",
            "--name",
            "Ban Tổ chức Tỉnh ủy Quảng Ngãi",
            "--superior",
            "Đảng bộ tỉnh Quảng Ngãi",
            "--place",
            "Quảng Ngãi",
        ],
    );
    assert!(out.contains("Dấu vân tay khóa của tỉnh"), "{out}");
    let prov_key = usb.join("khóa tỉnh.txt");
    run(
        &prov_db,
        &["province", "key", "--out", prov_key.to_str().unwrap()],
    );
    run(
        &ward_db,
        &["package", "province-key", prov_key.to_str().unwrap()],
    );
    let ward_key = usb.join("khóa phường.pub");
    let (out, _) = run(
        &ward_db,
        &[
            "package",
            "key",
            "--code",
            CODE,
            "--out",
            ward_key.to_str().unwrap(),
        ],
    );
    let fingerprint = out.rsplit(": ").next().unwrap().trim().to_string();
    run(
        &prov_db,
        &[
            "province",
            "add-ward",
            "--key",
            ward_key.to_str().unwrap(),
            "--fingerprint",
            &fingerprint.to_lowercase(),
        ],
    );
    let (out, err) = run(
        &ward_db,
        &[
            "package",
            "export",
            "--term",
            TERM,
            "--classification",
            "Tối mật",
            "--out-dir",
            usb.to_str().unwrap(),
        ],
    );
    assert!(err.contains("không gửi gì qua mạng"), "{err}");
    let package = PathBuf::from(out.lines().next().unwrap());
    assert!(package.exists(), "{out}");
    assert_eq!(
        out.lines().count(),
        4,
        "the package, its cover sheet and two workbooks: {out}"
    );
    let (out, _) = run(&prov_db, &["package", "verify", package.to_str().unwrap()]);
    assert!(
        out.contains("Gói hợp lệ") && out.contains("Tối mật"),
        "{out}"
    );
    let (_, err) = run(&prov_db, &["province", "import", usb.to_str().unwrap()]);
    assert!(
        err.contains("[1/1]") && err.contains("Đã nhận gói"),
        "{err}"
    );
    let (out, _) = run(&prov_db, &["province", "status", "--json"]);
    let d: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["received"], 1);
    let (out, _) = run(&prov_db, &["province", "list", "--post", "BT"]);
    assert!(out.contains("Bí thư"), "{out}");
    let report = root.join("Báo cáo").join("báo cáo tổng hợp.pdf");
    run(
        &prov_db,
        &["province", "report", "--out", report.to_str().unwrap()],
    );
    assert!(std::fs::read(&report).unwrap().starts_with(b"%PDF"));

    // The names, CCCD numbers and party card numbers of the people in the plan.
    let ward = Store::open(&ward_db, PASS).unwrap();
    let data = ward.plan_data(TERM).unwrap();
    let mut secrets: Vec<String> = Vec::new();
    for p in data.people.values() {
        secrets.push(p.full_name.clone());
        secrets.extend(p.cccd.clone());
        if !p.party_card_no.is_empty() {
            secrets.push(p.party_card_no.clone());
        }
    }
    assert!(secrets.len() > 10);
    drop(ward);
    let mut looked = 0;
    for f in files_under(&usb)
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "qhcb"))
        .chain(files_under(prov_db.parent().unwrap()))
        .chain(files_under(&tmp))
    {
        let bytes = std::fs::read(&f).unwrap();
        for s in &secrets {
            assert!(
                !contains(&bytes, s.as_bytes()),
                "“{s}” in clear in {}",
                f.display()
            );
        }
        looked += 1;
    }
    assert!(looked >= 2, "{looked}");
    assert!(
        files_under(&tmp).is_empty(),
        "temp files left: {:?}",
        files_under(&tmp)
    );
}

/// The Python of the test virtualenv (pyrage, minisign, sqlcipher3), made by
/// `scripts/setup-debian.sh --test`.
fn python() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pyvenv/bin/python");
    assert!(
        p.exists(),
        "pyrage and minisign are needed ({}): bash scripts/setup-debian.sh --test",
        p.display()
    );
    p
}

const INDEPENDENT: &str = r#"
import sys, sqlite3, struct, pyrage, minisign
package, identity, public_key = sys.argv[1], sys.argv[2], sys.argv[3]
plain = pyrage.decrypt(open(package, "rb").read(), [pyrage.x25519.Identity.from_str(identity)])
assert plain[:8] == b"QHCB\x01\r\n\x1a", plain[:8]
n = struct.unpack("<Q", plain[8:16])[0]
db, sig = plain[16:16 + n], plain[16 + n:].decode()
pk = minisign.PublicKey.from_base64(public_key)
pk.verify(db, minisign.Signature.from_bytes(sig.encode()))
bad = bytearray(db); bad[len(bad) // 2] ^= 1
try:
    pk.verify(bytes(bad), minisign.Signature.from_bytes(sig.encode()))
    print("FLIPPED BYTE ACCEPTED")
except Exception:
    pass
con = sqlite3.connect(":memory:")
con.deserialize(db)
m = dict(con.execute("select key, value from manifest"))
people = con.execute("select count(*) from person").fetchone()[0]
entries = con.execute("select count(*) from plan_entry").fetchone()[0]
print(m["ward_code"], m["term"], m["classification"], people, entries, m["rows.person"])
"#;

#[test]
#[cfg_attr(windows, ignore = "pyrage and minisign run on the Linux side")]
fn independent_tools_decrypt_verify_and_read_the_package() {
    let s = scene();
    let identity = s.prov.meta("province_identity").unwrap().unwrap();
    let public = s.ward.meta("signing_public").unwrap().unwrap();
    let o = std::process::Command::new(python())
        .args(["-c", INDEPENDENT])
        .arg(&s.package)
        .arg(&identity)
        .arg(&public)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let data = s.ward.plan_data(TERM).unwrap();
    assert_eq!(
        out.trim(),
        format!(
            "{CODE} {TERM} Mật {} {} {}",
            data.people.len(),
            data.entries.len(),
            data.people.len()
        )
    );
}
