//! The succession forecast (issue 23) at each boundary, on real encrypted stores: a successor
//! with exactly the rule set's minimum months left in January counts, one month fewer does not;
//! a woman and a man born in the same month leave in different years (NĐ 135); the 48-month
//! setting changes the grid; a holder with a recorded early end leaves then; the demo ward has a
//! red cell within 10 years and a target first missed in a named year; `forecast --json` has
//! exactly the documented keys.

use std::collections::BTreeSet;

use crate::common::*;
use quyhoach::model::plan::*;
use quyhoach::model::YearMonth;
use quyhoach::model::*;
use quyhoach::rules::forecast::{forecast, CellStatus, Forecast, StructureIndicator};
use quyhoach::rules::plan::PlanData;
use quyhoach::Store;

const TERM: &str = "2030-2035";

fn ward(w: &TempWard) -> Store {
    let mut s = new_store(w);
    s.add_term(&Term::new(
        TermKind::Party,
        2030,
        2035,
        YearMonth::new(2030, 7),
    ))
    .unwrap();
    s
}

fn add(s: &mut Store, name: &str, sex: Sex, birth: &str) -> i64 {
    s.add_person(&Person::new(name, sex, d(birth))).unwrap()
}

/// A person holding the catalogue post `code` (its name as the title), until `end` if given.
fn holder(s: &mut Store, name: &str, sex: Sex, birth: &str, code: &str, end: Option<&str>) -> i64 {
    let title = s.position(code).unwrap().name;
    let mut p = Person::new(name, sex, d(birth));
    p.positions.push(PositionHeld {
        title,
        organisation: "Đảng ủy phường Phổ Hòa".into(),
        start: Some(d("01/10/2025")),
        end: end.map(d),
    });
    s.add_person(&p).unwrap()
}

fn plan(s: &mut Store, code: &str, person: i64) -> i64 {
    s.plan_person(
        TERM,
        code,
        person,
        &PlanEvent::new(PlanStep::Proposed, d("20/09/2026")),
    )
    .unwrap()
}

fn everyone(s: &Store) -> Vec<Person> {
    s.list_people()
        .unwrap()
        .iter()
        .map(|p| s.person(p.id).unwrap())
        .collect()
}

fn run(s: &Store, data: &PlanData, from: i32, years: u32) -> Forecast {
    forecast(data, &everyone(s), today(), from, years)
}

#[test]
fn exactly_the_minimum_months_in_january_counts_one_fewer_does_not() {
    let w = temp_ward();
    let mut s = ward(&w);
    // Men born from 1966 retire at 62: 01/1975 → 01/2037, 60 months from 01/2032;
    // 12/1974 → 12/2036, 59 months.
    let enough = add(&mut s, "Nguyễn Văn Đủ", Sex::Male, "15/01/1975");
    let short = add(&mut s, "Trần Văn Thiếu", Sex::Male, "15/12/1974");
    plan(&mut s, "TB-XDĐ", enough);
    plan(&mut s, "TB-XDĐ", short);
    let data = s.plan_data(TERM).unwrap();
    assert_eq!(data.rules.params.min_months_left_first, 60);
    let f = run(&s, &data, 2026, 10);
    assert_eq!((f.from_year, f.to_year), (2026, 2035));
    let cell = |y| f.cell("TB-XDĐ", y).unwrap().clone();
    assert_eq!(cell(2031).successors.len(), 2, "71 and 72 months in 2031");
    assert_eq!(cell(2031).status, CellStatus::Xanh);
    assert_eq!(
        cell(2032).successors,
        vec![enough],
        "60 counts, 59 does not"
    );
    assert_eq!(cell(2032).status, CellStatus::Vang);
    assert!(cell(2033).successors.is_empty());
    assert_eq!(cell(2033).status, CellStatus::Do);
    // The explanation of the cell: retirement month, months left, and why one dropped out.
    let lines = f.explain("TB-XDĐ", 2032);
    let by = |id| lines.iter().find(|l| l.person_id == id).unwrap();
    assert_eq!(by(enough).retires, YearMonth::new(2037, 1));
    assert_eq!(by(enough).months_left, 60);
    assert!(by(enough).counts && by(enough).reason.is_empty());
    assert_eq!(by(short).retires, YearMonth::new(2036, 12));
    assert_eq!(by(short).months_left, 59);
    assert!(!by(short).counts);
    assert_eq!(
        by(short).reason,
        "đến 01/2032 chỉ còn 59 tháng công tác (cần ít nhất 60 tháng)"
    );
    // Removed from the plan ("đưa ra"): no longer a successor at all.
    let entry = s
        .plan_data(TERM)
        .unwrap()
        .entries
        .iter()
        .find(|e| e.person_id == enough)
        .unwrap()
        .id;
    let mut out = PlanEvent::new(PlanStep::Removed, d("20/10/2026"));
    out.reason = Some(RemovalReason::Transferred);
    out.decision_no = "130-QĐ/ĐU".into();
    out.decision_date = Some(d("20/10/2026"));
    s.add_plan_step(entry, &out).unwrap();
    let f = run(&s, &s.plan_data(TERM).unwrap(), 2026, 10);
    assert_eq!(f.cell("TB-XDĐ", 2031).unwrap().successors, vec![short]);
    assert!(f
        .explain("TB-XDĐ", 2031)
        .iter()
        .all(|l| l.person_id == short));
}

#[test]
fn a_woman_and_a_man_born_the_same_month_leave_in_different_years() {
    let w = temp_ward();
    let mut s = ward(&w);
    // NĐ 135: a woman born 03/1975 reaches 59 years 8 months in 11/2034; a man born 03/1975
    // reaches 62 in 03/2037.
    let her = holder(
        &mut s,
        "Lê Thị Hằng",
        Sex::Female,
        "10/03/1975",
        "PCT-UBND",
        None,
    );
    let him = holder(
        &mut s,
        "Lê Văn Hùng",
        Sex::Male,
        "10/03/1975",
        "PCT-UBND",
        None,
    );
    let f = run(&s, &s.plan_data(TERM).unwrap(), 2026, 20);
    let post = f.post("PCT-UBND").unwrap();
    let leaves = |id| {
        post.holders
            .iter()
            .find(|h| h.person_id == id)
            .unwrap()
            .leaves
    };
    assert_eq!(leaves(her), YearMonth::new(2034, 11));
    assert_eq!(leaves(him), YearMonth::new(2037, 3));
    assert!(post.holder_leaves_in(2034) && post.holder_leaves_in(2037));
    assert!(!post.holder_leaves_in(2035));
    // Nobody planned for it: the post is counted, and both leave uncovered.
    assert!(f
        .counters
        .posts_without_successor
        .contains(&"PCT-UBND".to_string()));
    assert!(f
        .counters
        .holders_leaving_uncovered
        .contains(&"PCT-UBND".to_string()));
}

#[test]
fn the_48_month_setting_changes_the_grid() {
    let w = temp_ward();
    let mut s = ward(&w);
    // Retires 01/2037: 48 months from 01/2033.
    let p = add(&mut s, "Phạm Văn Ngọc", Sex::Male, "15/01/1975");
    plan(&mut s, "CN-UBKT", p);
    let mut data = s.plan_data(TERM).unwrap();
    let f60 = run(&s, &data, 2026, 10);
    assert_eq!(f60.cell("CN-UBKT", 2033).unwrap().status, CellStatus::Do);
    data.rules.params.min_months_left_first = 48;
    let f48 = run(&s, &data, 2026, 10);
    assert_eq!(f48.cell("CN-UBKT", 2033).unwrap().successors, vec![p]);
    assert_eq!(f48.cell("CN-UBKT", 2033).unwrap().status, CellStatus::Vang);
    assert_eq!(f48.cell("CN-UBKT", 2034).unwrap().status, CellStatus::Do);
    assert_eq!(
        f48.explain("CN-UBKT", 2034)[0].reason,
        "đến 01/2034 chỉ còn 36 tháng công tác (cần ít nhất 48 tháng)"
    );
    assert_ne!(f60.posts, f48.posts);
}

#[test]
fn a_holder_with_a_recorded_early_end_leaves_then() {
    let w = temp_ward();
    let mut s = ward(&w);
    // Would retire in 2041, but the record ends the post on 30/06/2028.
    let early = holder(
        &mut s,
        "Võ Văn Khánh",
        Sex::Male,
        "05/08/1979",
        "CT-MTTQ",
        Some("30/06/2028"),
    );
    // A post that ended before today is not held.
    let gone = holder(
        &mut s,
        "Đặng Thị Thu Hương",
        Sex::Female,
        "05/08/1980",
        "CT-MTTQ",
        Some("31/12/2025"),
    );
    let f = run(&s, &s.plan_data(TERM).unwrap(), 2026, 5);
    let post = f.post("CT-MTTQ").unwrap();
    assert_eq!(post.holders.len(), 1, "{:?}", post.holders);
    let h = &post.holders[0];
    assert_eq!(h.person_id, early);
    assert_eq!(h.leaves, YearMonth::new(2028, 6));
    assert!(h.recorded_end);
    assert!(post.holder_leaves_in(2028));
    assert!(post.holders.iter().all(|h| h.person_id != gone));
}

#[test]
fn the_demo_ward_has_a_red_cell_within_ten_years_and_a_target_first_missed() {
    let w = temp_ward();
    let mut s = quyhoach::demo::create_demo(&w.path, PASS, quyhoach::demo::DEMO_SIZE).unwrap();
    s.set_today(today());
    let f = quyhoach::app::forecast::forecast(
        &s,
        &quyhoach::app::forecast::ForecastInput {
            term: TERM.into(),
            from: Some(2026),
            years: Some(10),
        },
    )
    .unwrap();
    assert_eq!((f.from_year, f.to_year), (2026, 2035));
    // A post with people planned that still runs out of successors within ten years.
    let red: Vec<(&str, i32)> = f
        .posts
        .iter()
        .filter(|p| !p.planned.is_empty())
        .flat_map(|p| {
            p.years
                .iter()
                .filter(|c| c.status == CellStatus::Do)
                .map(move |c| (p.code.as_str(), c.year))
        })
        .collect();
    assert!(!red.is_empty(), "no red cell among planned posts");
    for (code, year) in &red {
        let lines = f.explain(code, *year);
        assert!(!lines.is_empty() && lines.iter().all(|l| !l.counts && !l.reason.is_empty()));
    }
    // The demo's Chủ nhiệm UBKT: one woman planned, born 1975: amber until 2030, red from 2031
    // when fewer than 60 months are left in January.
    assert_eq!(f.cell("CN-UBKT", 2030).unwrap().status, CellStatus::Vang);
    assert_eq!(f.cell("CN-UBKT", 2031).unwrap().status, CellStatus::Do);
    let why = &f.explain("CN-UBKT", 2031)[0];
    assert!(why.reason.starts_with("đến 01/2031 chỉ còn "), "{why:?}");
    assert!((0..60).contains(&why.months_left), "{why:?}");
    // Over 20 years a target of the ward is first missed in a named year, and met (or not
    // set yet) in every year before it.
    let f = quyhoach::app::forecast::forecast(
        &s,
        &quyhoach::app::forecast::ForecastInput {
            term: TERM.into(),
            from: Some(2026),
            years: None,
        },
    )
    .unwrap();
    assert_eq!(f.to_year, 2045);
    // The demo's BCH target "dưới 40 tuổi từ 15%" (2035): 2 of 13 in 2035, 1 of 12 in 2036.
    let miss = f
        .counters
        .targets_missed
        .iter()
        .find(|m| m.body == "BCH" && m.indicator == StructureIndicator::Under40)
        .expect("the BCH's young target is missed");
    assert_eq!((miss.since, miss.year, miss.target), (2035, 2036, 0.15));
    let row = f
        .structure_row(&miss.body, miss.indicator, miss.year)
        .unwrap();
    assert_eq!(row.met, Some(false));
    assert_eq!(row.target, Some(miss.target));
    for y in miss.since..miss.year {
        let r = f.structure_row(&miss.body, miss.indicator, y).unwrap();
        assert!(
            r.met != Some(false) || r.target_since != Some(miss.since),
            "{y}"
        );
    }
    // Everyone ages and nobody joins: the under-40 of the BCH never grow in number.
    let counts: Vec<usize> = (2026..=2045)
        .map(|y| {
            f.structure_row("BCH", StructureIndicator::Under40, y)
                .unwrap()
                .count
        })
        .collect();
    assert!(counts.windows(2).all(|w| w[1] <= w[0]), "{counts:?}");
}

fn keys(v: &serde_json::Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn cli_forecast_json_has_exactly_the_documented_keys() {
    let w = temp_ward();
    quyhoach::demo::create_demo(&w.path, PASS, quyhoach::demo::DEMO_SIZE)
        .unwrap()
        .close()
        .unwrap();
    let pass = pass_file(&w);
    let out = cli(
        &w,
        &pass,
        &[
            "forecast", "--term", TERM, "--from", "2026", "--years", "10", "--json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        keys(&v),
        set(&["from_year", "to_year", "posts", "structure", "counters"])
    );
    assert_eq!(
        (v["from_year"].as_i64(), v["to_year"].as_i64()),
        (Some(2026), Some(2035))
    );
    let posts = v["posts"].as_array().unwrap();
    assert!(!posts.is_empty());
    let mut holders = 0;
    for p in posts {
        assert_eq!(keys(p), set(&["code", "name", "seats", "holders", "years"]));
        for h in p["holders"].as_array().unwrap() {
            holders += 1;
            assert_eq!(keys(h), set(&["person_id", "full_name", "leaves"]));
            let leaves = h["leaves"].as_str().unwrap();
            assert!(
                YearMonth::parse(leaves).is_some() && leaves.len() == 7,
                "{leaves}"
            );
        }
        let years = p["years"].as_array().unwrap();
        assert_eq!(years.len(), 10);
        for c in years {
            assert_eq!(keys(c), set(&["year", "successors", "status"]));
            assert!(["do", "vang", "xanh"].contains(&c["status"].as_str().unwrap()));
        }
    }
    assert!(holders > 0, "the demo's leaders hold posts");
    let structure = v["structure"].as_array().unwrap();
    assert!(!structure.is_empty());
    for r in structure {
        assert_eq!(
            keys(r),
            set(&[
                "year",
                "body",
                "indicator",
                "count",
                "of",
                "value",
                "target",
                "met"
            ])
        );
    }
    assert_eq!(
        keys(&v["counters"]),
        set(&[
            "posts_without_successor",
            "holders_leaving_uncovered",
            "aged_out_before_term",
            "targets_missed"
        ])
    );
    // The readable table, and a horizon other than 5, 10 or 20 refused in Vietnamese.
    let out = cli(&w, &pass, &["forecast", "--term", TERM, "--from", "2026"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("DỰ BÁO NGUỒN KẾ CẬN 2026–2045"), "{text}");
    assert!(text.contains("Bí thư Đảng ủy"));
    let out = cli(&w, &pass, &["forecast", "--term", TERM, "--years", "7"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("chỉ chọn 5, 10 hoặc 20 năm") && err.contains("--years"),
        "{err}"
    );
}

/// The demo ward (today fixed) and a forecast of its 2030-2035 plan from 2026 over 10 years.
fn demo_ten_years() -> (TempWard, Store, quyhoach::app::forecast::ForecastInput) {
    let w = temp_ward();
    let mut s = quyhoach::demo::create_demo(&w.path, PASS, quyhoach::demo::DEMO_SIZE).unwrap();
    s.set_today(today());
    let input = quyhoach::app::forecast::ForecastInput {
        term: TERM.into(),
        from: Some(2026),
        years: Some(10),
    };
    (w, s, input)
}

/// The Dự báo screen's view: every cell, counter and sentence it paints is the forecast's, and a
/// cell explained names the people and why each counts or not.
#[test]
fn the_screen_paints_the_forecast_and_explains_a_red_cell() {
    use quyhoach::app::forecast::{explain, view, ForecastInput};
    let (_ward, s, input) = demo_ten_years();
    let v = view(&s, &input).unwrap();
    let f = quyhoach::app::forecast::forecast(&s, &input).unwrap();
    assert_eq!((v.from_year, v.to_year, v.horizon), (2026, 2035, 10));
    assert_eq!(v.horizons, vec![5, 10, 20]);
    assert!(v.rule.contains("ít nhất 60 tháng công tác"), "{}", v.rule);
    // The same figures, cell by cell.
    assert_eq!(v.rows.len(), f.posts.len());
    for (row, post) in v.rows.iter().zip(&f.posts) {
        assert_eq!(row.code, post.code);
        for (cell, year) in row.cells.iter().zip(&post.years) {
            assert_eq!(
                (cell.year, cell.count, cell.status),
                (year.year, year.successors.len(), year.status)
            );
            assert_eq!(cell.holder_leaves, post.holder_leaves_in(year.year));
        }
    }
    // The term's first and last years and the years the ward set targets for are milestones.
    let marked: Vec<i32> = v
        .years
        .iter()
        .filter(|y| y.milestone)
        .map(|y| y.year)
        .collect();
    assert!(
        marked.contains(&2030) && marked.contains(&2035),
        "{marked:?}"
    );
    let y2030 = v.years.iter().find(|y| y.year == 2030).unwrap();
    assert!(
        y2030.milestone_label.contains("Đầu nhiệm kỳ 2030-2035"),
        "{y2030:?}"
    );
    // Counters: four, each counting what the forecast counts, names rather than codes.
    assert_eq!(v.counters.len(), 4);
    assert_eq!(
        v.counters[0].count,
        f.counters.posts_without_successor.len()
    );
    assert_eq!(v.counters[2].count, f.counters.aged_out_before_term.len());
    let targets = &v.counters[3];
    assert_eq!(targets.count, f.counters.targets_missed.len());
    assert_eq!(v.legend.len(), 3);
    assert!(v.help.iter().any(|h| h.contains("Nghị định 135")));
    // The red cell of the Chủ nhiệm UBKT in 2031, explained.
    let ubkt = v.rows.iter().find(|r| r.code == "CN-UBKT").unwrap();
    let cell = ubkt.cells.iter().find(|c| c.year == 2031).unwrap();
    assert_eq!(cell.status, CellStatus::Do);
    assert!(
        cell.title.contains("năm 2031: 0 người kế cận"),
        "{}",
        cell.title
    );
    let x = explain(&s, &input, "CN-UBKT", 2031).unwrap();
    assert!(
        x.heading
            .contains("năm 2031: 0 người kế cận (không còn ai kế cận)"),
        "{}",
        x.heading
    );
    assert_eq!(x.lines.len(), 1);
    let line = &x.lines[0];
    assert!(
        !line.counts && line.reason.starts_with("đến 01/2031 chỉ còn "),
        "{line:?}"
    );
    assert_eq!(line.retires.len(), 7, "mm/yyyy: {}", line.retires);
    // In 2030 she still counts, and the line says so.
    let x = explain(&s, &input, "CN-UBKT", 2030).unwrap();
    assert!(
        x.lines[0].counts && x.lines[0].reason.contains("là nguồn kế cận"),
        "{:?}",
        x.lines[0]
    );
    // The structure: three bodies, the BCH's young target first missed in 2036 over 20 years.
    let long = view(
        &s,
        &ForecastInput {
            years: None,
            ..input.clone()
        },
    )
    .unwrap();
    assert_eq!(long.structure.len(), 3);
    // The seed's 5, 10 and 20 years are the rule set's milestones (editable data): 2045 too.
    let y2045 = long.years.iter().find(|y| y.year == 2045).unwrap();
    assert!(
        y2045.milestone && y2045.milestone_label.contains("Năm mốc của đơn vị"),
        "{y2045:?}"
    );
    assert!(
        !long
            .years
            .iter()
            .find(|y| y.year == 2040)
            .unwrap()
            .milestone
    );
    let bch = &long.structure[0];
    let young = bch
        .lines
        .iter()
        .find(|l| l.indicator == StructureIndicator::Under40)
        .unwrap();
    assert!(
        young.share
            && young.first_miss.contains("15%")
            && young.first_miss.ends_with("từ năm 2036"),
        "{}",
        young.first_miss
    );
    assert_eq!(young.points.len(), 20);
    // Refused, in Vietnamese: a year outside the horizon, a horizon not offered.
    let err = explain(&s, &input, "CN-UBKT", 2040)
        .unwrap_err()
        .to_string();
    assert!(err.contains("nằm ngoài kỳ dự báo 2026–2035"), "{err}");
    let err = view(
        &s,
        &ForecastInput {
            years: Some(7),
            ..input.clone()
        },
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("chỉ chọn 5, 10 hoặc 20 năm"), "{err}");
}

/// The text of one part of an Office file (a zip).
fn part(file: &std::path::Path, name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The value of `attr="…"` in an XML tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let k = format!(" {name}=\"");
    let i = tag.find(&k)? + k.len();
    Some(&tag[i..i + tag[i..].find('"')?])
}

/// The report (PDF and Word) says the counters the screen shows and prints the grid with its
/// marks; the workbook holds the same counts on the window's colours; a horizon not offered is
/// refused and nothing is saved.
#[test]
fn the_report_and_the_workbook_say_what_the_screen_shows() {
    use quyhoach::app::forecast::{export, view};
    use quyhoach::docs::{DocFormat, DocKind, DocRequest, Signer};
    let (w, mut s, input) = demo_ten_years();
    let v = view(&s, &input).unwrap();
    let mut req = DocRequest::new(DocKind::BaoCaoDuBao, d("03/12/2026").earliest());
    req.year = 2026;
    req.term_code = Some(TERM.into());
    req.horizon = Some(10);
    req.signer = Some(Signer {
        on_behalf: "T/M BAN THƯỜNG VỤ".into(),
        title: "BÍ THƯ".into(),
        name: "Nguyễn Văn Nho".into(),
    });
    let pdf = w.dir.path().join("báo cáo dự báo.pdf");
    let out = quyhoach::docs::save(&mut s, &req, &pdf).unwrap();
    assert!(out.pages >= 3, "{}", out.pages);
    // The PDF's text through poppler (on the Linux side; under wine the Word file speaks).
    if cfg!(not(windows)) {
        let text = crate::docs::text(&pdf, None, "-raw")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains("dự báo nguồn cán bộ kế cận giai đoạn 2026–2035"),
            "{text}"
        );
        assert!(text.contains("còn ít nhất 60 tháng công tác"), "{text}");
        let first = &v.counters[0];
        assert!(
            text.contains(&format!(
                "1. Chức danh chưa có ai trong quy hoạch: {} (",
                first.count
            )),
            "{text}"
        );
        assert!(text.contains(&first.items[0]), "{text}");
        assert!(
            text.contains("DỰ BÁO NGUỒN CÁN BỘ KẾ CẬN 2026–2035 (QUY HOẠCH NHIỆM KỲ 2030-2035)"),
            "{text}"
        );
        assert!(
            text.contains("0 (Đ)") && text.contains("CƠ CẤU NẾU KHÔNG BỔ SUNG AI"),
            "{text}"
        );
        assert!(text.contains("Nguyễn Văn Nho"), "{text}");
    }
    // Word: the same paragraphs.
    req.format = Some(DocFormat::Docx);
    let docx = w.dir.path().join("báo cáo dự báo.docx");
    quyhoach::docs::save(&mut s, &req, &docx).unwrap();
    let xml = part(&docx, "word/document.xml");
    assert!(
        xml.contains("II- KẾT QUẢ DỰ BÁO") && xml.contains("0 (Đ)"),
        "{xml}"
    );
    // A horizon not offered: refused, no file.
    req.horizon = Some(7);
    let bad = w.dir.path().join("sai.pdf");
    let err = quyhoach::docs::save(&mut s, &req, &bad)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("chỉ chọn 5, 10 hoặc 20 năm (đã nhập 7)"),
        "{err}"
    );
    assert!(!bad.exists());

    // The workbook: a row per post, the same counts, the red, amber and green fills.
    let xlsx = w.dir.path().join("dự báo.xlsx");
    assert_eq!(export(&s, &input, &xlsx).unwrap(), v.rows.len());
    use calamine::{open_workbook, Reader, Xlsx};
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let range = wb.worksheet_range("Du bao").unwrap();
    let styles = part(&xlsx, "xl/styles.xml");
    let fills: Vec<&str> = styles
        .split("<fills")
        .nth(1)
        .unwrap()
        .split("</fills>")
        .next()
        .unwrap()
        .split("<fill>")
        .skip(1)
        .collect();
    let xfs: Vec<&str> = styles
        .split("<cellXfs")
        .nth(1)
        .unwrap()
        .split("</cellXfs>")
        .next()
        .unwrap()
        .split("<xf ")
        .skip(1)
        .collect();
    let sheet = part(&xlsx, "xl/worksheets/sheet1.xml");
    let fill_of = |cell: &str| -> String {
        let tag = sheet
            .split("<c ")
            .skip(1)
            .map(|c| format!(" {}", &c[..c.find('>').unwrap_or(c.len())]))
            .find(|c| attr(c, "r") == Some(cell))
            .unwrap_or_else(|| panic!("no cell {cell}"));
        let xf: usize = attr(&tag, "s").unwrap().parse().unwrap();
        let fill: usize = attr(xfs[xf], "fillId").unwrap().parse().unwrap();
        fills[fill].to_string()
    };
    for (i, row) in v.rows.iter().enumerate() {
        let r = 9 + i as u32;
        assert_eq!(range.get_value((r, 1)).unwrap().to_string(), row.name);
        for (j, cell) in row.cells.iter().enumerate() {
            let col = 4 + j as u32;
            let shown = range.get_value((r, col)).unwrap().to_string();
            let want = if cell.holder_leaves {
                format!("{} ▼", cell.count)
            } else {
                cell.count.to_string()
            };
            assert_eq!(shown, want, "{} {}", row.code, cell.year);
            let rgb = match cell.status {
                CellStatus::Do => "F8C9C4",
                CellStatus::Vang => "FFE8A3",
                CellStatus::Xanh => "CFE9D0",
            };
            let a1 = format!(
                "{}{}",
                quyhoach::report::table::column_letter(col as u16),
                r + 1
            );
            assert!(fill_of(&a1).contains(rgb), "{a1}: {}", fill_of(&a1));
        }
    }
}
