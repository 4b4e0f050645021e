//! Issue 21 §2: editing the rules in Settings. Versions saved the same day are told apart by
//! their names; the retirement schedule is a form whose cells read as a clerk writes an age.

use quyhoach::app::rules::{save_params, RulesEdit};
use quyhoach::CoreError;
use serde_json::{json, Value};

use crate::common::*;

fn edit(params: Value, name: Option<&str>) -> RulesEdit {
    RulesEdit {
        params: params.as_object().unwrap().clone(),
        name: name.map(String::from),
        ..RulesEdit::default()
    }
}

#[test]
fn three_saves_the_same_day_get_three_names() {
    let w = temp_ward();
    let mut s = new_store(&w);
    let names: Vec<String> = [60, 61, 62]
        .into_iter()
        .map(|n| {
            save_params(&mut s, &edit(json!({ "min_months_left_first": n }), None))
                .unwrap()
                .name
        })
        .collect();
    assert_eq!(
        names,
        [
            "Hướng dẫn 45-HD/BTCTW (sửa đổi 22/11/2026)",
            "Hướng dẫn 45-HD/BTCTW (sửa đổi 22/11/2026, lần 2)",
            "Hướng dẫn 45-HD/BTCTW (sửa đổi 22/11/2026, lần 3)",
        ]
    );
    // The list of versions shows each once, the newest in force last.
    let all: Vec<String> = s.rule_sets().unwrap().into_iter().map(|r| r.name).collect();
    for n in &names {
        assert_eq!(all.iter().filter(|a| *a == n).count(), 1, "{all:?}");
    }
    assert_eq!(all.last(), names.last());
    // Another day starts again without a number.
    s.set_today(today().succ_opt().unwrap());
    let next = save_params(&mut s, &edit(json!({ "rating_years": 3 }), None)).unwrap();
    assert_eq!(next.name, "Hướng dẫn 45-HD/BTCTW (sửa đổi 23/11/2026)");
}

#[test]
fn a_name_another_version_has_is_refused_and_nothing_is_written() {
    let w = temp_ward();
    let mut s = new_store(&w);
    let named = save_params(
        &mut s,
        &edit(
            json!({ "bch_size": 25 }),
            Some("Quy định của Đảng ủy phường"),
        ),
    )
    .unwrap();
    assert_eq!(named.name, "Quy định của Đảng ủy phường");
    let before = dump(&w.path);
    for taken in [
        "Quy định của Đảng ủy phường",
        "  quy định của  Đảng ủy phường ",
        "Hướng dẫn 45-HD/BTCTW",
    ] {
        let e = save_params(&mut s, &edit(json!({ "bch_size": 23 }), Some(taken))).unwrap_err();
        let CoreError::Validation(fields) = &e else {
            panic!("{e:?}")
        };
        assert_eq!(fields.len(), 1, "{fields:?}");
        assert_eq!(fields[0].field, "name");
        assert_eq!(
            fields[0].message,
            format!(
                "Tên phiên bản quy định: đã có phiên bản “{}”, hãy đặt một tên khác.",
                taken.trim()
            )
        );
        assert_unchanged(&before, &w.path, taken);
    }
    assert_eq!(
        s.rule_sets().unwrap().last().unwrap().params.bch_size,
        25,
        "the refused edit is not in force"
    );
}

/// The men's and women's cells of the retirement table in the form of the newest rules.
fn retirement_cells(s: &quyhoach::Store) -> Vec<(String, Vec<String>)> {
    let form = quyhoach::app::rules::rules_form(s, None).unwrap();
    let field = form.fields.iter().find(|f| f.key == "retirement").unwrap();
    let table = field.table.as_ref().unwrap();
    table
        .rows
        .iter()
        .map(|r| (r.label.clone(), r.cells.clone()))
        .collect()
}

#[test]
fn the_retirement_ages_are_a_form_read_as_a_clerk_writes_them() {
    use quyhoach::model::Sex;
    use quyhoach::model::YearMonth;
    use quyhoach::rules::ruleset::ParamKind;

    let w = temp_ward();
    let mut s = new_store(&w);
    // The default rules (NĐ 135), as the clerk reads them: rows Nam and Nữ, a labelled column
    // for each part, ages in years and months.
    let form = quyhoach::app::rules::rules_form(&s, None).unwrap();
    let field = form.fields.iter().find(|f| f.key == "retirement").unwrap();
    assert_eq!(field.kind, ParamKind::AgeSchedules);
    let table = field.table.as_ref().unwrap();
    let columns: Vec<&str> = table.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        columns,
        [
            "Tuổi năm gốc",
            "Năm gốc",
            "Mỗi năm tăng thêm",
            "Tuổi tối đa",
            "Tuổi trước năm gốc"
        ]
    );
    assert_eq!(
        retirement_cells(&s),
        [
            (
                "Nam".to_string(),
                ["60 tuổi 3 tháng", "2021", "3", "62 tuổi", "60 tuổi"]
                    .map(String::from)
                    .to_vec()
            ),
            (
                "Nữ".to_string(),
                ["55 tuổi 4 tháng", "2021", "4", "60 tuổi", "55 tuổi"]
                    .map(String::from)
                    .to_vec()
            ),
        ]
    );
    let man = d("15/07/1980");
    let month = |s: &quyhoach::Store| {
        s.rule_sets()
            .unwrap()
            .last()
            .unwrap()
            .params
            .retirement
            .retirement(Sex::Male, &man)
            .month
    };
    assert_eq!(month(&s), YearMonth::new(2042, 7));

    // Typed back as the window sends it (every cell a text): the man retires at 62y6m.
    let saved = save_params(
        &mut s,
        &edit(
            json!({"retirement": {
                "men": {"base_months": "61 tuổi", "base_year": " 2021 ", "step_months": "3",
                        "cap_months": "62 tuổi 6 tháng", "before_base_months": "60t"},
                "women": {"base_months": "55 tuổi, 4 tháng", "base_year": "2021", "step_months": "4",
                          "cap_months": "60", "before_base_months": ""}
            }}),
            None,
        ),
    )
    .unwrap();
    assert_eq!(saved.params.retirement.men.base_months, 732);
    assert_eq!(saved.params.retirement.men.cap_months, 750);
    assert_eq!(saved.params.retirement.women.before_base_months, None);
    assert_eq!(month(&s), YearMonth::new(2043, 1));
    assert_eq!(retirement_cells(&s)[0].1[3], "62 tuổi 6 tháng");
    assert_eq!(retirement_cells(&s)[1].1[4], "");

    // The stored numbers keep their shape (months as numbers), so older files read the same.
    let stored = serde_json::to_value(&saved.params).unwrap();
    assert_eq!(
        stored["retirement"]["men"],
        json!({"base_months": 732, "base_year": 2021, "step_months": 3, "cap_months": 750,
               "before_base_months": 720})
    );

    // Stored numbers (as the command line may send them) still read; cells not sent stay.
    save_params(
        &mut s,
        &edit(json!({"retirement": {"men": {"cap_months": 744}}}), None),
    )
    .unwrap();
    assert_eq!(
        retirement_cells(&s)[0].1,
        ["61 tuổi", "2021", "3", "62 tuổi", "60 tuổi"]
    );
    assert_eq!(month(&s), YearMonth::new(2042, 7));

    // A typo is refused under the parameter, named by its label, row and column; nothing is
    // written.
    let before = dump(&w.path);
    for (typed, message) in [
        (
            json!({"men": {"base_months": "6l tuổi"}}),
            "Tuổi nghỉ hưu theo Nghị định 135 (nâng cao), Nam, Tuổi năm gốc: “6l tuổi” không đọc được (ví dụ: 60 tuổi 3 tháng).",
        ),
        (
            json!({"women": {"step_months": "bốn"}}),
            "Tuổi nghỉ hưu theo Nghị định 135 (nâng cao), Nữ, Mỗi năm tăng thêm: “bốn” không phải số nguyên.",
        ),
        (
            json!({"women": {"cap_months": ""}}),
            "Tuổi nghỉ hưu theo Nghị định 135 (nâng cao), Nữ, Tuổi tối đa: bắt buộc phải nhập.",
        ),
        (
            json!({"men": {"cap_months": "60 tuổi"}}),
            "Tuổi nghỉ hưu theo Nghị định 135 (nâng cao): Nam, Tuổi tối đa: 60 tuổi thấp hơn tuổi năm gốc (61 tuổi).",
        ),
        (
            json!("62 tuổi"),
            "Tuổi nghỉ hưu theo Nghị định 135 (nâng cao): cần ghi theo bảng, mỗi giới tính một hàng.",
        ),
    ] {
        let e = save_params(&mut s, &edit(json!({ "retirement": typed }), None)).unwrap_err();
        let fields = e.field_errors();
        assert_eq!(fields.len(), 1, "{typed}: {fields:?}");
        assert_eq!(
            (fields[0].field.as_str(), fields[0].message.as_str()),
            ("retirement", message)
        );
        assert_unchanged(&before, &w.path, &typed.to_string());
    }
}

#[test]
fn the_command_line_sets_the_retirement_ages() {
    let w = temp_ward();
    let s = new_store(&w);
    let pass = pass_file(&w);
    let o = cli(
        &w,
        &pass,
        &[
            "rules",
            "set",
            "--param",
            r#"retirement={"women": {"cap_months": "61 tuổi", "step_months": 4}}"#,
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(retirement_cells(&s)[1].1[3], "61 tuổi");
    let o = cli(
        &w,
        &pass,
        &[
            "rules",
            "set",
            "--param",
            r#"retirement={"men": {"cap_months": 744}}"#,
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = cli(
        &w,
        &pass,
        &[
            "rules",
            "set",
            "--param",
            r#"retirement={"men": {"cap_months": "6l"}}"#,
        ],
    );
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("Nam, Tuổi tối đa: “6l” không đọc được (ví dụ: 60 tuổi 3 tháng)."),
        "{err}"
    );
}
