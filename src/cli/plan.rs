//! The planning subcommands: terms, positions, plan steps, review rounds, rules, targets,
//! programmes, checks, statistics and training gaps. Each is one call into `quyhoach::app`;
//! this file turns flags into the app's inputs and formats what comes back.

use quyhoach::app::{board, plan, rules, suggest};
use quyhoach::rules::check::CheckReport;
use quyhoach::rules::stats::{Bucket, Stats};
use quyhoach::rules::suggest::Action;
use quyhoach::{CoreError, Store};

use super::args::*;
use super::out::{decimal, hinted, print_json, read_json, Out, UserError};

/// The flag that sets each field a plan step names.
const STEP_HINTS: &[(&str, &str)] = &[
    ("step", "--step"),
    ("date", "--date"),
    ("decision_date", "--decision-date"),
    ("reason", "--reason"),
    ("votes", "--votes"),
];
/// `plan add`: the step's flags and the number of terms.
const PLAN_ADD_HINTS: &[(&str, &str)] = &[
    ("step", "--step"),
    ("date", "--date"),
    ("decision_date", "--decision-date"),
    ("reason", "--reason"),
    ("votes", "--votes"),
    ("terms", "--terms"),
];

fn step_input(a: &StepArgs) -> Result<plan::StepInput, UserError> {
    Ok(plan::StepInput {
        step: a.step.clone(),
        date: a.date.clone(),
        decision_no: a.decision.clone(),
        decision_date: a.decision_date.clone(),
        review_year: a.review_year,
        reason: a.reason.clone(),
        note: a.note.clone(),
        votes: a
            .votes
            .as_deref()
            .map(plan::parse_votes)
            .transpose()
            .map_err(hinted(STEP_HINTS))?,
    })
}

/// The proposal as text: the answer, the targets, then each post's rows with their reasons.
fn print_proposal(p: &quyhoach::rules::suggest::Proposal) {
    println!(
        "Gợi ý phương án quy hoạch nhiệm kỳ {}: {}",
        p.term, p.summary
    );
    for t in &p.targets {
        println!(
            "  {} {}{}: hiện {} → phương án {}{}",
            if t.met { "[đạt]" } else { "[chưa đạt]" },
            t.label,
            if t.hard { " (bắt buộc)" } else { "" },
            t.now,
            t.proposed,
            t.short
                .as_deref()
                .map(|s| format!("; {s}"))
                .unwrap_or_default()
        );
    }
    for v in &p.kept_violations {
        println!("  [giữ theo lựa chọn, còn vi phạm] {v}");
    }
    for post in &p.posts {
        println!(
            "\n{} ({}): {} người (cần {}–{}), hiện {}",
            post.name, post.code, post.proposed, post.min, post.max, post.planned_now
        );
        if let Some(s) = &post.shortfall {
            println!("  ! {s}");
        }
        for r in &post.rows {
            let score = r
                .card
                .as_ref()
                .map(|c| format!(" — điểm {}", decimal(c.score)))
                .unwrap_or_default();
            println!(
                "  {:<5} {:>5}  {}{}",
                r.action_label, r.person_id, r.full_name, score
            );
            for why in &r.reasons {
                println!("          - {why}");
            }
        }
    }
}

fn print_buckets(title: &str, b: &[Bucket]) {
    let parts: Vec<String> = b
        .iter()
        .map(|x| format!("{} {} ({}%)", x.label, x.count, decimal(x.percent)))
        .collect();
    println!("  {title:<22} {}", parts.join("; "));
}

fn print_stats(s: &Stats) {
    println!("Tổng số: {} người", s.total);
    for (title, list) in s.groups() {
        print_buckets(title, &list);
    }
}

fn print_report(r: &CheckReport) {
    println!(
        "Kiểm tra quy hoạch nhiệm kỳ {} (mốc tính tuổi {}, {}; ngày kiểm tra {})",
        r.term,
        r.reference_month.display(),
        r.rule_set,
        r.as_of.format("%d/%m/%Y")
    );
    println!("{}", r.review.message);
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
                t.verdict
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
            const HINTS: &[(&str, &str)] = &[
                ("term", "MÃ_NHIỆM_KỲ"),
                ("end_year", "MÃ_NHIỆM_KỲ"),
                ("kind", "--kind"),
                ("reference_month", "--reference"),
            ];
            let (start_year, end_year) = plan::parse_term_code(code).map_err(hinted(HINTS))?;
            let id = plan::add_term(
                store,
                &plan::NewTerm {
                    kind: kind.clone(),
                    start_year,
                    end_year,
                    reference: reference.clone().unwrap_or_default(),
                },
            )
            .map_err(hinted(HINTS))?;
            eprintln!("Đã thêm nhiệm kỳ {code} (mã số {id}).");
        }
        Command::Term(TermCommand::List { json }) => {
            let terms = plan::terms(store)?;
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
            let list = rules::positions(store)?;
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
            let p = rules::read_position(read_json(file.as_deref())?)?;
            let id = rules::save_position(store, &p)?;
            eprintln!("Đã lưu chức danh {} (mã số {id}).", p.code);
        }
        Command::Plan(PlanCommand::Add {
            term,
            position,
            person,
            terms,
            step,
        }) => {
            let id = plan::plan_person_for_terms(
                store,
                term,
                position,
                *person,
                &step_input(step)?,
                *terms,
            )
            .map_err(hinted(PLAN_ADD_HINTS))?;
            println!("{id}");
            eprintln!("Đã đưa vào quy hoạch (mục số {id}).");
        }
        Command::Plan(PlanCommand::Terms { entry, terms }) => {
            plan::set_entry_terms(store, *entry, *terms)?;
            eprintln!(
                "Mục quy hoạch số {entry}: đối tượng {terms} ({}).",
                quyhoach::model::plan::terms_label(*terms)
            );
        }
        Command::Plan(PlanCommand::Step { entry, step }) => {
            let ev =
                plan::add_step(store, *entry, &step_input(step)?).map_err(hinted(STEP_HINTS))?;
            eprintln!(
                "Đã ghi bước “{}” cho mục quy hoạch số {entry}.",
                ev.step.label()
            );
        }
        Command::Plan(PlanCommand::List { term, json }) => {
            let lines = plan::lines(store, term)?;
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
            terms,
            json,
        }) => {
            let c = board::candidates_for_terms(store, term, position, *terms)
                .map_err(hinted(&[("terms", "--terms")]))?;
            if *json {
                return print_json(&c);
            }
            println!(
                "{} ({}): {}{} người đang quy hoạch; xét {}",
                c.position_name,
                c.position_code,
                c.planned,
                c.max.map(|m| format!("/{m}")).unwrap_or_default(),
                c.terms_choices
                    .iter()
                    .find(|t| t.terms == c.terms)
                    .map(|t| t.label.to_lowercase())
                    .unwrap_or_default()
            );
            let mut last = None;
            for x in &c.candidates {
                if last != Some(x.verdict) {
                    let n = c
                        .candidates
                        .iter()
                        .filter(|y| y.verdict == x.verdict)
                        .count();
                    println!("{} ({n} người)", x.verdict_label);
                    last = Some(x.verdict);
                }
                println!(
                    "  {:>5}  {:<30} {:>3} tuổi, còn {:>3} tháng  {}",
                    x.person_id, x.full_name, x.age, x.months_left, x.positions
                );
                for r in &x.violations {
                    println!("          - {r}");
                }
                for n in &x.notes {
                    println!("          * {n}");
                }
            }
        }
        Command::Plan(PlanCommand::Suggest {
            term,
            hard,
            exclude,
            unlock,
            per_seat,
            json,
            apply,
            decision,
            decision_date,
        }) => {
            const HINTS: &[(&str, &str)] = &[
                ("hard", "--hard"),
                ("excluded", "--exclude"),
                ("unlocked", "--unlock"),
                ("per_seat", "--per-seat"),
                ("decision_no", "--decision"),
                ("decision_date", "--decision-date"),
            ];
            let options = quyhoach::rules::suggest::SuggestOptions {
                hard: suggest::targets_of(store, term, hard).map_err(hinted(HINTS))?,
                excluded: exclude.clone(),
                unlocked: unlock.clone(),
                per_seat: *per_seat,
                ..suggest::default_options()
            };
            let p = suggest::suggest(store, term, &options).map_err(hinted(HINTS))?;
            if *json {
                print_json(&p)?;
            } else {
                print_proposal(&p);
            }
            if *apply {
                // The "bỏ" rows go too when the decision that takes them out is given.
                let with_drops = !decision.trim().is_empty() || !decision_date.trim().is_empty();
                let rows: Vec<suggest::Accepted> = p
                    .posts
                    .iter()
                    .flat_map(|post| {
                        post.rows
                            .iter()
                            .filter(|r| match r.action {
                                Action::Add => true,
                                Action::Drop => with_drops,
                                Action::Keep => false,
                            })
                            .map(|r| suggest::Accepted {
                                position: post.code.clone(),
                                person_id: r.person_id,
                                drop: r.action == Action::Drop,
                            })
                    })
                    .collect();
                if rows.is_empty() {
                    eprintln!("Phương án không thêm, không bỏ ai; không có gì để ghi.");
                } else {
                    let decision = suggest::Decision {
                        decision_no: decision.clone(),
                        decision_date: decision_date.clone(),
                    };
                    let n =
                        suggest::accept(store, term, &rows, &decision).map_err(hinted(HINTS))?;
                    eprintln!(
                        "Đã ghi {n} dòng của phương án vào quy hoạch (ghi chú “{}”).",
                        suggest::NOTE
                    );
                }
            }
        }
        Command::Plan(PlanCommand::History { term }) => print_json(&plan::entries(store, term)?)?,
        Command::Review(ReviewCommand::Add {
            term,
            year,
            name,
            decision,
        }) => {
            let id = plan::add_review_round(store, term, *year, name, decision)
                .map_err(hinted(&[("year", "--year")]))?;
            eprintln!("Đã mở đợt rà soát năm {year} (mã số {id}).");
        }
        Command::Review(ReviewCommand::List { term }) => {
            print_json(&plan::review_rounds(store, term)?)?
        }
        Command::Rules(RulesCommand::Show { term }) => {
            print_json(&rules::rules_for(store, term.as_deref())?)?;
        }
        Command::Rules(RulesCommand::List) => {
            for r in rules::rule_sets(store)? {
                println!(
                    "{:>4}  {}  áp dụng từ {}",
                    r.id.unwrap_or_default(),
                    r.name,
                    r.effective_from
                );
            }
        }
        Command::Rules(RulesCommand::Set {
            term,
            params,
            file,
            name,
            effective,
        }) => {
            const HINTS: &[(&str, &str)] = &[
                ("params", "--param"),
                ("effective_from", "--effective"),
                ("name", "--name"),
            ];
            let mut edit = rules::RulesEdit {
                term: term.clone(),
                name: name.clone(),
                effective_from: effective.clone(),
                ..rules::RulesEdit::default()
            };
            if let Some(f) = file {
                match read_json(Some(f))? {
                    serde_json::Value::Object(m) => edit.params.extend(m),
                    _ => {
                        return Err(UserError(format!(
                            "Tệp “{}” phải là một đối tượng JSON các tham số.",
                            f.display()
                        )))
                    }
                }
            }
            for kv in params {
                let (k, v) = rules::parse_param(kv).map_err(hinted(HINTS))?;
                edit.params.insert(k, v);
            }
            let new = rules::save_params(store, &edit).map_err(hinted(HINTS))?;
            eprintln!(
                "Đã lưu phiên bản quy định mới “{}” (mã số {}).",
                new.name,
                new.id.unwrap_or_default()
            );
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
            let id = rules::add_target(
                store,
                &rules::NewTarget {
                    body: body.clone(),
                    indicator: indicator.clone(),
                    threshold: *min,
                    strict: *strict,
                    age_under: *age_under,
                    year: *year,
                    source: source.clone(),
                },
            )
            .map_err(hinted(&[("indicator", "--indicator")]))?;
            eprintln!("Đã thêm chỉ tiêu (mã số {id}).");
        }
        Command::Target(TargetCommand::List { json }) => {
            let list = rules::targets(store)?;
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
            rules::remove_target(store, *id)?;
            eprintln!("Đã xóa chỉ tiêu {id}.");
        }
        Command::Programme(cmd) => super::programmes::programme(store, cmd)?,
        Command::Young(cmd) => super::programmes::young(store, cmd)?,
        Command::Rotation(cmd) => super::programmes::rotation(store, cmd)?,
        Command::Check {
            term,
            json,
            as_of: day,
        } => {
            let day =
                plan::as_of(store, day.as_deref()).map_err(hinted(&[("as_of", "--as-of")]))?;
            let report = plan::check(store, term, day)?;
            if *json {
                return print_json(&report);
            }
            print_report(&report);
        }
        Command::Stats { term, body, json } => {
            let s = plan::stats(store, term, body)?;
            if *json {
                return print_json(&s);
            }
            print_stats(&s);
        }
        Command::Gaps { term, json } => {
            let gaps = plan::training_gaps(store, term)?;
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
