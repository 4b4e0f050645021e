//! The encrypted store on real files in temp folders: create, open, wrong passphrase,
//! passphrase change, migrations, audit log, backup and restore, and no plaintext on disk.

use std::path::Path;

use crate::common::*;
use quyhoach::model::*;
use quyhoach::{CoreError, Store};

fn read_all(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn create_open_and_read_back_a_full_record() {
    let w = temp_ward();
    let mut s = new_store(&w);
    let id = s.add_person(&hoa()).unwrap();
    s.close().unwrap();
    let s = reopen(&w);
    let mut expected = hoa();
    expected.id = Some(id);
    assert_eq!(s.person(id).unwrap(), expected);
    assert_eq!(s.unit().unwrap(), unit());
    assert_eq!(
        s.schema_version().unwrap(),
        quyhoach::store::latest_version()
    );
}

#[test]
fn passphrase_needs_eight_characters() {
    let w = temp_ward();
    let err = quyhoach::app::safety::create_ward(&w.path, "ngắn7ký", &unit())
        .err()
        .unwrap();
    assert_eq!(err.code(), "weak_passphrase");
    assert_eq!(err.to_string(), "Mật khẩu phải có ít nhất 8 ký tự.");
    assert!(!w.path.exists());
    // Eight characters with diacritics count as eight, not as their UTF-8 bytes.
    quyhoach::app::safety::create_ward(
        &w.path,
        "đảngủyphường"[..]
            .chars()
            .take(8)
            .collect::<String>()
            .as_str(),
        &unit(),
    )
    .unwrap();
}

#[test]
fn wrong_passphrase_is_refused_and_touches_nothing() {
    let w = temp_ward();
    let mut s = new_store(&w);
    s.add_person(&hoa()).unwrap();
    s.close().unwrap();
    let before = read_all(&w.path);
    let mtime = std::fs::metadata(&w.path).unwrap().modified().unwrap();
    let err = Store::open(&w.path, "mật khẩu sai 2026").err().unwrap();
    assert!(matches!(err, CoreError::WrongPassphrase));
    assert_eq!(
        err.to_string(),
        "Mật khẩu không đúng, hoặc tệp không phải cơ sở dữ liệu của chương trình. Không có gì bị thay đổi."
    );
    assert_eq!(read_all(&w.path), before);
    assert_eq!(
        std::fs::metadata(&w.path).unwrap().modified().unwrap(),
        mtime
    );
    let wal = w.path.with_file_name("phường Phổ Hòa.db-wal");
    assert!(
        !wal.exists(),
        "a wrong passphrase must not leave a WAL file"
    );
    // The right one still works.
    assert_eq!(reopen(&w).count_people().unwrap(), 1);
}

#[test]
fn missing_file_and_existing_file_are_reported() {
    let w = temp_ward();
    let err = Store::open(&w.path, PASS).err().unwrap();
    assert_eq!(err.code(), "file_not_found");
    assert!(!w.path.exists(), "opening must not create a file");
    new_store(&w).close().unwrap();
    let err = Store::create(&w.path, PASS, &unit()).err().unwrap();
    assert_eq!(err.code(), "file_exists");
}

#[test]
fn change_passphrase() {
    let w = temp_ward();
    let mut s = new_store(&w);
    s.add_person(&hoa()).unwrap();
    assert_eq!(
        quyhoach::app::safety::change_passphrase(&mut s, None, "ngắn", "ngắn")
            .unwrap_err()
            .code(),
        "weak_passphrase"
    );
    quyhoach::app::safety::change_passphrase(
        &mut s,
        None,
        "mật khẩu mới của phường",
        "mật khẩu mới của phường",
    )
    .unwrap();
    // Still usable after the change.
    s.add_person(&simple("Lê Thị Hồng", Sex::Female, "1990", "051090000111"))
        .unwrap();
    s.close().unwrap();
    assert!(matches!(
        Store::open(&w.path, PASS),
        Err(CoreError::WrongPassphrase)
    ));
    let s = Store::open(&w.path, "mật khẩu mới của phường").unwrap();
    assert_eq!(s.count_people().unwrap(), 2);
}

#[test]
fn newer_schema_is_refused_unchanged() {
    let w = temp_ward();
    let s = new_store(&w);
    s.close().unwrap();
    {
        // Pretend a newer program wrote the file.
        let conn = rusqlite::Connection::open(&w.path).unwrap();
        conn.pragma_update(None, "key", PASS).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = read_all(&w.path);
    let err = Store::open(&w.path, PASS).err().unwrap();
    assert_eq!(err.code(), "newer_schema");
    assert!(err.to_string().contains("lược đồ số 99"), "{err}");
    assert_eq!(read_all(&w.path), before);
}

#[test]
fn every_write_is_in_the_audit_log() {
    let w = temp_ward();
    let mut s = new_store(&w);
    let id = s.add_person(&hoa()).unwrap();
    let mut p = s.person(id).unwrap();
    p.residence = "Tổ dân phố 7, phường Phổ Hòa".into();
    s.update_person(&p).unwrap();
    s.remove_person(id).unwrap();
    let h = s.audit_history("person", id).unwrap();
    let actions: Vec<_> = h.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, vec!["create", "update", "delete"]);
    assert!(h[0].old_value.is_none());
    assert_eq!(
        h[0].new_value.as_ref().unwrap()["full_name"],
        "Nguyễn Văn Hòa"
    );
    assert_eq!(
        h[1].old_value.as_ref().unwrap()["residence"],
        "Tổ dân phố 3, phường Phổ Hòa"
    );
    assert_eq!(
        h[1].new_value.as_ref().unwrap()["residence"],
        "Tổ dân phố 7, phường Phổ Hòa"
    );
    assert_eq!(h[2].old_value.as_ref().unwrap()["cccd"], "051078001234");
    assert!(h[2].new_value.is_none());
    assert!(matches!(s.person(id), Err(CoreError::PersonNotFound(_))));
    // Children went with the person.
    let counts = s.table_counts().unwrap();
    for t in ["position_held", "rating", "discipline_reward", "training"] {
        assert_eq!(counts.iter().find(|c| c.0 == t).unwrap().1, 0, "{t}");
    }
}

#[test]
fn list_in_vietnamese_order_and_search_without_diacritics() {
    let w = temp_ward();
    let mut s = new_store(&w);
    s.add_people(&[
        simple("Trần Văn Đức", Sex::Male, "1980", "051080000001"),
        simple("Nguyễn Văn Hòa", Sex::Male, "1978", "051078000002"),
        simple("Phạm Văn Dũng", Sex::Male, "1979", "051079000003"),
        simple("Lê Thị Hoà", Sex::Female, "1985", "051085000004"),
        simple("Nguyễn Văn Hoà", Sex::Male, "1975", "051075000005"),
        simple("Đặng Thị Zin", Sex::Female, "1990", "051090000006"),
        simple("Võ Văn Khoa", Sex::Male, "1990", "051090000007"),
    ])
    .unwrap();
    let names: Vec<_> = s
        .list_people()
        .unwrap()
        .into_iter()
        .map(|p| p.full_name)
        .collect();
    assert_eq!(
        names,
        vec![
            "Phạm Văn Dũng",
            "Trần Văn Đức",
            "Lê Thị Hoà",
            "Nguyễn Văn Hoà",
            "Nguyễn Văn Hòa",
            "Võ Văn Khoa",
            "Đặng Thị Zin",
        ]
    );
    let found: Vec<_> = s
        .search_people("nguyen van hoa")
        .unwrap()
        .into_iter()
        .map(|p| p.full_name)
        .collect();
    assert_eq!(found, vec!["Nguyễn Văn Hoà", "Nguyễn Văn Hòa"]);
    let found: Vec<_> = s
        .search_people("HOA")
        .unwrap()
        .into_iter()
        .map(|p| p.full_name)
        .collect();
    assert_eq!(
        found,
        vec!["Lê Thị Hoà", "Nguyễn Văn Hoà", "Nguyễn Văn Hòa"],
        "Khoa is not Hòa"
    );
    let found: Vec<_> = s
        .search_people("dang")
        .unwrap()
        .into_iter()
        .map(|p| p.full_name)
        .collect();
    assert_eq!(found, vec!["Đặng Thị Zin"]);
    let found: Vec<_> = s
        .search_people("0510900")
        .unwrap()
        .into_iter()
        .map(|p| p.full_name)
        .collect();
    assert_eq!(found, vec!["Võ Văn Khoa", "Đặng Thị Zin"]);
    assert_eq!(s.search_people("  ").unwrap().len(), 7);
}

#[test]
fn backup_is_verified_and_restore_keeps_the_old_file() {
    let w = temp_ward();
    let mut s = new_store(&w);
    s.add_person(&hoa()).unwrap();
    s.add_person(&simple("Lê Thị Hồng", Sex::Female, "1990", "051090000111"))
        .unwrap();
    let dest = w
        .dir
        .path()
        .join("Sao lưu")
        .join("bản sao ngày 22-11-2026.db");
    let r = s.backup_to(&dest, PASS).unwrap();
    assert_eq!(r.people, 2);
    assert!(dest.is_file());
    assert!(r.tables.iter().any(|(t, n)| t == "audit_log" && *n >= 3));
    // A second backup to the same name is refused, the first stays intact.
    assert_eq!(s.backup_to(&dest, PASS).unwrap_err().code(), "file_exists");
    // The backup is a normal encrypted database with the same passphrase.
    assert!(matches!(
        Store::open(&dest, "sai mật khẩu!"),
        Err(CoreError::WrongPassphrase)
    ));
    assert_eq!(Store::open(&dest, PASS).unwrap().count_people().unwrap(), 2);

    // Work goes on after the backup…
    s.add_person(&simple("Phan Văn Trị", Sex::Male, "1970", "051070000222"))
        .unwrap();
    assert_eq!(s.count_people().unwrap(), 3);
    // …then the backup is restored.
    let (s, report) = s.restore_from(&dest, PASS, None).unwrap();
    assert_eq!(s.count_people().unwrap(), 2);
    assert_eq!(report.people, 2);
    let kept = Store::open(&report.previous_kept_at, PASS).unwrap();
    assert_eq!(
        kept.count_people().unwrap(),
        3,
        "the previous working file is kept aside"
    );
}

#[test]
fn restore_refuses_a_bad_backup_and_changes_nothing() {
    let w = temp_ward();
    let mut s = new_store(&w);
    s.add_person(&hoa()).unwrap();
    let junk = w.dir.path().join("hỏng.db");
    std::fs::write(&junk, vec![7u8; 8192]).unwrap();
    let before = snapshot(&s);
    // restore_from consumes the store only after verifying; reopen to compare.
    let err = s.restore_from(&junk, PASS, None).err().unwrap();
    assert_eq!(err.field_errors()[0].field, "backup_passphrase");
    assert!(
        err.field_errors()[0]
            .message
            .contains("không mở được bằng mật khẩu hiện tại"),
        "{err:?}"
    );
    let s = reopen(&w);
    assert_eq!(snapshot(&s), before);
}

#[test]
fn no_personal_data_in_plaintext_on_disk() {
    let w = temp_ward();
    let mut s = quyhoach::demo::create_demo(&w.path, PASS, quyhoach::demo::DEMO_SIZE).unwrap();
    s.set_today(today());
    // Write more while open so the WAL holds fresh pages.
    s.add_person(&hoa()).unwrap();
    let people: Vec<Person> = s
        .list_people()
        .unwrap()
        .iter()
        .map(|p| s.person(p.id).unwrap())
        .collect();
    let wal = w.path.with_file_name("phường Phổ Hòa.db-wal");
    let files = [read_all(&w.path), read_all(&wal)];
    assert!(
        !files[1].is_empty(),
        "the WAL should exist while the database is open"
    );
    for p in &people {
        let folded = quyhoach::text::fold(&p.full_name);
        for needle in [
            p.full_name.as_bytes(),
            folded.as_bytes(),
            p.cccd.as_deref().unwrap_or("").as_bytes(),
        ] {
            for f in &files {
                assert!(
                    !contains(f, needle),
                    "plaintext found on disk: {}",
                    String::from_utf8_lossy(needle)
                );
            }
        }
    }
    for f in &files {
        assert!(
            !contains(f, b"SQLite format 3"),
            "the header must be encrypted too"
        );
        assert!(!contains(f, "Đảng ủy phường".as_bytes()));
    }
    // The folder holds only the database, its WAL and shared-memory index: no temp files.
    let mut names: Vec<_> = std::fs::read_dir(w.path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec![
            "phường Phổ Hòa.db",
            "phường Phổ Hòa.db-shm",
            "phường Phổ Hòa.db-wal"
        ]
    );
}

/// Issue 10 §1: a backup made under a mistyped passphrase would carry the typo as its key.
#[test]
fn a_mistyped_passphrase_makes_no_backup_and_changes_nothing() {
    let w = temp_ward();
    let mut s = new_store(&w);
    s.add_person(&hoa()).unwrap();
    let dir = w.dir.path().join("Sao lưu");
    let dest = dir.join("bản sao.db");
    let before = snapshot(&s);
    let err = s.backup_to(&dest, "saimatkhau").unwrap_err();
    assert_eq!(err.field_errors()[0].field, "passphrase");
    assert!(
        err.field_errors()[0]
            .message
            .contains("không đúng mật khẩu đang dùng"),
        "{err:?}"
    );
    assert!(!dest.exists(), "nothing written");
    assert!(
        !dir.exists() || std::fs::read_dir(&dir).unwrap().next().is_none(),
        "no temporary file left"
    );
    assert_eq!(snapshot(&s), before);
    // The right passphrase still works, and the backup opens with it.
    assert_eq!(s.backup_to(&dest, PASS).unwrap().people, 1);
    assert_eq!(Store::open(&dest, PASS).unwrap().count_people().unwrap(), 1);
}

/// Issue 10 §1: a backup from before a passphrase change is restored under the ward's current
/// passphrase; the one the backup was made under is asked for, never silently adopted.
#[test]
fn a_backup_under_an_older_passphrase_is_restored_under_the_current_one() {
    const NEW: &str = "mật khẩu mới năm 2027";
    let w = temp_ward();
    let mut s = new_store(&w);
    s.add_person(&hoa()).unwrap();
    let dest = w
        .dir
        .path()
        .join("Sao lưu")
        .join("trước khi đổi mật khẩu.db");
    s.backup_to(&dest, PASS).unwrap();
    s.change_passphrase(NEW).unwrap();
    s.add_person(&simple("Lê Thị Hồng", Sex::Female, "1990", "051090000111"))
        .unwrap();
    s.close().unwrap();

    // The old passphrase typed as the current one: refused, nothing changes.
    let s = Store::open(&w.path, NEW).unwrap();
    let err = s.restore_from(&dest, PASS, None).err().unwrap();
    assert_eq!(err.field_errors()[0].field, "passphrase");
    // The current passphrase alone does not open the old backup: the clerk is asked for the old one.
    let s = Store::open(&w.path, NEW).unwrap();
    let err = s.restore_from(&dest, NEW, None).err().unwrap();
    assert_eq!(err.field_errors()[0].field, "backup_passphrase");
    assert!(
        err.field_errors()[0].message.contains("mật khẩu cũ"),
        "{err:?}"
    );
    // A wrong old passphrase: refused by name.
    let s = Store::open(&w.path, NEW).unwrap();
    let err = s
        .restore_from(&dest, NEW, Some("không phải"))
        .err()
        .unwrap();
    assert_eq!(err.field_errors()[0].rule, "wrong");
    let s = Store::open(&w.path, NEW).unwrap();
    assert_eq!(s.count_people().unwrap(), 2, "nothing restored so far");

    // With the old one: restored, and the ward still opens with the current passphrase only.
    let (s, report) = s.restore_from(&dest, NEW, Some(PASS)).unwrap();
    assert!(report.rekeyed);
    assert_eq!(s.count_people().unwrap(), 1);
    s.close().unwrap();
    assert!(matches!(
        Store::open(&w.path, PASS),
        Err(CoreError::WrongPassphrase)
    ));
    assert_eq!(
        Store::open(&w.path, NEW).unwrap().count_people().unwrap(),
        1
    );
    // The backup file itself is untouched (still under the passphrase it was made with).
    assert_eq!(Store::open(&dest, PASS).unwrap().count_people().unwrap(), 1);
    // No leftover of the re-keyed copy.
    let leftovers: Vec<_> = std::fs::read_dir(w.path.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("dang-khoi-phuc"))
        .collect();
    assert!(leftovers.is_empty());
}

/// Issue 11: a path like a clerk's on Windows ("C:\Users\Văn phòng\Tài liệu\Phường Phổ Hòa\dữ
/// liệu.db"): create, back up beside it, restore, reopen.
#[test]
fn paths_with_spaces_and_diacritics_work_end_to_end() {
    let dir = tempfile::Builder::new().prefix("Users ").tempdir().unwrap();
    let db = dir
        .path()
        .join("Văn phòng")
        .join("Tài liệu")
        .join("Phường Phổ Hòa")
        .join("dữ liệu.db");
    let mut s = Store::create(&db, PASS, &unit()).unwrap();
    s.add_person(&hoa()).unwrap();
    let copy = db
        .with_file_name("Sao lưu")
        .join("bản sao ngày 30-11-2026.db");
    assert_eq!(s.backup_to(&copy, PASS).unwrap().people, 1);
    s.add_person(&simple("Lê Thị Hồng", Sex::Female, "1990", "051090000111"))
        .unwrap();
    let (s, r) = s.restore_from(&copy, PASS, None).unwrap();
    assert_eq!(s.count_people().unwrap(), 1);
    assert!(r.previous_kept_at.starts_with(db.parent().unwrap()));
    s.close().unwrap();
    assert_eq!(Store::open(&db, PASS).unwrap().count_people().unwrap(), 1);
}

/// Issue 11: on Windows a file another program holds open (an antivirus, a sync client) cannot
/// be renamed: the restore says so in Vietnamese and the ward's file stays as it was.
#[cfg(windows)]
#[test]
fn a_file_held_by_another_program_stops_the_restore_and_changes_nothing() {
    use std::os::windows::fs::OpenOptionsExt;
    let w = temp_ward();
    let mut s = new_store(&w);
    s.add_person(&hoa()).unwrap();
    let dest = w.dir.path().join("Sao lưu").join("bản sao.db");
    s.backup_to(&dest, PASS).unwrap();
    s.add_person(&simple("Lê Thị Hồng", Sex::Female, "1990", "051090000111"))
        .unwrap();
    // FILE_SHARE_READ | FILE_SHARE_WRITE, not FILE_SHARE_DELETE: no rename while it is open.
    let held = std::fs::OpenOptions::new()
        .read(true)
        .share_mode(1 | 2)
        .open(&w.path)
        .unwrap();
    let err = s.restore_from(&dest, PASS, None).err().unwrap();
    assert!(
        err.to_string()
            .contains("đang được một chương trình khác mở"),
        "{err}"
    );
    drop(held);
    let s = reopen(&w);
    assert_eq!(s.count_people().unwrap(), 2, "the ward's file is as it was");
    let leftovers: Vec<_> = std::fs::read_dir(w.path.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("dang-khoi-phuc") || n.contains("truoc-khoi-phuc"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Issue 11: the data folder is %APPDATA%\QuyHoachCanBo on Windows.
#[cfg(windows)]
#[test]
fn the_data_folder_is_in_appdata_on_windows() {
    let d = quyhoach::paths::default_data_dir();
    let appdata = std::path::PathBuf::from(std::env::var_os("APPDATA").unwrap());
    assert_eq!(d, appdata.join("QuyHoachCanBo"));
}
