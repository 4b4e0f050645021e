//! Source programmes (đề án tạo nguồn, seed 000): create one with its posts and criteria,
//! propose participants (each criterion judged by `rules::young::assess`, refused with the
//! criterion named), approve the list, record trainings and yearly evaluations, and the outcome
//! (appointed or elected to a post — also written to the person's positions — or left).
//! What is typed is checked here; the stage a participant may take next is decided by
//! `rules::programme`; the store only writes.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{invalid as bad, parse_code, parse_date, parse_optional_date};
use crate::error::{CoreError, Result};
use crate::model::plan::{Programme, ProgrammeRecord};
use crate::model::programme::{
    Criteria, GraduationClass, NewProgramme, Outcome, OutcomeKind, ProgrammeRecordKind,
    ProgrammeSummary,
};
use crate::model::{PoliticalTheory, PositionHeld, ProfessionalLevel, RatingLevel};
use crate::rules::programme as stages;
use crate::rules::young::{assess, Assessment};
use crate::store::Store;
use crate::text::clean;

/// Criteria as a form gives them: codes or labels as text, empty for "not asked".
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CriteriaForm {
    pub age_under: Option<i32>,
    pub age_at: String,
    pub professional: String,
    pub graduation: String,
    pub political_theory: String,
    pub rating_years: u32,
    pub rating_min: String,
    pub in_plan_for: Vec<String>,
    /// Eligible by the plan's rules for one of the programme's posts.
    pub plan_rules: bool,
}

fn opt_code<T: Copy>(
    field: &str,
    label: &str,
    text: &str,
    all: &[T],
    code: fn(T) -> &'static str,
    name: fn(T) -> &'static str,
) -> Result<Option<T>> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_code(field, label, text, all, code, name).map(Some)
    }
}

impl CriteriaForm {
    /// The criteria, every value read and checked (the message names the field).
    pub fn read(&self) -> Result<Criteria> {
        if let Some(n) = self.age_under {
            if !(18..=70).contains(&n) {
                return Err(CoreError::validation(
                    "age_under",
                    "range",
                    format!("Tuổi dưới: {n} không hợp lệ (từ 18 đến 70)."),
                ));
            }
        }
        if self.rating_years > 10 {
            return Err(CoreError::validation(
                "rating_years",
                "range",
                format!(
                    "Số năm liền được đánh giá: {} không hợp lệ (từ 0 đến 10).",
                    self.rating_years
                ),
            ));
        }
        Ok(Criteria {
            age_under: self.age_under,
            age_at: parse_optional_date("age_at", "Tính tuổi tại ngày", Some(&self.age_at))?,
            professional: opt_code(
                "professional",
                "Trình độ chuyên môn",
                &self.professional,
                ProfessionalLevel::ALL,
                ProfessionalLevel::code,
                ProfessionalLevel::label,
            )?,
            graduation: opt_code(
                "graduation",
                "Xếp loại tốt nghiệp",
                &self.graduation,
                GraduationClass::ALL,
                GraduationClass::code,
                GraduationClass::label,
            )?,
            political_theory: opt_code(
                "political_theory",
                "Lý luận chính trị",
                &self.political_theory,
                PoliticalTheory::ALL,
                PoliticalTheory::code,
                PoliticalTheory::label,
            )?,
            rating_years: self.rating_years,
            rating_min: opt_code(
                "rating_min",
                "Mức xếp loại tối thiểu",
                &self.rating_min,
                RatingLevel::ALL,
                RatingLevel::code,
                RatingLevel::label,
            )?,
            in_plan_for: self
                .in_plan_for
                .iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            plan_rules: self.plan_rules,
        })
    }
}

/// A new programme as the form gives it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ProgrammeForm {
    pub name: String,
    pub deciding_body: String,
    pub decision_no: String,
    pub decision_date: String,
    pub start_year: i32,
    pub end_year: i32,
    pub posts: Vec<String>,
    pub criteria: CriteriaForm,
}

/// Creates a programme with only a name, decision and years; returns its id.
pub fn add(store: &mut Store, name: &str, decision_no: &str, from: i32, to: i32) -> Result<i64> {
    store.write(|store| {
        let p = NewProgramme {
            name: name.into(),
            decision_no: decision_no.into(),
            start_year: from,
            end_year: to,
            ..Default::default()
        };
        check_programme(store, &p)?;
        store.create_programme(&p)
    })
}

/// A programme's details checked: its name, its period, and every post it names (those it
/// prepares for and those of the criterion "in the plan for") in the catalogue.
fn check_programme(store: &Store, p: &NewProgramme) -> Result<()> {
    if clean(&p.name).is_empty() {
        return Err(bad(
            "name",
            "required",
            "Tên đề án: bắt buộc phải nhập.".into(),
        ));
    }
    if p.end_year < p.start_year {
        return Err(bad(
            "end_year",
            "end_before_start",
            format!(
                "Đề án: năm kết thúc {} trước năm bắt đầu {}.",
                p.end_year, p.start_year
            ),
        ));
    }
    let positions = store.positions()?;
    for code in &p.posts {
        if !positions.iter().any(|x| &x.code == code) {
            return Err(bad(
                "posts",
                "unknown_post",
                format!("Chức danh tạo nguồn: không có mã “{code}” trong danh mục chức danh."),
            ));
        }
    }
    for code in &p.criteria.in_plan_for {
        if !positions.iter().any(|x| &x.code == code) {
            return Err(bad(
                "in_plan_for",
                "unknown_post",
                format!("Tiêu chí quy hoạch: không có mã “{code}” trong danh mục chức danh."),
            ));
        }
    }
    Ok(())
}

/// The programme as the form gives it, every value read and checked.
fn read_form(f: &ProgrammeForm) -> Result<NewProgramme> {
    if f.start_year < 1945 || f.end_year < 1945 {
        return Err(CoreError::validation(
            "start_year",
            "range",
            "Giai đoạn của đề án: cần năm bắt đầu và năm kết thúc (ví dụ 2025–2030).",
        ));
    }
    Ok(NewProgramme {
        name: f.name.clone(),
        deciding_body: f.deciding_body.clone(),
        decision_no: f.decision_no.clone(),
        decision_date: parse_optional_date(
            "decision_date",
            "Ngày quyết định",
            Some(&f.decision_date),
        )?,
        start_year: f.start_year,
        end_year: f.end_year,
        posts: f
            .posts
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        criteria: f.criteria.read()?,
    })
}

/// Creates a programme from the form; returns its id.
pub fn create(store: &mut Store, f: &ProgrammeForm) -> Result<i64> {
    store.write(|store| {
        let p = read_form(f)?;
        check_programme(store, &p)?;
        store.create_programme(&p)
    })
}

/// Corrects a programme's details from the form (its participants stay).
pub fn update(store: &mut Store, id: i64, f: &ProgrammeForm) -> Result<()> {
    store.write(|store| {
        let p = read_form(f)?;
        store.programme(id)?;
        check_programme(store, &p)?;
        store.update_programme(id, &p)
    })
}

/// Deletes a programme made by mistake (refused once it has participants).
pub fn delete(store: &mut Store, id: i64) -> Result<()> {
    store.write(|store| {
        stages::may_delete(&store.programme(id)?)?;
        store.delete_programme(id)
    })
}

pub fn list(store: &Store) -> Result<Vec<ProgrammeSummary>> {
    store.programmes()
}

pub fn show(store: &Store, id: i64) -> Result<Programme> {
    store.programme(id)
}

fn post_names(store: &Store) -> Result<HashMap<String, String>> {
    Ok(store
        .positions()?
        .into_iter()
        .map(|p| (p.code, p.name))
        .collect())
}

/// Everyone still working judged against the programme's criteria on a day, those meeting
/// them first; people already in the programme are left out.
pub fn candidates(store: &Store, id: i64, day: &str) -> Result<Vec<Assessment>> {
    let p = store.programme(id)?;
    let as_of = parse_date("date", "Ngày xét", day)?.earliest();
    let plan = store.active_plan_posts()?;
    let names = post_names(store)?;
    let none = Vec::new();
    let people: Vec<_> = store
        .all_people()?
        .into_iter()
        .filter(|person| {
            let id = person.id.unwrap_or_default();
            person.status == crate::model::Status::Working
                && !p.members.iter().any(|m| m.person_id == id)
        })
        .collect();
    let rules = PlanRules::load(store, &p, &people)?;
    let mut out = Vec::with_capacity(people.len());
    for person in &people {
        let pid = person.id.unwrap_or_default();
        let mut a = assess(
            person,
            &p.criteria,
            plan.get(&pid).unwrap_or(&none),
            &names,
            as_of,
        );
        rules.add_check(&mut a, person, as_of);
        out.push(a);
    }
    out.sort_by_key(|a| !a.met);
    Ok(out)
}

/// The judgement of one person against a programme's criteria on a day.
pub fn judge(store: &Store, id: i64, person: i64, as_of: NaiveDate) -> Result<Assessment> {
    let p = store.programme(id)?;
    let plan = store.active_plan_posts()?;
    let none = Vec::new();
    let who = store.person(person)?;
    let mut a = assess(
        &who,
        &p.criteria,
        plan.get(&person).unwrap_or(&none),
        &post_names(store)?,
        as_of,
    );
    PlanRules::load(store, &p, std::slice::from_ref(&who))?.add_check(&mut a, &who, as_of);
    Ok(a)
}

/// The criterion "eligible by the plan's rules" of a programme: each post it prepares for,
/// with the plan of the latest term of the post's kind (its rule set, its entries), judged by
/// the check's own eligibility function (`rules::eligibility`), as the candidate list of the
/// plan board judges it. Empty when the programme does not ask it.
struct PlanRules {
    posts: Vec<(crate::rules::plan::PlanData, crate::model::plan::Position)>,
    asked: bool,
}

impl PlanRules {
    fn load(store: &Store, p: &Programme, people: &[crate::model::Person]) -> Result<PlanRules> {
        let mut posts = Vec::new();
        if p.criteria.plan_rules {
            let terms = store.terms()?;
            for code in &p.posts {
                let pos = store.position(code)?;
                let Some(term) = terms
                    .iter()
                    .filter(|t| t.kind == pos.term_kind)
                    .max_by_key(|t| t.start_year)
                else {
                    continue;
                };
                let mut data = store.plan_data(&term.code)?;
                for person in people {
                    data.people
                        .entry(person.id.unwrap_or_default())
                        .or_insert_with(|| person.clone());
                }
                posts.push((data, pos));
            }
        }
        Ok(PlanRules {
            posts,
            asked: p.criteria.plan_rules,
        })
    }

    fn add_check(&self, a: &mut Assessment, person: &crate::model::Person, as_of: NaiveDate) {
        if !self.asked {
            return;
        }
        let names: Vec<&str> = self.posts.iter().map(|(_, p)| p.name.as_str()).collect();
        let mut eligible = Vec::new();
        let mut reasons = Vec::new();
        for (data, pos) in &self.posts {
            let v = crate::rules::eligibility::Judge::new(data, as_of).verdict(person, pos);
            if v.eligible() {
                eligible.push(format!("{} (nhiệm kỳ {})", pos.name, data.term.code));
            } else {
                reasons.extend(v.violations());
            }
        }
        let check = crate::rules::young::CriterionCheck {
            criterion: if names.is_empty() {
                "Đủ điều kiện quy hoạch các chức danh của đề án theo quy định".into()
            } else {
                format!(
                    "Đủ điều kiện quy hoạch {} theo quy định đang áp dụng",
                    names.join(" hoặc ")
                )
            },
            met: !eligible.is_empty(),
            detail: if !eligible.is_empty() {
                format!("đủ điều kiện: {}", eligible.join(", "))
            } else if self.posts.is_empty() {
                "chưa có nhiệm kỳ quy hoạch của các chức danh này để xét".into()
            } else {
                reasons.join(" ")
            },
        };
        a.met = a.met && check.met;
        a.checks.push(check);
    }
}

/// Proposes a person for the list on a day (as typed); refused, with every criterion not met
/// named, when the person does not meet the programme's criteria on that day.
pub fn propose(store: &mut Store, id: i64, person: i64, date: &str) -> Result<Assessment> {
    store.write(|store| {
        let day = parse_date("date", "Ngày đề xuất", date)?;
        let a = judge(store, id, person, day.earliest())?;
        if !a.met {
            return Err(CoreError::validation(
                "criteria",
                "not_met",
                format!(
                    "{} chưa đủ tiêu chuẩn tham gia đề án — {}.",
                    a.full_name,
                    a.reasons()
                ),
            ));
        }
        store.propose_member(id, person, &day)?;
        Ok(a)
    })
}

/// Selects a person straight into a programme on a day (as typed), as approved.
pub fn enrol(store: &mut Store, programme: i64, person: i64, date: &str) -> Result<()> {
    store.write(|store| {
        let day = parse_date("date", "Ngày được chọn", date)?;
        store.enrol(programme, person, &day)
    })
}

/// Records the decision approving the list; returns how many were approved.
pub fn approve(store: &mut Store, id: i64, decision_no: &str, date: &str) -> Result<usize> {
    store.write(|store| {
        let day = parse_date("approval_date", "Ngày phê duyệt danh sách", date)?;
        let p = store.programme(id)?;
        if clean(decision_no).is_empty() {
            return Err(bad(
                "approval_no",
                "required",
                "Số quyết định phê duyệt danh sách: bắt buộc phải nhập.".into(),
            ));
        }
        let proposed = stages::approvable(&p)?;
        store.approve_programme_list(id, decision_no, &day)?;
        Ok(proposed)
    })
}

/// A training or an evaluation of a participant, as the clerk gives it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RecordInput {
    /// "dao_tao" or "danh_gia".
    pub kind: String,
    /// A training's first day; an evaluation's year or day.
    pub date: String,
    /// The course, or the evaluation's remarks.
    pub content: String,
    pub result: String,
    pub institution: String,
    /// A training's last day.
    pub to: String,
    pub certificate: String,
    /// An evaluation's rating (code or label).
    pub rating: String,
}

pub fn add_record(
    store: &mut Store,
    programme: i64,
    person: i64,
    input: &RecordInput,
) -> Result<()> {
    store.write(|store| {
    let training = input.kind.trim() == ProgrammeRecordKind::Training.code();
    let (date_label, to_label) = if training {
        ("Đào tạo từ ngày", "Đào tạo đến ngày")
    } else {
        ("Năm đánh giá", "Đến ngày")
    };
    let rating = opt_code(
        "rating",
        "Xếp loại đánh giá",
        &input.rating,
        RatingLevel::ALL,
        RatingLevel::code,
        RatingLevel::label,
    )?;
    if !training && input.kind.trim() == ProgrammeRecordKind::Evaluation.code() && rating.is_none() {
        return Err(CoreError::validation(
            "rating",
            "required",
            "Xếp loại đánh giá: bắt buộc chọn (hoàn thành xuất sắc, tốt, hoàn thành, không hoàn thành nhiệm vụ).",
        ));
    }
    let rec = ProgrammeRecord {
        kind: input.kind.trim().to_string(),
        date: parse_date("date", date_label, &input.date)?,
        content: input.content.clone(),
        result: input.result.clone(),
        institution: input.institution.clone(),
        to: parse_optional_date("to", to_label, Some(&input.to))?,
        certificate: input.certificate.clone(),
        rating,
    };
    check_record(&rec)?;
    stages::may_record(store.programme_member_stage(programme, person)?)?;
    store.add_programme_record(programme, person, &rec)
    })
}

/// A record's kind, its content, and a training's days in order.
fn check_record(rec: &ProgrammeRecord) -> Result<()> {
    if ProgrammeRecordKind::from_code(&rec.kind).is_none() {
        return Err(bad(
            "kind",
            "unknown_kind",
            format!(
                "Loại “{}” không hợp lệ: chọn Đào tạo, bồi dưỡng hoặc Đánh giá hằng năm.",
                rec.kind
            ),
        ));
    }
    if clean(&rec.content).is_empty() {
        let label = if rec.kind == "dao_tao" {
            "Khóa đào tạo, bồi dưỡng"
        } else {
            "Nhận xét, đánh giá"
        };
        return Err(bad(
            "content",
            "required",
            format!("{label}: bắt buộc phải nhập."),
        ));
    }
    if let Some(to) = &rec.to {
        if to.latest() < rec.date.earliest() {
            return Err(bad(
                "to",
                "end_before_start",
                format!(
                    "Đào tạo: ngày kết thúc {} trước ngày bắt đầu {}.",
                    to.to_display(),
                    rec.date.to_display()
                ),
            ));
        }
    }
    Ok(())
}

/// What became of a participant, as the form gives it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OutcomeInput {
    /// "bo_nhiem", "bau_cu" or "ra_khoi".
    pub kind: String,
    /// The post (catalogue code or name) for an appointment or election.
    pub post: String,
    pub date: String,
    pub decision_no: String,
    /// Why they left.
    pub reason: String,
    /// A post the person now leaves for the new one (its title as in the record): it ends the
    /// day before. Empty: the person's posts continue beside the new one (concurrent posts).
    pub ends_post: String,
}

/// Records the outcome. An appointment or election also adds the post to the person's
/// positions from that day, in the post's own organisation (a People's Committee post in
/// "UBND phường …"), and ends the post named in `ends_post` the day before; leaving needs a
/// reason.
pub fn set_outcome(
    store: &mut Store,
    programme: i64,
    person: i64,
    input: &OutcomeInput,
) -> Result<Outcome> {
    store.write(|store| {
        let date = parse_date("outcome_date", "Ngày quyết định", &input.date)?;
        let kind = match input.kind.trim() {
            "ra_khoi" => None,
            k => Some(parse_code(
                "outcome_kind",
                "Kết quả",
                k,
                OutcomeKind::ALL,
                OutcomeKind::code,
                OutcomeKind::label,
            )?),
        };
        let decision_no = input.decision_no.trim().to_string();
        if decision_no.is_empty() {
            return Err(CoreError::validation(
                "decision_no",
                "required",
                "Số quyết định: bắt buộc phải nhập.",
            ));
        }
        let p = store.programme(programme)?;
        let member = p
            .members
            .iter()
            .find(|m| m.person_id == person)
            .ok_or_else(|| {
                CoreError::validation(
                    "person",
                    "not_in_programme",
                    format!("Người mã số {person} chưa có trong đề án số {programme}."),
                )
            })?;
        stages::may_have_outcome(member)?;
        let unit = store.unit()?;
        let (post, organisation) = if kind.is_some() {
            let t = input.post.trim();
            if t.is_empty() {
                return Err(CoreError::validation(
                    "post",
                    "required",
                    "Chức vụ được bổ nhiệm, bầu: bắt buộc chọn.",
                ));
            }
            let positions = store.positions()?;
            positions
                .iter()
                .find(|x| x.code == t || crate::text::fold(&x.name) == crate::text::fold(t))
                .map(|x| (x.name.clone(), x.organisation(&unit)))
                .unwrap_or_else(|| (t.to_string(), unit.name.clone()))
        } else {
            if input.reason.trim().is_empty() {
                return Err(CoreError::validation(
                    "reason",
                    "required",
                    "Lý do ra khỏi đề án: bắt buộc phải nhập.",
                ));
            }
            (String::new(), String::new())
        };
        let outcome = Outcome {
            kind,
            post: post.clone(),
            date,
            decision_no,
            reason: input.reason.trim().to_string(),
        };
        if kind.is_some() {
            let mut rec = store.person(person)?;
            let mut changed = false;
            let ends = crate::text::fold(input.ends_post.trim());
            if !ends.is_empty() {
                let end = date.earliest().pred_opt().unwrap_or(date.earliest());
                let Some(h) = rec
                    .positions
                    .iter_mut()
                    .find(|h| h.is_current() && crate::text::fold(&h.title) == ends)
                else {
                    return Err(CoreError::validation(
                        "ends_post",
                        "not_held",
                        format!(
                            "Chức vụ thôi giữ: {} hiện không giữ “{}”.",
                            rec.full_name,
                            input.ends_post.trim()
                        ),
                    ));
                };
                h.end = Some(crate::model::PartialDate::from_date(end));
                changed = true;
            }
            if !rec
                .positions
                .iter()
                .any(|h| h.is_current() && crate::text::fold(&h.title) == crate::text::fold(&post))
            {
                rec.positions.push(PositionHeld {
                    title: post,
                    organisation,
                    start: Some(date),
                    end: None,
                });
                changed = true;
            }
            if changed {
                store.update_person(&super::people::checked(store, &rec)?)?;
            }
        }
        let stage = stages::outcome_stage(member.stage, &outcome)?;
        store.set_programme_outcome(programme, person, stage, &outcome)?;
        Ok(outcome)
    })
}

/// Writes a report table as an Excel workbook at `out` (never over an existing file; its folder
/// is made); returns the rows written.
pub fn save_table(
    store: &Store,
    table: &crate::report::table::ReportTable,
    sheet: &str,
    out: &std::path::Path,
) -> Result<usize> {
    if out.as_os_str().is_empty() {
        return Err(CoreError::validation(
            "out",
            "required",
            "Xuất Excel: chưa chọn nơi lưu tệp.",
        ));
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let r = crate::xlsx::sheet::save(
        out,
        &store.unit()?,
        sheet,
        table,
        &crate::xlsx::sheet::ExportMeta::default(),
    )?;
    Ok(r.rows)
}

/// The participants of a programme as an Excel workbook.
pub fn export(store: &Store, id: i64, out: &std::path::Path) -> Result<usize> {
    let p = store.programme(id)?;
    save_table(
        store,
        &crate::report::lists::programme_table(&p),
        "De an",
        out,
    )
}

/// What proposing a list did: who was proposed, who was refused and why.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ProposeReport {
    pub proposed: Vec<String>,
    /// (name, reason)
    pub refused: Vec<(String, String)>,
}

/// Proposes many people at once (e.g. the young-cadre list as the programme's proposal list):
/// each is judged by the programme's own criteria; those short, or already in, are reported and
/// left out, the others proposed.
pub fn propose_list(
    store: &mut Store,
    id: i64,
    people: &[i64],
    date: &str,
) -> Result<ProposeReport> {
    store.write(|store| {
        let day = parse_date("date", "Ngày đề xuất", date)?;
        store.programme(id)?;
        let mut r = ProposeReport::default();
        for person in people {
            match propose(store, id, *person, &day.to_display()) {
                Ok(a) => r.proposed.push(a.full_name),
                Err(e) => {
                    let name = store
                        .person(*person)
                        .map(|p| p.full_name)
                        .unwrap_or_default();
                    let reason = e
                        .field_errors()
                        .iter()
                        .map(|f| f.message.clone())
                        .collect::<Vec<_>>()
                        .join("; ");
                    r.refused.push((name, reason));
                }
            }
        }
        Ok(r)
    })
}
