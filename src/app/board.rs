//! What the plan screen shows: for a term, each position with the people planned for it, their
//! age at the reference month, months left, ratings of the last years and the findings that name
//! them; the candidates for a position with the check's verdict (đủ điều kiện, đủ nhưng cần lưu
//! ý, chưa đủ), the best first, each with its reasons and the cells the check marks.

use serde::Serialize;

use crate::error::{CoreError, Result};
use crate::model::plan::{terms_label, PlanEvent, PlanStep, PositionGroup, RemovalReason, Term};
use crate::model::{PartialDate, Person};
use crate::rules::check::person::excluding_disciplines;
use crate::rules::check::position::cap_of;
use crate::rules::check::{check, CheckReport, Finding, Index, RuleCode, Severity};
use crate::rules::eligibility::{Judge, Judgement, RowFlags, Verdict};
use crate::rules::ruleset::RuleParams;
use crate::store::Store;

#[derive(Debug, Clone, Serialize)]
pub struct BoardEntry {
    pub entry_id: i64,
    pub person_id: i64,
    pub full_name: String,
    pub sex: crate::model::Sex,
    pub birth_date: String,
    pub age: i32,
    pub months_left: i64,
    /// (year, "HTT") for the rating years before the check, oldest first; "" when missing.
    pub ratings: Vec<(i32, String)>,
    pub step: PlanStep,
    pub step_label: &'static str,
    pub active: bool,
    /// What the check says of this person for this post, as the candidate list says it.
    pub verdict: Verdict,
    pub verdict_label: &'static str,
    /// The findings naming this person for this position (or the person alone), most serious
    /// first, one line each without the person's name.
    pub notes: Vec<String>,
    /// The cells of the row the check marks (months left below the rule set's threshold for
    /// this entry's đối tượng, a low or missing rating…), each with its reason.
    pub flags: RowFlags,
    pub worst: Option<Severity>,
    /// One term (đối tượng 1) or two (đối tượng 2), and its label.
    pub terms: u8,
    pub terms_label: &'static str,
    /// A disciplined cadre leaves the plan at once (HD 45 §II.8): the "đưa ra" step to record,
    /// with reason `ky_luat` and the disciplinary decision, ready for `add_plan_step` (its
    /// decision number may be empty when the record lacks it: the clerk fills it in).
    pub remove_now: Option<PlanEvent>,
    /// Other grounds for removal, left to the next yearly review (HD 45 §II.8): one line, "Xem
    /// xét đưa ra ở đợt rà soát năm … (vì vi phạm nêu trên)", the violations being in `notes`.
    pub review_flags: Vec<String>,
    /// What the yearly review proposes for this entry: "đưa ra" when a violation names it,
    /// nothing (leave it) otherwise.
    pub review_action: Option<PlanStep>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BoardPosition {
    pub code: String,
    pub name: String,
    pub key: bool,
    /// The most people the post may have (as the check counts); None for committee membership,
    /// whose size the committee's plan coefficient governs instead.
    pub max: Option<usize>,
    pub entries: Vec<BoardEntry>,
}

/// One choice of đối tượng for a plan entry, worded with the rule set's months.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermsChoice {
    pub terms: u8,
    pub label: String,
}

/// The đối tượng a plan entry may have, each with the months of work left the rule set asks
/// for it (HD 45 §II.5.2: one term, or two: twice the months).
pub fn terms_choices(params: &RuleParams) -> Vec<TermsChoice> {
    let first = params.min_months_left_first;
    let again = params.min_months_left_renominated;
    [1u8, 2]
        .into_iter()
        .map(|terms| {
            let extra = i64::from(terms - 1) * first;
            TermsChoice {
                terms,
                label: format!(
                    "Đối tượng {terms} ({} nhiệm kỳ, cần {} tháng; tái cử {})",
                    if terms >= 2 { "hai" } else { "một" },
                    extra + first,
                    extra + again
                ),
            }
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct Board {
    pub term: Term,
    pub positions: Vec<BoardPosition>,
    pub report: CheckReport,
    /// The report's violations and warnings (information left out) grouped by person, post and
    /// plan, most serious first.
    pub groups: Vec<crate::rules::advice::FindingGroup>,
    /// "2 vi phạm, 5 cảnh báo".
    pub summary: String,
    /// The đối tượng an entry may have, worded with this rule set's months.
    pub terms_choices: Vec<TermsChoice>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub person_id: i64,
    pub full_name: String,
    pub birth_date: String,
    /// Current posts, as the list shows them.
    pub positions: String,
    /// Age and months of work left at the term's reference month.
    pub age: i32,
    pub months_left: i64,
    pub professional: String,
    pub political_theory: String,
    pub state_management: String,
    /// (year, "HTT") for the rating years the check reads, oldest first; "" when missing.
    pub ratings: Vec<(i32, String)>,
    /// Already actively planned for this post (cannot be added twice).
    pub planned_here: bool,
    /// The check's answer: đủ điều kiện, đủ nhưng cần lưu ý, or chưa đủ.
    pub verdict: Verdict,
    pub verdict_label: &'static str,
    /// Not "chưa đủ": no violation would name this person for this post once planned.
    pub eligible: bool,
    /// Why not: the violations the check would give, one line each without the name (empty
    /// unless chưa đủ).
    pub violations: Vec<String>,
    /// The warnings the check would give, one line each without the name (eligible, but worth
    /// knowing).
    pub notes: Vec<String>,
    /// The cells of the row the check marks, each with its reason.
    pub flags: RowFlags,
    /// What the clerk confirms (and says why) to plan this person anyway: the violations, and
    /// the post being full. Empty: nothing to confirm.
    pub doubts: Vec<String>,
}

/// The candidates of a post, and whether the post is already full.
#[derive(Debug, Clone, Serialize)]
pub struct Candidates {
    pub position_code: String,
    pub position_name: String,
    /// People actively planned for the post now, and its limit.
    pub planned: usize,
    /// None for committee membership (see `BoardPosition::max`).
    pub max: Option<usize>,
    /// The đối tượng the list is judged for (1 or 2 terms), and the choices.
    pub terms: u8,
    pub terms_choices: Vec<TermsChoice>,
    /// Đủ điều kiện first, then cần lưu ý, then chưa đủ; by name (Vietnamese order) within.
    pub candidates: Vec<Candidate>,
}

/// The plan of a term as the board shows it, with the full check of the day.
pub fn board(store: &Store, term_code: &str) -> Result<Board> {
    let as_of = store.today();
    let data = store.plan_data(term_code)?;
    let report = check(&data, as_of);
    let ix = Index::new(&data, as_of);
    let params = &data.rules.params;
    // Posts of the other kind of term (Chủ tịch UBND on a Party term) are not offered,
    // unless someone is already planned there (then the check names the mismatch).
    let mut positions: Vec<_> = data
        .positions
        .iter()
        .filter(|p| p.active)
        .filter(|p| {
            p.term_kind == data.term.kind
                || data.entries.iter().any(|e| Some(e.position_id) == p.id)
        })
        .collect();
    positions.sort_by(|a, b| b.rank.cmp(&a.rank).then_with(|| a.code.cmp(&b.code)));
    let years = ix.rating_years.clone();
    let positions = positions
        .into_iter()
        .map(|pos| {
            let entries = data
                .entries
                .iter()
                .filter(|e| Some(e.position_id) == pos.id)
                .filter_map(|e| {
                    let p = data.people.get(&e.person_id)?;
                    let step = e.status()?;
                    let f = data.facts(p);
                    let mine: Vec<Finding> = report
                        .findings
                        .iter()
                        .filter(|x| {
                            x.person_id == Some(e.person_id)
                                && x.position_code.as_deref().is_none_or(|c| c == pos.code)
                        })
                        .cloned()
                        .collect();
                    let worst = mine.iter().map(|x| x.severity).min();
                    let active = e.is_active();
                    // The violations are in the notes already: the review is said once.
                    let for_review = mine
                        .iter()
                        .filter(|x| x.severity == Severity::Violation)
                        .filter(|x| !matches!(x.rule, RuleCode::Discipline | RuleCode::Votes))
                        .count();
                    let review_flags = if active && for_review > 0 {
                        vec![format!(
                            "Xem xét đưa ra ở đợt rà soát năm {} (vì {} nêu trên).",
                            report.review.year,
                            if for_review == 1 {
                                "vi phạm".to_string()
                            } else {
                                format!("{for_review} vi phạm")
                            }
                        )]
                    } else {
                        Vec::new()
                    };
                    let judged = Judgement::new(mine);
                    let mut notes = judged.violations();
                    notes.extend(judged.notes());
                    Some(BoardEntry {
                        entry_id: e.id,
                        person_id: e.person_id,
                        full_name: p.full_name.clone(),
                        sex: p.sex,
                        birth_date: p.birth_date.to_display(),
                        age: f.age,
                        months_left: f.months_left,
                        ratings: ratings_of(p, &years),
                        step,
                        step_label: step.label(),
                        active,
                        verdict: judged.verdict,
                        verdict_label: judged.verdict.label(),
                        notes,
                        flags: judged.flags(&years),
                        worst,
                        terms: e.terms,
                        terms_label: terms_label(e.terms),
                        remove_now: active.then(|| discipline_removal(&ix, p)).flatten(),
                        review_flags,
                        review_action: (active && worst == Some(Severity::Violation))
                            .then_some(PlanStep::Removed),
                    })
                })
                .collect();
            BoardPosition {
                code: pos.code.clone(),
                name: pos.name.clone(),
                key: pos.key,
                max: (pos.group != PositionGroup::CapUy).then(|| cap_of(params, pos)),
                entries,
            }
        })
        .collect();
    let names = data
        .positions
        .iter()
        .map(|p| (p.code.clone(), p.name.clone()))
        .collect();
    let actionable: Vec<Finding> = report
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .cloned()
        .collect();
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    Ok(Board {
        term: data.term.clone(),
        positions,
        groups: crate::rules::advice::group_findings(&actionable, &names),
        summary: format!(
            "{} {}, {} {}",
            count(Severity::Violation),
            Severity::Violation.label().to_lowercase(),
            count(Severity::Warning),
            Severity::Warning.label().to_lowercase()
        ),
        terms_choices: terms_choices(params),
        report,
    })
}

/// Everyone who could be planned for a position (for one term, đối tượng 1), best verdict first.
pub fn candidates(store: &Store, term_code: &str, position_code: &str) -> Result<Candidates> {
    candidates_for_terms(store, term_code, position_code, 1)
}

/// Everyone who could be planned for a position for `terms` terms (đối tượng 1 or 2): đủ điều
/// kiện first, then đủ nhưng cần lưu ý, then chưa đủ, by name within. The verdict is the one
/// function the check itself uses (`rules::eligibility`): each person is judged as if planned
/// for the post beside their other posts; a violation naming them (for this post or as a whole)
/// makes them chưa đủ, with its message as the reason, a warning a note. So the list and the
/// checks screen can never disagree.
pub fn candidates_for_terms(
    store: &Store,
    term_code: &str,
    position_code: &str,
    terms: u8,
) -> Result<Candidates> {
    if !(1..=2).contains(&terms) {
        return Err(CoreError::validation(
            "terms",
            "terms_one_or_two",
            format!("Đối tượng quy hoạch: {terms} không có; chỉ có đối tượng 1 (một nhiệm kỳ) hoặc 2 (hai nhiệm kỳ)."),
        ));
    }
    let mut data = store.plan_data(term_code)?;
    let pos = store.position(position_code)?;
    let pos_id = pos.id.unwrap_or_default();
    let as_of = store.today();
    let list = store.list_people()?;
    store.read(|store| {
        for s in list.iter() {
            if let std::collections::hash_map::Entry::Vacant(v) = data.people.entry(s.id) {
                v.insert(store.person(s.id)?);
            }
        }
        Ok(())
    })?;
    let already: std::collections::HashSet<i64> = data
        .entries
        .iter()
        .filter(|e| e.position_id == pos_id && e.is_active())
        .map(|e| e.person_id)
        .collect();
    let params = &data.rules.params;
    let max = (pos.group != PositionGroup::CapUy).then(|| cap_of(params, &pos));
    let full = max.filter(|m| already.len() >= *m).map(|m| {
        format!(
            "Chức danh đã có {}/{m} người: thêm người này sẽ vượt số lượng.",
            already.len()
        )
    });
    let judge = Judge::new(&data, as_of);
    let years = judge.rating_years().to_vec();
    let mut out = Vec::with_capacity(list.len());
    for s in list.iter() {
        let Some(p) = data.people.get(&s.id) else {
            continue;
        };
        let f = data.facts(p);
        let judged = judge.verdict_for_terms(p, &pos, terms);
        let planned_here = already.contains(&s.id);
        let mut violations = judged.violations();
        if planned_here {
            violations.insert(0, "Đã có trong quy hoạch chức danh này.".into());
        }
        let verdict = if planned_here {
            Verdict::ChuaDu
        } else {
            judged.verdict
        };
        let doubts = violations.iter().cloned().chain(full.clone()).collect();
        out.push((
            crate::text::person_sort_key(&p.full_name, &p.birth_date.to_iso()),
            Candidate {
                person_id: s.id,
                full_name: p.full_name.clone(),
                birth_date: p.birth_date.to_display(),
                positions: s.positions.clone(),
                age: f.age,
                months_left: f.months_left,
                professional: p
                    .professional_level
                    .map(|l| l.label().to_string())
                    .unwrap_or_default(),
                political_theory: p
                    .political_theory
                    .map(|l| l.label().to_string())
                    .unwrap_or_default(),
                state_management: p
                    .state_management
                    .map(|l| l.label().to_string())
                    .unwrap_or_default(),
                ratings: ratings_of(p, &years),
                planned_here,
                verdict,
                verdict_label: verdict.label(),
                eligible: verdict != Verdict::ChuaDu,
                violations,
                notes: judged.notes(),
                flags: judged.flags(&years),
                doubts,
            },
        ));
    }
    out.sort_by(|(ka, a), (kb, b)| a.verdict.cmp(&b.verdict).then_with(|| ka.cmp(kb)));
    Ok(Candidates {
        position_code: pos.code.clone(),
        position_name: pos.name.clone(),
        planned: already.len(),
        max,
        terms,
        terms_choices: terms_choices(params),
        candidates: out.into_iter().map(|(_, c)| c).collect(),
    })
}

/// The "đưa ra" step for a cadre under a discipline in effect that excludes from the plan, dated
/// the day of the board, carrying the disciplinary decision (the latest one if several).
fn discipline_removal(ix: &Index, p: &Person) -> Option<PlanEvent> {
    let (d, end, _) = excluding_disciplines(ix, p)
        .into_iter()
        .filter(|(_, _, in_effect)| *in_effect)
        .max_by_key(|(d, _, _)| d.date.earliest())?;
    let mut ev = PlanEvent::new(PlanStep::Removed, PartialDate::from_date(ix.as_of));
    ev.reason = Some(RemovalReason::Discipline);
    ev.decision_no = d.decision_no.clone();
    ev.decision_date = Some(d.date);
    ev.note = format!(
        "Kỷ luật {}{} ngày {}, thời hạn đến {}: đưa ra khỏi quy hoạch ngay khi có quyết định kỷ luật.",
        d.form.to_lowercase(),
        if d.decision_no.is_empty() {
            String::new()
        } else {
            format!(" theo quyết định số {}", d.decision_no)
        },
        d.date,
        end.format("%d/%m/%Y")
    );
    Some(ev)
}

fn ratings_of(p: &crate::model::Person, years: &[i32]) -> Vec<(i32, String)> {
    years
        .iter()
        .map(|y| {
            let level = p
                .ratings
                .iter()
                .find(|r| r.year == *y)
                .map(|r| r.level.code().to_string())
                .unwrap_or_default();
            (*y, level)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::demo::{create_demo, DEMO_PASSPHRASE};
    use crate::rules::eligibility::Verdict;

    #[test]
    fn the_demo_board_and_candidates() {
        let dir = tempfile::tempdir().unwrap();
        let s = create_demo(&dir.path().join("mẫu.db"), DEMO_PASSPHRASE, 60).unwrap();
        let b = super::board(&s, "2030-2035").unwrap();
        let bt = b.positions.iter().find(|p| p.code == "BT").unwrap();
        assert_eq!(bt.entries.len(), 2);
        assert!(bt.entries.iter().all(|e| e.ratings.len() == 3 && e.age > 0));
        let c = super::candidates(&s, "2030-2035", "BT").unwrap().candidates;
        assert_eq!(c.len(), 60);
        // Best verdict first; the reasons go with the verdict.
        assert!(c.windows(2).all(|w| w[0].verdict <= w[1].verdict));
        for x in &c {
            match x.verdict {
                Verdict::DuDieuKien => assert!(x.violations.is_empty() && x.notes.is_empty()),
                Verdict::CanLuuY => assert!(x.violations.is_empty() && !x.notes.is_empty()),
                Verdict::ChuaDu => assert!(!x.violations.is_empty() && !x.eligible),
            }
            assert!(x
                .violations
                .iter()
                .chain(&x.notes)
                .all(|r| !r.contains(&x.full_name)));
        }
        assert!(c.iter().any(|x| x
            .violations
            .iter()
            .any(|r| r == "Đã có trong quy hoạch chức danh này.")));
    }
}
