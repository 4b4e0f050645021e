//! Issue 26 §1: an older file is copied beside itself (named with the program version that
//! wrote it and its schema) before it is migrated; a migration that fails applies nothing.

use std::path::{Path, PathBuf};

use crate::store::{migrations, open_keyed, table_counts, Store, MIGRATIONS};

const PASS: &str = "mật khẩu nâng cấp 2026";

fn ward(dir: &Path) -> PathBuf {
    let path = dir.join("Dữ liệu").join("phường Phổ Hòa.db");
    crate::demo::create_demo(&path, PASS, 12)
        .unwrap()
        .close()
        .unwrap();
    path
}

fn raw(path: &Path) -> (i64, Vec<(String, i64)>) {
    let conn = open_keyed(path, PASS).unwrap();
    (
        migrations::schema_version(&conn).unwrap(),
        table_counts(&conn).unwrap(),
    )
}

#[test]
fn a_failed_migration_applies_nothing_and_the_copy_made_before_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = ward(dir.path());
    let latest = migrations::latest_version();
    let before = raw(&path);
    assert_eq!(before.0, latest);
    let mut failing: Vec<(i64, &str)> = MIGRATIONS.to_vec();
    failing.push((latest + 1, "CREATE TABLE them_moi (a INTEGER);"));
    failing.push((latest + 2, "INSERT INTO khong_co_bang_nay VALUES (1);"));
    let e = Store::open_with(&path, PASS, &failing).err().unwrap();
    assert_eq!(e.code(), "migration_failed");
    let text = e.to_string();
    assert!(
        text.contains(&format!("từ lược đồ số {latest} lên {}", latest + 2)),
        "{text}"
    );
    assert!(text.contains("Tệp dữ liệu vẫn nguyên"), "{text}");
    // Nothing of it applied: not the first migration either.
    assert_eq!(raw(&path), before);
    // The copy made before, named with the version that wrote the file, opens as it was.
    let copy = path.with_file_name(format!(
        "phường Phổ Hòa (trước nâng cấp, bản {}, lược đồ {latest}).db",
        env!("CARGO_PKG_VERSION")
    ));
    assert!(copy.is_file(), "{}", copy.display());
    assert_eq!(raw(&copy), before);
    // The same upgrade without the broken step goes through, keeping the copy.
    let mut good: Vec<(i64, &str)> = MIGRATIONS.to_vec();
    good.push((latest + 1, "CREATE TABLE them_moi (a INTEGER);"));
    let s = Store::open_with(&path, PASS, &good).unwrap();
    assert_eq!(s.schema_version().unwrap(), latest + 1);
    assert_eq!(s.count_people().unwrap(), 12);
    s.close().unwrap();
    assert_eq!(raw(&copy), before);
}

#[test]
fn a_file_of_0_1_0_is_copied_under_that_name_before_its_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = ward(dir.path());
    let latest = migrations::latest_version();
    // As 0.1.0 left it: no program version recorded, one schema step behind. (The last
    // migration is then run again on a file that already has it, and fails: a real one.)
    {
        let conn = open_keyed(&path, PASS).unwrap();
        conn.execute("DELETE FROM meta WHERE key = 'program_version'", [])
            .unwrap();
        conn.pragma_update(None, "user_version", latest - 1)
            .unwrap();
    }
    let before = raw(&path);
    let e = Store::open(&path, PASS).err().unwrap();
    assert_eq!(e.code(), "migration_failed", "{e}");
    assert!(e.to_string().contains(&format!("bước {latest} lỗi")), "{e}");
    assert_eq!(raw(&path), before);
    let copy = path.with_file_name(format!(
        "phường Phổ Hòa (trước nâng cấp, bản 0.1.0, lược đồ {}).db",
        latest - 1
    ));
    assert_eq!(raw(&copy), before);
}

/// A read is one snapshot: a write from another connection after it began is not seen inside
/// it, is seen after it; it ends whether it succeeds or fails, and inside a write it is that
/// write's transaction.
#[test]
fn a_read_is_one_snapshot_and_always_ends() {
    let dir = tempfile::tempdir().unwrap();
    let path = ward(dir.path());
    let mut store = Store::open(&path, PASS).unwrap();
    let other = open_keyed(&path, PASS).unwrap();
    let count = |s: &Store| -> i64 {
        s.conn()
            .query_row("SELECT count(*) FROM meta", [], |r| r.get(0))
            .unwrap()
    };
    let before = count(&store);
    let seen = store
        .read(|s| {
            let first = count(s);
            other
                .execute(
                    "INSERT INTO meta (key, value) VALUES ('ghi_chu_thu', 'Lê Thị Đọc Sau')",
                    [],
                )
                .unwrap();
            Ok((first, count(s)))
        })
        .unwrap();
    assert_eq!(seen, (before, before), "một ảnh chụp trong cả lần đọc");
    assert_eq!(count(&store), before + 1, "đọc xong thì thấy bản ghi mới");
    let failed: crate::error::Result<()> =
        store.read(|_| Err(crate::error::CoreError::not_found("person", "không có")));
    assert!(failed.is_err());
    // Ended: a write can begin (BEGIN IMMEDIATE would fail inside an open transaction).
    store.write(|s| s.read(|_| Ok(()))).unwrap();
}
