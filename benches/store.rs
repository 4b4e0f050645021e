//! `cargo bench --bench store`: open, list and search a 10,000-person ward on an encrypted file.
//! Prints the figures and the targets (open ≤ 0.6 s, list and sort ≤ 50 ms, search ≤ 10 ms).

mod common;
use common::{median, time};

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use quyhoach::demo::{create_demo, demo_people};
use quyhoach::Store;

const N: usize = 10_000;

/// Counts the bytes Rust's heap holds now and at most (the core's own memory besides SQLite's,
/// which SQLite counts itself), on any OS the bench runs on.
struct Counting;
static HEAP_NOW: AtomicUsize = AtomicUsize::new(0);
static HEAP_PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = HEAP_NOW.fetch_add(by, Ordering::Relaxed) + by;
    HEAP_PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; only counters are kept.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        HEAP_NOW.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            HEAP_NOW.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

fn mb(bytes: i64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}
const PASS: &str = "mật khẩu đo hiệu năng";

fn line(what: &str, took: Duration, target_ms: f64) {
    let ms = took.as_secs_f64() * 1000.0;
    let verdict = if ms <= target_ms {
        "đạt"
    } else {
        "CHƯA ĐẠT"
    };
    println!("{what:<44} {ms:>9.2} ms   (mục tiêu ≤ {target_ms} ms: {verdict})");
}

fn main() {
    let dir = tempfile::Builder::new()
        .prefix("quy hoạch bench ")
        .tempdir()
        .expect("temp dir");
    let path = dir.path().join("phường 10000 người.db");
    let t = Instant::now();
    let _ = demo_people(N);
    let store = create_demo(&path, PASS, N).expect("create");
    store.close().expect("close");
    println!(
        "Tạo {N} hồ sơ (kèm kiểm tra và nhật ký): {:.2} s, tệp {:.1} MB",
        t.elapsed().as_secs_f64(),
        std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    );

    let (open, store) = time(5, || {
        let s = Store::open(&path, PASS).expect("open");
        s.count_people().expect("count");
        s
    });
    line("Mở tệp bằng mật khẩu (PBKDF2) + đọc đầu tiên", open, 600.0);

    // First list warms the page cache; then the steady state a clerk sees.
    let (cold, all) = time(1, || store.list_people().expect("list"));
    assert_eq!(all.len(), N);
    line("Danh sách sắp xếp, lần đầu", cold, 50.0);
    let (list, _) = time(15, || store.list_people().expect("list"));
    line("Danh sách 10.000 người theo thứ tự tiếng Việt", list, 50.0);
    drop(all);

    // What the app holds with this ward open on its list: the store (SQLCipher's page cache, the
    // list's lines and search text kept in memory) after a list and a search.
    for q in ["", "nguyen van hoa"] {
        store.search_people(q).expect("search");
    }
    // SAFETY: plain reads of SQLite's global memory counters.
    let (sqlite_now, sqlite_peak) = unsafe {
        (
            rusqlite::ffi::sqlite3_memory_used(),
            rusqlite::ffi::sqlite3_memory_highwater(0),
        )
    };
    let rust_now = HEAP_NOW.load(Ordering::Relaxed) as i64;
    println!(
        "Bộ nhớ của lõi khi mở {N} người (đã liệt kê, tìm): {:.1} MB — SQLite/SQLCipher {:.1} MB (đỉnh {:.1}), Rust {:.1} MB (đỉnh {:.1})",
        mb(sqlite_now + rust_now),
        mb(sqlite_now),
        mb(sqlite_peak),
        mb(rust_now),
        mb(HEAP_PEAK.load(Ordering::Relaxed) as i64),
    );

    let mut n_out = 0;
    let (export, _) = time(3, || {
        n_out += 1;
        let out = dir.path().join(format!("danh sách {n_out}.xlsx"));
        quyhoach::xlsx::export_people(
            &store,
            &out,
            &quyhoach::report::Template::people_default(),
            &Default::default(),
        )
        .expect("export")
    });
    line("Xuất Excel danh sách 10.000 người", export, 1000.0);

    // Import the exported list into empty wards: read + check every row + duplicates, then one
    // transaction. Each run gets a fresh database.
    let src = dir.path().join("danh sách 1.xlsx");
    let mut n_in = 0;
    let mut preview_times = Vec::new();
    let (import, imported) = time(3, || {
        n_in += 1;
        let path = dir.path().join(format!("nhập {n_in}.db"));
        let unit = store.unit().expect("unit");
        let mut fresh = Store::create(&path, PASS, &unit).expect("create");
        let t = Instant::now();
        let preview =
            quyhoach::app::imports::preview(&fresh, &src, &Default::default(), &mut |_| {})
                .expect("preview");
        preview_times.push(t.elapsed());
        assert_eq!(
            preview.error_rows,
            0,
            "{:?}",
            preview.rows.iter().find(|r| r.has_errors())
        );
        let ids =
            quyhoach::app::imports::import_all(&mut fresh, &preview, &mut |_| {}).expect("import");
        fresh.close().expect("close");
        ids.len()
    });
    assert_eq!(imported, N);
    line(
        "  trong đó: đọc tệp và kiểm tra từng dòng",
        median(preview_times),
        2000.0,
    );
    line("Nhập Excel 10.000 người (kiểm tra + ghi)", import, 2000.0);

    for q in ["nguyen van hoa", "thị hương", "hoa", "0510"] {
        let (search, found) = time(25, || store.search_people(q).expect("search"));
        line(
            &format!("Tìm “{q}” ({} kết quả)", found.len()),
            search,
            10.0,
        );
    }
}
