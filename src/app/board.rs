//! What the plan screen shows: for a term, each position with the people planned for it, their
//! age at the reference month, months left, ratings of the last years and the findings that name
//! them; the candidates for a position, eligible ones first, the others with the reason.

use serde::Serialize;

use crate::error::Result;
use crate::model::plan::{terms_label, PlanEvent, PlanStep, PositionGroup, RemovalReason, Term};
use crate::model::{PartialDate, Person};
use crate::rules::check::person::excluding_disciplines;
use crate::rules::check::position::cap_of;
use crate::rules::check::{CheckReport, Index, RuleCode, Severity};
use crate::rules::eligibility::{Judge, Verdict};
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
    /// Messages of the findings naming this person for this position (or the person alone).
    pub flags: Vec<String>,
    pub worst: Option<Severity>,
    /// One term (đối tượng 1) or two (đối tượng 2), and its label.
    pub terms: u8,
    pub terms_label: &'static str,
    /// A disciplined cadre leaves the plan at once (HD 45 §II.8): the "đưa ra" step to record,
    /// with reason `ky_luat` and the disciplinary decision, ready for `add_plan_step` (its
    /// decision number may be empty when the record lacks it: the clerk fills it in).
    pub remove_now: Option<PlanEvent>,
    /// Other grounds for removal, left to the next yearly review (HD 45 §II.8): "Xem xét ở đợt
    /// rà soát năm …: <the violation>".
    pub review_flags: Vec<String>,
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

#[derive(Debug, Clone, Serialize)]
pub struct Board {
    pub term: Term,
    pub positions: Vec<BoardPosition>,
    pub report: CheckReport,
    /// The report's findings grouped by person, post and plan, most serious first.
    pub groups: Vec<crate::rules::advice::FindingGroup>,
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
    /// No violation would name this person for this post once planned.
    pub eligible: bool,
    /// Why not: the messages of the violations the check would give (empty when eligible).
    pub reasons: Vec<String>,
    /// Warnings the check would give (eligible, but worth knowing).
    pub notes: Vec<String>,
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
    pub candidates: Vec<Candidate>,
}

/// The plan of a term as the board shows it, with the full check of the day.
pub fn board(store: &Store, term_code: &str) -> Result<Board> {
    let as_of = store.today();
    let data = store.plan_data(term_code)?;
    let report = data.check(as_of);
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
    let years: Vec<i32> = (1..=params.rating_years.max(1))
        .rev()
        .map(|k| chrono::Datelike::year(&as_of) - k)
        .collect();
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
                    let mine: Vec<_> = report
                        .findings
                        .iter()
                        .filter(|x| {
                            x.person_id == Some(e.person_id)
                                && x.position_code.as_deref().is_none_or(|c| c == pos.code)
                        })
                        .collect();
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
                        active: e.is_active(),
                        flags: mine.iter().map(|x| x.message.clone()).collect(),
                        worst: mine.iter().map(|x| x.severity).min(),
                        terms: e.terms,
                        terms_label: terms_label(e.terms),
                        remove_now: e.is_active().then(|| discipline_removal(&ix, p)).flatten(),
                        review_flags: if e.is_active() {
                            mine.iter()
                                .filter(|x| x.severity == Severity::Violation)
                                .filter(|x| {
                                    !matches!(x.rule, RuleCode::Discipline | RuleCode::Votes)
                                })
                                .map(|x| {
                                    format!(
                                        "Xem xét ở đợt rà soát năm {}: {}",
                                        report.review.year, x.message
                                    )
                                })
                                .collect()
                        } else {
                            Vec::new()
                        },
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
    Ok(Board {
        term: data.term.clone(),
        positions,
        groups: crate::rules::advice::group_findings(&report.findings, &names),
        report,
    })
}

/// Everyone who could be planned for a position, eligible ones first (list order within).
/// Eligibility is the one function the check itself uses (`rules::eligibility`): each person
/// is judged as if planned for the post beside their other posts; a violation naming them
/// (for this post or as a whole) makes them not eligible, with its message as the reason. So
/// the list and the checks screen can never disagree.
pub fn candidates(store: &Store, term_code: &str, position_code: &str) -> Result<Candidates> {
    let mut data = store.plan_data(term_code)?;
    let pos = store.position(position_code)?;
    let pos_id = pos.id.unwrap_or_default();
    let as_of = store.today();
    let list = store.list_people()?;
    for s in list.iter() {
        if let std::collections::hash_map::Entry::Vacant(v) = data.people.entry(s.id) {
            v.insert(store.person(s.id)?);
        }
    }
    let already: std::collections::HashSet<i64> = data
        .entries
        .iter()
        .filter(|e| e.position_id == pos_id && e.is_active())
        .map(|e| e.person_id)
        .collect();
    let params = &data.rules.params;
    let years: Vec<i32> = (1..=params.rating_years.max(1))
        .rev()
        .map(|k| chrono::Datelike::year(&as_of) - k)
        .collect();
    let judge = Judge::new(&data, as_of);
    let mut out = Vec::with_capacity(list.len());
    for s in list.iter() {
        let Some(p) = data.people.get(&s.id) else {
            continue;
        };
        let f = data.facts(p);
        let Verdict {
            reasons: mut why,
            notes,
            ..
        } = judge.verdict(p, &pos);
        if already.contains(&s.id) {
            why.insert(0, "Đã có trong quy hoạch chức danh này.".into());
        }
        out.push(Candidate {
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
            planned_here: already.contains(&s.id),
            eligible: why.is_empty(),
            reasons: why,
            notes,
        });
    }
    out.sort_by_key(|c| !c.eligible);
    Ok(Candidates {
        position_code: pos.code.clone(),
        position_name: pos.name.clone(),
        planned: already.len(),
        max: (pos.group != PositionGroup::CapUy).then(|| cap_of(params, &pos)),
        candidates: out,
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
        let first_ineligible = c.iter().position(|x| !x.eligible).unwrap();
        assert!(c[first_ineligible..]
            .iter()
            .all(|x| !x.eligible && !x.reasons.is_empty()));
        assert!(c.iter().any(|x| x
            .reasons
            .iter()
            .any(|r| r == "Đã có trong quy hoạch chức danh này.")));
    }
}
