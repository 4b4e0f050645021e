//! What the plan screen shows: for a term, each position with the people planned for it, their
//! age at the reference month, months left, ratings of the last years and the findings that name
//! them; the candidates for a position, eligible ones first, the others with the reason.

use serde::Serialize;

use crate::error::Result;
use crate::model::plan::{PlanStep, Term};
use crate::rules::check::{CheckReport, Severity};
use crate::rules::facts::facts;
use crate::store::Store;
use crate::text::fold;

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
}

#[derive(Debug, Clone, Serialize)]
pub struct BoardPosition {
    pub code: String,
    pub name: String,
    pub key: bool,
    pub max: usize,
    pub entries: Vec<BoardEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Board {
    pub term: Term,
    pub positions: Vec<BoardPosition>,
    pub report: CheckReport,
}

#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub person_id: i64,
    pub full_name: String,
    pub birth_date: String,
    pub months_left: i64,
    pub eligible: bool,
    /// Why not (empty when eligible).
    pub reasons: Vec<String>,
}

impl Store {
    /// The plan of a term as the board shows it, with the full check of the day.
    pub fn plan_board(&self, term_code: &str) -> Result<Board> {
        let as_of = self.today();
        let data = self.plan_data(term_code)?;
        let report = data.check(as_of);
        let place = fold(&data.place_name);
        let params = &data.rules.params;
        let mut positions: Vec<_> = data.positions.iter().filter(|p| p.active).collect();
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
                        let f = facts(p, data.term.reference_month, params, &place);
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
                            ratings: years
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
                                .collect(),
                            step,
                            step_label: step.label(),
                            active: e.is_active(),
                            flags: mine.iter().map(|x| x.message.clone()).collect(),
                            worst: mine.iter().map(|x| x.severity).min(),
                        })
                    })
                    .collect();
                BoardPosition {
                    code: pos.code.clone(),
                    name: pos.name.clone(),
                    key: pos.key,
                    max: params.max_people_per_position,
                    entries,
                }
            })
            .collect();
        Ok(Board {
            term: data.term.clone(),
            positions,
            report,
        })
    }

    /// Everyone who could be planned for a position, eligible ones first (list order within).
    pub fn plan_candidates(&self, term_code: &str, position_code: &str) -> Result<Vec<Candidate>> {
        let data = self.plan_data(term_code)?;
        let pos = self.position(position_code)?;
        let params = &data.rules.params;
        let place = fold(&data.place_name);
        let mut out = Vec::new();
        for s in self.list_people()?.iter() {
            let p = self.person(s.id)?;
            let f = facts(&p, data.term.reference_month, params, &place);
            let mut reasons = Vec::new();
            if p.status != crate::model::Status::Working {
                reasons.push(format!("Tình trạng: {}.", p.status.label().to_lowercase()));
            }
            if f.months_left < params.min_months_left_first {
                reasons.push(format!(
                    "Còn {} tháng công tác tại mốc {}, cần ít nhất {}.",
                    f.months_left.max(0),
                    data.term.reference_month.display(),
                    params.min_months_left_first
                ));
            }
            let mine: Vec<_> = data
                .entries
                .iter()
                .filter(|e| e.person_id == s.id && e.is_active())
                .collect();
            if mine.iter().any(|e| Some(e.position_id) == pos.id) {
                reasons.push("Đã có trong quy hoạch chức danh này.".into());
            } else if mine.len() >= params.max_positions_per_person {
                reasons.push(format!(
                    "Đã quy hoạch {} chức danh (tối đa {}).",
                    mine.len(),
                    params.max_positions_per_person
                ));
            }
            out.push(Candidate {
                person_id: s.id,
                full_name: p.full_name.clone(),
                birth_date: p.birth_date.to_display(),
                months_left: f.months_left,
                eligible: reasons.is_empty(),
                reasons,
            });
        }
        out.sort_by_key(|c| !c.eligible);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::demo::{create_demo, DEMO_PASSPHRASE};

    #[test]
    fn the_demo_board_and_candidates() {
        let dir = tempfile::tempdir().unwrap();
        let s = create_demo(&dir.path().join("mẫu.db"), DEMO_PASSPHRASE, 60).unwrap();
        let b = s.plan_board("2030-2035").unwrap();
        let bt = b.positions.iter().find(|p| p.code == "BT").unwrap();
        assert_eq!(bt.entries.len(), 2);
        assert!(bt.entries.iter().all(|e| e.ratings.len() == 3 && e.age > 0));
        let c = s.plan_candidates("2030-2035", "BT").unwrap();
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
