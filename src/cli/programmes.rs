//! `quyhoach programme …`, `quyhoach young …` and `quyhoach rotation …`: flags in, one call into
//! `quyhoach::app::{programmes, young, rotation}`, what it did printed.

use quyhoach::app::programmes::{self, CriteriaForm, OutcomeInput, ProgrammeForm, RecordInput};
use quyhoach::app::{rotation, young};
use quyhoach::rules::young::Assessment;
use quyhoach::Store;

use super::args::{CriteriaArgs, ProgrammeArgs, ProgrammeCommand, RotationCommand, YoungCommand};
use super::out::{hinted, print_json, UserError};

const HINTS: &[(&str, &str)] = &[
    ("date", "--date"),
    ("kind", "--kind"),
    ("to", "--to"),
    ("rating", "--rating"),
    ("post", "--post"),
    ("posts", "--post"),
    ("decision_no", "--decision"),
    ("decision_date", "--decision-date"),
    ("approval_no", "--decision"),
    ("approval_date", "--date"),
    ("outcome_date", "--date"),
    ("reason", "--reason"),
    ("age_under", "--age-under"),
    ("age_at", "--age-at"),
    ("professional", "--professional"),
    ("graduation", "--graduation"),
    ("political_theory", "--theory"),
    ("rating_min", "--rating-min"),
    ("rating_years", "--rating-years"),
    ("in_plan_for", "--in-plan-for"),
    ("start_year", "--from"),
    ("end_year", "--to"),
    ("to_title", "--to-title"),
    ("from_title", "--from-title"),
    ("end_date", "--end-date"),
    ("ends_post", "--ends-post"),
    ("as_of", "--date"),
    ("years", "--years"),
    ("local_posts", "--post"),
];

fn criteria(a: &CriteriaArgs) -> CriteriaForm {
    CriteriaForm {
        age_under: a.age_under,
        age_at: a.age_at.clone(),
        professional: a.professional.clone(),
        graduation: a.graduation.clone(),
        political_theory: a.theory.clone(),
        rating_years: a.rating_years,
        rating_min: a.rating_min.clone(),
        in_plan_for: a.in_plan_for.clone(),
        plan_rules: a.plan_rules,
    }
}

fn form(a: &ProgrammeArgs) -> ProgrammeForm {
    ProgrammeForm {
        name: a.name.clone(),
        deciding_body: a.deciding_body.clone(),
        decision_no: a.decision.clone(),
        decision_date: a.decision_date.clone(),
        start_year: a.from,
        end_year: a.to,
        posts: a.posts.clone(),
        criteria: criteria(&a.criteria),
    }
}

fn print_assessment(a: &Assessment) {
    println!(
        "{}\t{}\t{}",
        a.person_id,
        a.full_name,
        if a.met { "Đạt" } else { "Chưa đạt" }
    );
    for c in &a.checks {
        println!(
            "    [{}] {}: {}",
            if c.met { "x" } else { " " },
            c.criterion,
            c.detail
        );
    }
}

pub fn programme(store: &mut Store, cmd: &ProgrammeCommand) -> Result<(), UserError> {
    let err = hinted(HINTS);
    match cmd {
        ProgrammeCommand::Add {
            name,
            decision,
            from,
            to,
        } => {
            let id = programmes::add(store, name, decision, *from, *to).map_err(&err)?;
            println!("{id}");
        }
        ProgrammeCommand::Create { details } => {
            println!(
                "{}",
                programmes::create(store, &form(details)).map_err(&err)?
            );
        }
        ProgrammeCommand::Edit { programme, details } => {
            programmes::update(store, *programme, &form(details)).map_err(&err)?;
            eprintln!("Đã sửa thông tin đề án số {programme}.");
        }
        ProgrammeCommand::Remove { programme } => {
            programmes::delete(store, *programme).map_err(&err)?;
            eprintln!("Đã xóa đề án số {programme}.");
        }
        ProgrammeCommand::List => {
            for p in programmes::list(store).map_err(&err)? {
                println!(
                    "{}\t{}\t{}–{}\t{} người",
                    p.id, p.name, p.start_year, p.end_year, p.members
                );
            }
        }
        ProgrammeCommand::Candidates {
            programme,
            date,
            json,
        } => {
            let list = programmes::candidates(store, *programme, date).map_err(&err)?;
            if *json {
                print_json(&list)?;
            } else {
                list.iter().for_each(print_assessment);
            }
        }
        ProgrammeCommand::Propose {
            programme,
            person,
            date,
        } => {
            programmes::propose(store, *programme, *person, date).map_err(&err)?;
            eprintln!("Đã đề xuất vào danh sách.");
        }
        ProgrammeCommand::ProposeYoung {
            programme,
            date,
            set,
        } => {
            let form = saved_set(store, set)?;
            let l = young::list(store, &form, date).map_err(&err)?;
            let ids: Vec<i64> = l.meeting.iter().map(|a| a.person_id).collect();
            let r = programmes::propose_list(store, *programme, &ids, date).map_err(&err)?;
            eprintln!("Đã đề xuất {} người.", r.proposed.len());
            for (name, why) in &r.refused {
                eprintln!("  Không đề xuất {name}: {why}");
            }
        }
        ProgrammeCommand::Approve {
            programme,
            decision,
            date,
        } => {
            let n = programmes::approve(store, *programme, decision, date).map_err(&err)?;
            eprintln!("Đã phê duyệt danh sách: {n} người.");
        }
        ProgrammeCommand::Enrol {
            programme,
            person,
            date,
        } => {
            programmes::enrol(store, *programme, *person, date).map_err(&err)?;
            eprintln!("Đã chọn vào đề án.");
        }
        ProgrammeCommand::Record {
            programme,
            person,
            kind,
            date,
            content,
            result,
            institution,
            to,
            certificate,
            rating,
        } => {
            let rec = RecordInput {
                kind: kind.clone(),
                date: date.clone(),
                content: content.clone(),
                result: result.clone(),
                institution: institution.clone(),
                to: to.clone(),
                certificate: certificate.clone(),
                rating: rating.clone(),
            };
            programmes::add_record(store, *programme, *person, &rec).map_err(&err)?;
            eprintln!("Đã ghi.");
        }
        ProgrammeCommand::Outcome {
            programme,
            person,
            kind,
            post,
            date,
            decision,
            reason,
            ends_post,
        } => {
            let input = OutcomeInput {
                kind: kind.clone(),
                post: post.clone(),
                date: date.clone(),
                decision_no: decision.clone(),
                reason: reason.clone(),
                ends_post: ends_post.clone(),
            };
            programmes::set_outcome(store, *programme, *person, &input).map_err(&err)?;
            eprintln!("Đã ghi kết quả.");
        }
        ProgrammeCommand::Export { programme, out } => {
            let n = programmes::export(store, *programme, out).map_err(&err)?;
            eprintln!("Đã xuất {n} người vào {}", out.display());
        }
        ProgrammeCommand::Show { programme } => print_json(&programmes::show(store, *programme)?)?,
    }
    Ok(())
}

pub fn young(store: &mut Store, cmd: &YoungCommand) -> Result<(), UserError> {
    let err = hinted(HINTS);
    match cmd {
        YoungCommand::List {
            date,
            set,
            criteria: c,
            json,
            out,
        } => {
            let form = match set {
                Some(name) => {
                    let sets = young::sets(store).map_err(&err)?;
                    let s = sets.iter().find(|s| &s.name == name).ok_or_else(|| {
                        UserError(format!(
                            "Không có bộ tiêu chí “{name}” (xem: quyhoach young sets)."
                        ))
                    })?;
                    let v =
                        serde_json::to_value(&s.criteria).map_err(|e| UserError(e.to_string()))?;
                    criteria_form_of(&v)
                }
                None => criteria(c),
            };
            let l = young::list(store, &form, date).map_err(&err)?;
            if let Some(out) = out {
                young::export(store, &l, out).map_err(hinted(&[("out", "--out")]))?;
                eprintln!("Đã xuất vào {}", out.display());
            } else if *json {
                print_json(&l)?;
            } else {
                println!("Đạt các tiêu chí: {} người", l.meeting.len());
                l.meeting.iter().for_each(print_assessment);
                println!("Còn thiếu một tiêu chí: {} người", l.just_short.len());
                l.just_short.iter().for_each(print_assessment);
            }
        }
        YoungCommand::Save { name, criteria: c } => {
            println!(
                "{}",
                young::save_set(store, name, &criteria(c)).map_err(&err)?
            );
        }
        YoungCommand::Sets => print_json(&young::sets(store).map_err(&err)?)?,
    }
    Ok(())
}

/// A saved criteria set by name, as the form's shape.
fn saved_set(store: &Store, name: &str) -> Result<CriteriaForm, UserError> {
    let sets = young::sets(store)?;
    let s = sets.iter().find(|s| s.name == name).ok_or_else(|| {
        UserError(format!(
            "Không có bộ tiêu chí “{name}” (xem: quyhoach young sets)."
        ))
    })?;
    let v = serde_json::to_value(&s.criteria).map_err(|e| UserError(e.to_string()))?;
    Ok(criteria_form_of(&v))
}

/// A saved set (codes) back into the form's shape.
fn criteria_form_of(v: &serde_json::Value) -> CriteriaForm {
    let s = |k: &str| {
        v.get(k)
            .and_then(|x| x.as_str())
            .unwrap_or_default()
            .to_string()
    };
    CriteriaForm {
        age_under: v
            .get("age_under")
            .and_then(|x| x.as_i64())
            .map(|x| x as i32),
        age_at: quyhoach::model::PartialDate::parse(&s("age_at"))
            .map(|d| d.to_display())
            .unwrap_or_default(),
        professional: s("professional"),
        graduation: s("graduation"),
        political_theory: s("political_theory"),
        rating_years: v.get("rating_years").and_then(|x| x.as_u64()).unwrap_or(0) as u32,
        rating_min: s("rating_min"),
        in_plan_for: v
            .get("in_plan_for")
            .and_then(|x| x.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default(),
        plan_rules: v
            .get("plan_rules")
            .and_then(|x| x.as_bool())
            .unwrap_or(false),
    }
}

pub fn rotation(store: &mut Store, cmd: &RotationCommand) -> Result<(), UserError> {
    let err = hinted(HINTS);
    match cmd {
        RotationCommand::Move {
            person,
            kind,
            from_title,
            from_org,
            to_title,
            to_org,
            date,
            end_date,
            decision,
            decision_date,
        } => {
            let input = rotation::MovementInput {
                person_id: *person,
                kind: kind.clone(),
                from_title: from_title.clone(),
                from_org: from_org.clone(),
                to_title: to_title.clone(),
                to_org: to_org.clone(),
                date: date.clone(),
                end_date: end_date.clone(),
                decision_no: decision.clone(),
                decision_date: decision_date.clone(),
                note: String::new(),
            };
            println!("{}", rotation::record(store, &input).map_err(&err)?);
        }
        RotationCommand::List { date, json, out } => {
            let l = rotation::lists(store, date).map_err(&err)?;
            if let Some(out) = out {
                rotation::export(store, &l, out).map_err(hinted(&[("out", "--out")]))?;
                eprintln!("Đã xuất vào {}", out.display());
            } else if *json {
                print_json(&l)?;
            } else {
                println!(
                    "Giữ một vị trí lãnh đạo từ {} năm trở lên: {} người",
                    l.params.years,
                    l.long_tenure.len()
                );
                for r in &l.long_tenure {
                    println!("  {}\t{}\t{} năm", r.full_name, r.title, r.years);
                }
                println!(
                    "Chức danh chủ chốt là người địa phương: {} người",
                    l.local_key.len()
                );
                for r in &l.local_key {
                    println!("  {}\t{}\t{}", r.full_name, r.title, r.home_town);
                }
            }
        }
        RotationCommand::Params {
            years,
            posts,
            basis,
        } => {
            let mut p = rotation::params(store).map_err(&err)?;
            p.years = *years;
            if let Some(b) = basis {
                p.basis = b.trim().to_string();
            }
            if !posts.is_empty() {
                p.local_posts = posts.clone();
            }
            rotation::save_params(store, &p).map_err(&err)?;
            eprintln!("Đã lưu.");
        }
    }
    Ok(())
}
