//! The planning subcommands: terms, positions, plan steps, review rounds, rules, targets,
//! programmes, checks, statistics and training gaps. Formatting only; every action is a core call.

use quyhoach::model::plan::*;
use quyhoach::model::PartialDate;
use quyhoach::rules::check::CheckReport;
use quyhoach::rules::retirement::YearMonth;
use quyhoach::rules::ruleset::RuleSet;
use quyhoach::rules::stats::{Bucket, Stats};
use quyhoach::rules::targets::{Indicator, Target};
use quyhoach::{CoreError, Store};

use super::args::*;
use super::run::{print_json, read_json, UserError};

type Out = Result<(), UserError>;

fn date_arg(field: &str, text: &str) -> Result<PartialDate, UserError> {
    PartialDate::parse(text).map_err(|e| UserError(format!("{field}: {e}")))
}

fn as_of(store: &Store, text: &Option<String>) -> Result<chrono::NaiveDate, UserError> {
    Ok(match text {
        Some(t) => date_arg("--as-of", t)?.earliest(),
        None => store.today(),
    })
}

fn event(store: &Store, a: &StepArgs) -> Result<PlanEvent, UserError> {
    let step = PlanStep::from_code(&a.step).ok_or_else(|| {
        UserError(format!(
            "--step: “{}” không hợp lệ; dùng một trong: {}.",
            a.step,
            PlanStep::ALL
                .iter()
                .map(|s| s.code())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })?;
    let reason = a
        .reason
        .as_deref()
        .map(|r| {
            RemovalReason::from_code(r).ok_or_else(|| {
                UserError(format!(
                    "--reason: “{r}” không hợp lệ; dùng một trong: {}.",
                    RemovalReason::ALL
                        .iter()
                        .map(|s| s.code())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })
        })
        .transpose()?;
    let votes = a
        .votes
        .as_deref()
        .map(|v| {
            let n: Vec<u32> = v
                .split(',')
                .map(|x| x.trim().parse::<u32>())
                .collect::<Result<_, _>>()
                .map_err(|_| {
                    UserError(format!(
                        "--votes: “{v}” phải là 6 số cách nhau bởi dấu phẩy."
                    ))
                })?;
            match n[..] {
                [summoned, present, issued, returned, valid, agree] => Ok(VoteTally {
                    summoned,
                    present,
                    issued,
                    returned,
                    valid,
                    agree,
                }),
                _ => Err(UserError(format!("--votes: “{v}” phải có đúng 6 số."))),
            }
        })
        .transpose()?;
    Ok(PlanEvent {
        id: None,
        step,
        date: match &a.date {
            Some(d) => date_arg("--date", d)?,
            None => PartialDate::from_date(store.today()),
        },
        decision_no: a.decision.clone(),
        decision_date: a
            .decision_date
            .as_deref()
            .map(|d| date_arg("--decision-date", d))
            .transpose()?,
        review_year: a.review_year,
        reason,
        note: a.note.clone(),
        votes,
    })
}

fn print_buckets(title: &str, b: &[Bucket]) {
    let parts: Vec<String> = b
        .iter()
        .map(|x| {
            format!(
                "{} {} ({}%)",
                x.label,
                x.count,
                x.percent.to_string().replace('.', ",")
            )
        })
        .collect();
    println!("  {title:<22} {}", parts.join("; "));
}

fn print_stats(s: &Stats) {
    println!("Tổng số: {} người", s.total);
    print_buckets("Giới tính", &s.sex);
    print_buckets("Cán bộ trẻ", std::slice::from_ref(&s.young));
    print_buckets("Độ tuổi", &s.age_bands);
    print_buckets("3 độ tuổi", &s.three_age_groups);
    print_buckets("Dân tộc", &s.ethnicity);
    print_buckets("Chuyên môn", &s.professional);
    print_buckets("Lý luận chính trị", &s.political_theory);
    print_buckets("Quản lý nhà nước", &s.state_management);
    print_buckets("Nguồn", &s.origin);
}

fn print_report(r: &CheckReport) {
    println!(
        "Kiểm tra quy hoạch nhiệm kỳ {} (mốc tính tuổi {}, {}; ngày kiểm tra {})",
        r.term,
        r.reference_month.display(),
        r.rule_set,
        r.as_of.format("%d/%m/%Y")
    );
    if r.findings.is_empty() {
        println!("Không có vi phạm hay cảnh báo.");
    }
    for f in &r.findings {
        println!("[{}] {}", f.severity.label(), f.message);
    }
    if !r.targets.is_empty() {
        println!("\nChỉ tiêu của đơn vị:");
        for t in &r.targets {
            println!(
                "  {} năm {} – {}: {}/{} → {}",
                t.target.indicator.label(),
                t.target.year,
                t.body_label,
                t.count,
                t.of,
                if t.met { "đạt" } else { "chưa đạt" }
            );
        }
    }
    println!();
    print_stats(&r.stats);
}

pub fn run(store: &mut Store, cmd: &Command) -> Out {
    match cmd {
        Command::Term(TermCommand::Add {
            code,
            kind,
            reference,
        }) => {
            let (start, end) = code
                .split_once('-')
                .and_then(|(a, b)| {
                    Some((a.trim().parse::<i32>().ok()?, b.trim().parse::<i32>().ok()?))
                })
                .ok_or_else(|| {
                    UserError(format!("Mã nhiệm kỳ “{code}” phải có dạng 2030-2035."))
                })?;
            let kind = TermKind::from_code(kind).ok_or_else(|| {
                UserError(format!(
                    "--kind: “{kind}” không hợp lệ; dùng dang hoặc chinh_quyen."
                ))
            })?;
            let reference_month = YearMonth::parse(reference).ok_or_else(|| {
                UserError(format!(
                    "--reference: “{reference}” phải là tháng dạng mm/yyyy."
                ))
            })?;
            let id = store.add_term(&Term {
                id: None,
                code: code.clone(),
                kind,
                start_year: start,
                end_year: end,
                reference_month,
                rule_set_id: None,
            })?;
            eprintln!("Đã thêm nhiệm kỳ {code} (mã số {id}).");
        }
        Command::Term(TermCommand::List { json }) => {
            let terms = store.terms()?;
            if *json {
                return print_json(&terms);
            }
            for t in terms {
                println!(
                    "{}  {}  mốc tính tuổi {}",
                    t.code,
                    t.kind.label(),
                    t.reference_month.display()
                );
            }
        }
        Command::Position(PositionCommand::List { json }) => {
            let list = store.positions()?;
            if *json {
                return print_json(&list);
            }
            for p in list {
                println!(
                    "{:<10} {:<45} bậc {:>3}  {}{}",
                    p.code,
                    p.name,
                    p.rank,
                    p.group.label(),
                    if p.key { ", chủ chốt" } else { "" }
                );
            }
        }
        Command::Position(PositionCommand::Save { file }) => {
            let p: Position = serde_json::from_value(read_json(file.as_deref())?)
                .map_err(|e| UserError(format!("Chức danh JSON không hợp lệ: {e}")))?;
            let id = store.save_position(&p)?;
            eprintln!("Đã lưu chức danh {} (mã số {id}).", p.code);
        }
        Command::Plan(PlanCommand::Add {
            term,
            position,
            person,
            step,
        }) => {
            let ev = event(store, step)?;
            let id = store.plan_person(term, position, *person, &ev)?;
            println!("{id}");
            eprintln!("Đã đưa vào quy hoạch (mục số {id}).");
        }
        Command::Plan(PlanCommand::Step { entry, step }) => {
            let ev = event(store, step)?;
            store.add_plan_step(*entry, &ev)?;
            eprintln!(
                "Đã ghi bước “{}” cho mục quy hoạch số {entry}.",
                ev.step.label()
            );
        }
        Command::Plan(PlanCommand::List { term, json }) => {
            let lines = store.plan_lines(term)?;
            if *json {
                return print_json(&lines);
            }
            let mut last = String::new();
            for l in &lines {
                if l.position_code != last {
                    println!("{} ({})", l.position_name, l.position_code);
                    last = l.position_code.clone();
                }
                println!(
                    "  {:>5}  {:<30} {}",
                    l.entry_id,
                    l.full_name,
                    l.status.map(|s| s.label()).unwrap_or("")
                );
            }
            eprintln!(
                "Tổng số: {} mục, {} đang trong quy hoạch.",
                lines.len(),
                lines.iter().filter(|l| l.active).count()
            );
        }
        Command::Plan(PlanCommand::Candidates {
            term,
            position,
            json,
        }) => {
            let c = store.plan_candidates(term, position)?;
            if *json {
                return print_json(&c);
            }
            println!(
                "{} ({}): {}{} người đang quy hoạch",
                c.position_name,
                c.position_code,
                c.planned,
                c.max.map(|m| format!("/{m}")).unwrap_or_default()
            );
            for x in &c.candidates {
                let mark = if x.eligible { "đủ   " } else { "chưa " };
                println!(
                    "  {mark} {:>5}  {:<30} {:>3} tuổi, còn {:>3} tháng  {}",
                    x.person_id, x.full_name, x.age, x.months_left, x.positions
                );
                for r in &x.reasons {
                    println!("          - {r}");
                }
            }
        }
        Command::Plan(PlanCommand::History { term }) => print_json(&store.plan_entries(term)?)?,
        Command::Review(ReviewCommand::Add {
            term,
            year,
            name,
            decision,
        }) => {
            let id = store.add_review_round(term, *year, name, decision)?;
            eprintln!("Đã mở đợt rà soát năm {year} (mã số {id}).");
        }
        Command::Review(ReviewCommand::List { term }) => print_json(&store.review_rounds(term)?)?,
        Command::Rules(RulesCommand::Show { term }) => {
            let rules = match term {
                Some(t) => store.rules_for(&store.term(t)?)?,
                None => store
                    .rule_sets()?
                    .pop()
                    .ok_or_else(|| UserError("Chưa có bộ quy định.".into()))?,
            };
            print_json(&rules)?;
        }
        Command::Rules(RulesCommand::List) => {
            for r in store.rule_sets()? {
                println!(
                    "{:>4}  {}  áp dụng từ {}",
                    r.id.unwrap_or_default(),
                    r.name,
                    r.effective_from
                );
            }
        }
        Command::Rules(RulesCommand::Set {
            params,
            file,
            name,
            effective,
        }) => {
            let current = store
                .rule_sets()?
                .pop()
                .ok_or_else(|| UserError("Chưa có bộ quy định.".into()))?;
            let mut value =
                serde_json::to_value(&current.params).map_err(|e| UserError(e.to_string()))?;
            if let Some(f) = file {
                if let (serde_json::Value::Object(m), serde_json::Value::Object(patch)) =
                    (&mut value, read_json(Some(f))?)
                {
                    m.extend(patch);
                }
            }
            for kv in params {
                let (k, v) = kv.split_once('=').ok_or_else(|| {
                    UserError(format!("--param “{kv}” phải có dạng khoa=gia_tri."))
                })?;
                let v: serde_json::Value = serde_json::from_str(v)
                    .unwrap_or_else(|_| serde_json::Value::String(v.to_string()));
                match &mut value {
                    serde_json::Value::Object(m) if m.contains_key(k) => {
                        m.insert(k.to_string(), v);
                    }
                    _ => {
                        return Err(UserError(format!(
                            "--param: không có tham số “{k}” trong bộ quy định."
                        )))
                    }
                }
            }
            let new = RuleSet {
                id: None,
                name: name.clone().unwrap_or_else(|| {
                    format!(
                        "{} (sửa đổi {})",
                        current.name,
                        store.today().format("%d/%m/%Y")
                    )
                }),
                effective_from: match effective {
                    Some(e) => date_arg("--effective", e)?,
                    None => current.effective_from,
                },
                params: serde_json::from_value(value)
                    .map_err(|e| UserError(format!("Tham số không hợp lệ: {e}")))?,
            };
            let id = store.add_rule_set(&new)?;
            eprintln!("Đã lưu phiên bản quy định mới “{}” (mã số {id}).", new.name);
        }
        Command::Target(TargetCommand::Add {
            body,
            indicator,
            min,
            strict,
            age_under,
            year,
            source,
        }) => {
            let indicator = Indicator::from_code(indicator).ok_or_else(|| {
                UserError(format!(
                    "--indicator: “{indicator}” không hợp lệ; dùng một trong: {}.",
                    Indicator::ALL
                        .iter()
                        .map(|s| s.code())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
            let id = store.add_target(&Target {
                id: None,
                body: body.clone(),
                indicator,
                threshold: *min,
                strict: *strict,
                age_under: *age_under,
                year: *year,
                source: source.clone(),
            })?;
            eprintln!("Đã thêm chỉ tiêu (mã số {id}).");
        }
        Command::Target(TargetCommand::List { json }) => {
            let list = store.targets()?;
            if *json {
                return print_json(&list);
            }
            for t in list {
                println!(
                    "{:>4}  năm {}  {}  {}  {} {}",
                    t.id.unwrap_or_default(),
                    t.year,
                    t.body,
                    t.indicator.label(),
                    if t.strict { ">" } else { "≥" },
                    t.threshold
                );
            }
        }
        Command::Target(TargetCommand::Remove { id }) => {
            store.remove_target(*id)?;
            eprintln!("Đã xóa chỉ tiêu {id}.");
        }
        Command::Programme(ProgrammeCommand::Add {
            name,
            decision,
            from,
            to,
        }) => {
            let id = store.add_programme(name, decision, *from, *to)?;
            println!("{id}");
        }
        Command::Programme(ProgrammeCommand::Enrol {
            programme,
            person,
            date,
        }) => {
            store.enrol(*programme, *person, &date_arg("--date", date)?)?;
            eprintln!("Đã chọn vào đề án.");
        }
        Command::Programme(ProgrammeCommand::Record {
            programme,
            person,
            kind,
            date,
            content,
            result,
        }) => {
            let rec = ProgrammeRecord {
                kind: kind.clone(),
                date: date_arg("--date", date)?,
                content: content.clone(),
                result: result.clone(),
            };
            store.add_programme_record(*programme, *person, &rec)?;
            eprintln!("Đã ghi.");
        }
        Command::Programme(ProgrammeCommand::Show { programme }) => {
            print_json(&store.programme(*programme)?)?
        }
        Command::Check {
            term,
            json,
            as_of: day,
        } => {
            let day = as_of(store, day)?;
            let report = store.plan_data(term)?.check(day);
            if *json {
                return print_json(&report);
            }
            print_report(&report);
        }
        Command::Stats { term, body, json } => {
            let s = store.plan_data(term)?.stats(body);
            if *json {
                return print_json(&s);
            }
            print_stats(&s);
        }
        Command::Gaps { term, json } => {
            let gaps = store.plan_data(term)?.check(store.today()).training_gaps;
            if *json {
                return print_json(&gaps);
            }
            for g in &gaps {
                println!(
                    "{} – {}: {}",
                    g.person_name,
                    g.position_name,
                    g.lacks.join("; ")
                );
            }
            eprintln!("Tổng số: {} người cần đào tạo, bồi dưỡng.", gaps.len());
        }
        _ => return Err(UserError(CoreError::Locked.to_string())),
    }
    Ok(())
}
