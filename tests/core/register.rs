//! Issue 20 §2: the number register is the office's legal record. A number belongs to its
//! document (a different one never takes it; the same one keeps it and its first issue date; a
//! new date is a correction with a reason); a number ahead of the next one is refused until the
//! gap is confirmed, and the numbers skipped are recorded with the reason; a cancelled or skipped
//! number is never given; kinds without a number of their own take none; the same document
//! issued twice makes one record. Every refusal leaves every table, the audit log included,
//! exactly as it was.

use crate::common::*;
use quyhoach::docs::{DocKind, DocOutput, DocRequest, NumberState, Signer};
use quyhoach::{CoreError, Store};

const TERM: &str = "2025-2030";

fn request(kind: DocKind, date: &str) -> DocRequest {
    let mut r = DocRequest::new(kind, d(date).earliest());
    r.issue = true;
    r.term_code = Some("2030-2035".into());
    r.signer = Some(Signer {
        on_behalf: "T/M Ban Thường vụ".into(),
        title: "Bí thư".into(),
        name: "Lê Thị Ánh Tuyết".into(),
    });
    r.recipients = Some(vec!["Ban Tổ chức Tỉnh ủy".into()]);
    r
}

fn to_trinh(date: &str) -> DocRequest {
    request(DocKind::ToTrinh, date)
}

fn save(w: &TempWard, s: &mut Store, req: &DocRequest, name: &str) -> Result<DocOutput, CoreError> {
    quyhoach::docs::save(s, req, &w.dir.path().join(name))
}

/// The one field error of a refusal: (field, rule, message).
fn refusal(e: CoreError) -> (String, String, String) {
    let f = e.field_errors();
    assert_eq!(f.len(), 1, "{f:?}");
    (f[0].field.clone(), f[0].rule.clone(), f[0].message.clone())
}

/// Refused with `rule` on the "Số" field; nothing written (no table row, no audit line, no file,
/// not even its folder).
fn refused(w: &TempWard, s: &mut Store, req: &DocRequest, rule: &str) -> String {
    let before = dump(&w.path);
    let name = format!("thư mục mới {rule}/bị từ chối.pdf");
    let (field, got, message) = refusal(save(w, s, req, &name).unwrap_err());
    assert_eq!(
        (field.as_str(), got.as_str()),
        ("number", rule),
        "{message}"
    );
    assert_unchanged(
        &before,
        &w.path,
        &format!("a refusal writes nothing: {message}"),
    );
    assert!(
        !w.dir.path().join(format!("thư mục mới {rule}")).exists(),
        "not even the folder"
    );
    assert!(
        !message.contains("--"),
        "no CLI flag in a core message: {message}"
    );
    message
}

/// Lines of the audit log with `action` whose values mention `needle`.
fn audit_lines(w: &TempWard, action: &str, needle: &str) -> usize {
    dump(&w.path)
        .iter()
        .filter(|l| {
            l.starts_with("audit_log |")
                && l.contains(&format!("Text(\"{action}\")"))
                && l.contains(needle)
        })
        .count()
}

#[test]
fn the_sequence_seen_in_the_window_is_refused_and_a_gap_needs_its_reason() {
    let w = temp_ward();
    let mut s = crate::common::scenario::build(&w);
    // 01, 02, 03 issued (one Tờ trình a day), 03 cancelled.
    for (n, date) in [(1, "01/12/2026"), (2, "02/12/2026"), (3, "03/12/2026")] {
        let made = save(&w, &mut s, &to_trinh(date), &format!("{n:02}.pdf")).unwrap();
        assert_eq!(made.number_value, Some(n));
        assert_eq!(made.register_note, None);
    }
    quyhoach::docs::register::cancel_number(&mut s, "TTr", TERM, 3, "Văn bản không ban hành")
        .unwrap();

    // "2" typed on the Tờ trình of 05/12: refused, naming the document that holds Số 02; its
    // register line keeps 02/12.
    let mut two = to_trinh("05/12/2026");
    two.number = Some(2);
    let m = refused(&w, &mut s, &two, "date_changed");
    assert!(
        m.contains("Số 02-TTr/ĐU đã cấp cho Tờ trình đề nghị phê duyệt quy hoạch nhiệm kỳ 2030-2035 ngày 02/12/2026"),
        "{m}"
    );
    assert!(
        m.contains("để trống ô Số để lấy số tiếp theo (Số 04-TTr/ĐU)"),
        "{m}"
    );
    let row = s.issued_number("TTr", TERM, 2).unwrap().unwrap();
    assert_eq!(
        (row.date.as_str(), row.corrections.len()),
        ("2026-12-02", 0)
    );
    // A different document (addressed to another approving body) never takes it, reason or not.
    let mut other = two.clone();
    other.approving_body = Some("Ban Thường vụ Đảng ủy".into());
    other.correction_reason = Some("Ngày ký lại".into());
    let m = refused(&w, &mut s, &other, "taken");
    assert!(
        m.contains("Số 02-TTr/ĐU đã cấp cho Tờ trình đề nghị phê duyệt quy hoạch nhiệm kỳ 2030-2035 ngày 02/12/2026; văn bản khác không được lấy số này."),
        "{m}"
    );

    // "50": refused until the gap is confirmed; the message names the gap.
    let mut fifty = to_trinh("05/12/2026");
    fifty.number = Some(50);
    let m = refused(&w, &mut s, &fifty, "gap");
    assert!(
        m.contains("Số 50-TTr/ĐU bỏ qua các số 04–49 (46 số chưa cấp)"),
        "{m}"
    );
    fifty.gap_reason = Some("   ".into());
    refused(&w, &mut s, &fifty, "gap");
    // Confirmed with a reason: 50 issued, 04–49 recorded as left blank, in one transaction.
    let reason = "Các số 04–49 đã cấp trong sổ giấy trước khi dùng chương trình";
    fifty.gap_reason = Some(reason.into());
    let skips = audit_lines(&w, "create", "bo_qua");
    let creates = audit_lines(&w, "create", "da_cap");
    let made = save(&w, &mut s, &fifty, "50.pdf").unwrap();
    assert_eq!(made.number.as_deref(), Some("Số 50-TTr/ĐU"));
    assert_eq!(
        made.register_note.as_deref(),
        Some(
            format!("Sổ đăng ký ghi các số 04–49 là “bỏ qua (để trống)”, lý do: {reason}.")
                .as_str()
        )
    );
    assert_eq!(audit_lines(&w, "create", "bo_qua"), skips + 1);
    assert_eq!(audit_lines(&w, "create", "da_cap"), creates + 1);
    let rows = s.doc_numbers("TTr", TERM).unwrap();
    assert_eq!(rows.len(), 50);
    assert_eq!(rows[1].date, "2026-12-02");
    assert_eq!(rows[2].state, NumberState::Cancelled);
    for r in &rows[3..49] {
        assert_eq!(r.state, NumberState::Skipped, "{r:?}");
        assert_eq!(r.skip_reason.as_deref(), Some(reason));
        assert_eq!(r.summary, "Để trống khi cấp Số 50-TTr/ĐU");
        assert_eq!(r.date, "2026-12-05");
    }
    assert_eq!(rows[49].state, NumberState::Issued);
    assert_eq!(s.next_doc_number("TTr", TERM).unwrap(), 51);

    // A skipped or cancelled number is never given, to this document or another.
    let mut ten = to_trinh("05/12/2026");
    ten.number = Some(10);
    let m = refused(&w, &mut s, &ten, "skipped");
    assert!(
        m.contains("Số 10-TTr/ĐU đã để trống (bỏ qua) ngày 05/12/2026"),
        "{m}"
    );
    assert!(m.contains(reason), "{m}");
    ten.number = Some(3);
    refused(&w, &mut s, &ten, "cancelled");
    ten.number = Some(0);
    refused(&w, &mut s, &ten, "range");

    // The same document again (a second click, the command run twice): the number it holds,
    // no second record, typed or not.
    let before = dump(&w.path);
    let again = save(&w, &mut s, &fifty, "50 lần hai.pdf").unwrap();
    assert_eq!(again.number.as_deref(), Some("Số 50-TTr/ĐU"));
    let untyped = save(&w, &mut s, &to_trinh("05/12/2026"), "50 lần ba.pdf").unwrap();
    assert_eq!(untyped.number.as_deref(), Some("Số 50-TTr/ĐU"));
    assert!(
        untyped
            .register_note
            .as_deref()
            .is_some_and(|n| n.contains("đã được cấp Số 50-TTr/ĐU ngày 05/12/2026")),
        "{:?}",
        untyped.register_note
    );
    assert_unchanged(
        &before,
        &w.path,
        "saving the same document again records nothing",
    );
    // Another day's Tờ trình is another document: the next number.
    let next = save(&w, &mut s, &to_trinh("06/12/2026"), "51.pdf").unwrap();
    assert_eq!(next.number.as_deref(), Some("Số 51-TTr/ĐU"));

    // Số 02 with a new issue date and a reason: a correction; the first date stays.
    two.correction_reason = Some("Ngày ký chính thức là 05/12/2026".into());
    let corrects = audit_lines(&w, "update", "recorded_on");
    let fixed = save(&w, &mut s, &two, "02 đính chính.pdf").unwrap();
    assert_eq!(fixed.number.as_deref(), Some("Số 02-TTr/ĐU"));
    assert!(
        fixed
            .register_note
            .as_deref()
            .is_some_and(|n| n.contains("02/12/2026 thành 05/12/2026")),
        "{:?}",
        fixed.register_note
    );
    assert_eq!(audit_lines(&w, "update", "recorded_on"), corrects + 1);
    let row = s.issued_number("TTr", TERM, 2).unwrap().unwrap();
    assert_eq!(row.date, "2026-12-02", "the first issue date stays");
    assert_eq!(row.current_date(), "2026-12-05");
    assert_eq!(
        row.corrections[0].reason,
        "Ngày ký chính thức là 05/12/2026"
    );
    assert_eq!(row.corrections[0].recorded_on, "2026-11-22");
    // Saved again under its corrected date: kept, nothing recorded.
    let before = dump(&w.path);
    two.correction_reason = None;
    save(&w, &mut s, &two, "02 in lại.pdf").unwrap();
    assert_unchanged(&before, &w.path, "nothing written");
    // The register shows all of it, newest first.
    let reg = s.doc_register().unwrap();
    assert_eq!(reg.len(), 51);
    assert!(reg
        .iter()
        .any(|r| r.number == 2 && r.corrections.len() == 1));
}

#[test]
fn each_document_is_known_by_its_kind_term_and_scope() {
    let w = temp_ward();
    let mut s = crate::common::scenario::build(&w);
    // The review report of 2026 holds Số 01-BC; the report of 2027 is another document.
    let mut r2026 = request(DocKind::BaoCaoRaSoat, "20/11/2026");
    r2026.year = 2026;
    assert_eq!(
        save(&w, &mut s, &r2026, "bc 2026.pdf")
            .unwrap()
            .number_value,
        Some(1)
    );
    let mut r2027 = r2026.clone();
    r2027.year = 2027;
    r2027.number = Some(1);
    let m = refused(&w, &mut s, &r2027, "taken");
    assert!(
        m.contains("Số 01-BC/ĐU đã cấp cho Báo cáo kết quả rà soát, bổ sung quy hoạch nhiệm kỳ 2030-2035, năm 2026 ngày 20/11/2026"),
        "{m}"
    );
    // A Tờ trình to one approving body; the same body written in other case is the same one.
    let mut btv = to_trinh("20/11/2026");
    btv.approving_body = Some("Ban Thường vụ Đảng ủy".into());
    assert_eq!(
        save(&w, &mut s, &btv, "tt btv.pdf").unwrap().number_value,
        Some(1)
    );
    let mut same = btv.clone();
    same.approving_body = Some("  ban thường vụ đảng ủy ".into());
    same.number = Some(1);
    let before = dump(&w.path);
    let kept = save(&w, &mut s, &same, "tt btv lại.pdf").unwrap();
    assert_eq!(kept.number.as_deref(), Some("Số 01-TTr/ĐU"));
    assert_unchanged(&before, &w.path, "nothing written");
    let row = s.issued_number("TTr", TERM, 1).unwrap().unwrap();
    assert_eq!(row.scope.as_deref(), Some("Ban Thường vụ Đảng ủy"));
    assert!(
        row.summary.contains("do Ban Thường vụ Đảng ủy phê duyệt"),
        "{row:?}"
    );
    // The Tờ trình of all posts is another document.
    let mut all = to_trinh("20/11/2026");
    all.number = Some(1);
    refused(&w, &mut s, &all, "taken");
    all.number = None;
    assert_eq!(
        save(&w, &mut s, &all, "tt tất cả.pdf")
            .unwrap()
            .number_value,
        Some(2)
    );
}

#[test]
fn kinds_without_a_number_take_none() {
    let w = temp_ward();
    let mut s = crate::common::scenario::build(&w);
    for kind in [DocKind::BieuCoCau, DocKind::DaoTao] {
        let issued = request(kind, "20/11/2026");
        let m = refused(&w, &mut s, &issued, "no_number");
        assert!(
            m.contains(kind.label()) && m.contains("không cấp số"),
            "{m}"
        );
        let mut typed = request(kind, "20/11/2026");
        typed.issue = false;
        typed.number = Some(4);
        refused(&w, &mut s, &typed, "no_number");
        typed.number = None;
        let made = save(&w, &mut s, &typed, &format!("{}.pdf", kind.code())).unwrap();
        assert!(made.number.is_none() && !made.draft);
    }
    let mut cv = request(DocKind::LyLich, "20/11/2026");
    cv.person_id = Some(s.list_people().unwrap()[0].id);
    refused(&w, &mut s, &cv, "no_number");
    assert!(s.doc_register().unwrap().is_empty());
}

/// Numbers issued before this version: cancelled ones become "đã hủy", a review report keeps
/// its year as its scope, a Tờ trình (no scope recorded) is compared by kind and term; a number
/// below the next one missing from the old register is not issued out of order.
#[test]
fn numbers_from_before_this_version_are_kept_as_records() {
    let w = temp_ward();
    std::fs::create_dir_all(w.path.parent().unwrap()).unwrap();
    {
        let conn = rusqlite::Connection::open(&w.path).unwrap();
        conn.pragma_update(None, "key", PASS).unwrap();
        for (version, sql) in quyhoach::store::MIGRATIONS.iter().filter(|m| m.0 <= 6) {
            conn.execute_batch(sql).unwrap();
            conn.pragma_update(None, "user_version", version).unwrap();
        }
        let u = unit();
        conn.execute(
            "INSERT INTO unit (id, name, superior_body, place_name, issuer_code) VALUES (1, ?1, ?2, ?3, ?4)",
            (&u.name, &u.superior_body, &u.place_name, &u.issuer_code),
        )
        .unwrap();
        conn.execute_batch(
            "INSERT INTO doc_number (type_code, term, number, date, summary, kind, plan_term, cancelled_at, cancel_reason) VALUES
               ('TTr', '2025-2030', 1, '2026-11-02', 'Tờ trình đề nghị phê duyệt quy hoạch nhiệm kỳ 2030-2035', 'to-trinh', '2030-2035', NULL, NULL),
               ('TTr', '2025-2030', 2, '2026-11-03', 'Tờ trình đề nghị phê duyệt quy hoạch nhiệm kỳ 2030-2035', 'to-trinh', '2030-2035', '2026-11-04', 'Soạn lại'),
               ('TTr', '2025-2030', 5, '2026-11-05', 'Tờ trình đề nghị phê duyệt quy hoạch nhiệm kỳ 2030-2035', 'to-trinh', '2030-2035', NULL, NULL),
               ('BC', '2025-2030', 1, '2026-11-06', 'Báo cáo kết quả rà soát, bổ sung quy hoạch nhiệm kỳ 2030-2035, năm 2026', 'bao-cao-ra-soat', '2030-2035', NULL, NULL);",
        )
        .unwrap();
    }
    let mut s = reopen(&w);
    assert_eq!(
        s.schema_version().unwrap(),
        quyhoach::store::latest_version()
    );
    add_party_term(&mut s, "2030-2035");
    let tt = s.doc_numbers("TTr", TERM).unwrap();
    assert_eq!(
        tt.iter().map(|r| (r.number, r.state)).collect::<Vec<_>>(),
        [
            (1, NumberState::Issued),
            (2, NumberState::Cancelled),
            (5, NumberState::Issued)
        ]
    );
    assert_eq!(tt[0].scope, None);
    let bc = s.doc_numbers("BC", TERM).unwrap();
    assert_eq!(bc[0].scope.as_deref(), Some("2026"));
    // The old Tờ trình of 02/11 saved again: the same document, its number kept.
    let mut one = to_trinh("02/11/2026");
    one.number = Some(1);
    assert_eq!(
        save(&w, &mut s, &one, "01 in lại.pdf")
            .unwrap()
            .number_value,
        Some(1)
    );
    // Số 03 is missing from the old register, below the next number: not issued out of order.
    let mut three = to_trinh("22/11/2026");
    three.number = Some(3);
    let m = refused(&w, &mut s, &three, "behind");
    assert!(m.contains("số tiếp theo trong sổ (Số 06-TTr/ĐU)"), "{m}");
    // The report of another year is another document.
    let mut r2027 = request(DocKind::BaoCaoRaSoat, "06/11/2026");
    r2027.year = 2027;
    r2027.number = Some(1);
    refused(&w, &mut s, &r2027, "taken");
}
