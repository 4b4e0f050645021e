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
