//! Whether a person may be planned for a post: ONE function for the check and the candidate
//! list. The check runs [`person_findings`] on each planned person with their posts; the
//! candidate list runs it through [`Judge::verdict`] with the post added to the person's plan.
//! A violation naming the person (for this post or as a whole) makes them not eligible (chưa
//! đủ), with its message as the reason; only warnings make them eligible with notes (cần lưu
//! ý); nothing, eligible (đủ). So the list and the checks can never disagree.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::check::{self, sort_findings, votes, Finding, Findings, Index, RuleCode, Severity};
use super::plan::PlanData;
use crate::model::levels::codes;
use crate::model::plan::Position;
use crate::model::Person;

codes!(
    /// The candidate list's answer for one person and one post, the best first: nothing against
    /// them; only warnings (eligible, with notes to read); a violation (not eligible, with why).
    Verdict {
        DuDieuKien = "du_dieu_kien" => "Đủ điều kiện",
        CanLuuY = "can_luu_y" => "Đủ nhưng cần lưu ý",
        ChuaDu = "chua_du" => "Chưa đủ điều kiện",
    }
);

impl Verdict {
    /// The verdict the findings about one person and one post give: a violation → chưa đủ;
    /// only warnings → cần lưu ý; nothing (or information only) → đủ.
    pub fn of<'f>(findings: impl IntoIterator<Item = &'f Finding>) -> Verdict {
        let mut v = Verdict::DuDieuKien;
        for f in findings {
            match f.severity {
                Severity::Violation => return Verdict::ChuaDu,
                Severity::Warning => v = Verdict::CanLuuY,
                Severity::Info => {}
            }
        }
        v
    }
}

/// The answer for one person and one post: the verdict and the findings that make it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Judgement {
    pub verdict: Verdict,
    /// The findings naming the person for this post (or as a whole), most serious first;
    /// information only (a rotation due, a discipline expired) is left out.
    pub findings: Vec<Finding>,
}

impl Judgement {
    pub fn new(mut findings: Vec<Finding>) -> Judgement {
        findings.retain(|f| f.severity != Severity::Info);
        sort_findings(&mut findings);
        Judgement {
            verdict: Verdict::of(&findings),
            findings,
        }
    }

    /// No violation would name this person for this post once planned.
    pub fn eligible(&self) -> bool {
        self.verdict != Verdict::ChuaDu
    }

    /// Why not: the violations, one line each, without the person's name.
    pub fn violations(&self) -> Vec<String> {
        lines(&self.findings, Severity::Violation)
    }

    /// What to know: the warnings, one line each, without the person's name (missing ratings of
    /// several years in one line).
    pub fn notes(&self) -> Vec<String> {
        lines(&self.findings, Severity::Warning)
    }

    /// The cells of the row these findings mark, each with its reason.
    pub fn flags(&self, rating_years: &[i32]) -> RowFlags {
        RowFlags::of(&self.findings, rating_years)
    }
}

/// The findings of one severity as lines without the person's name; the missing ratings of
/// several years collapse into one line where the first was.
pub fn lines(findings: &[Finding], severity: Severity) -> Vec<String> {
    let mut out = Vec::new();
    let mut missing: Vec<i64> = Vec::new();
    let mut missing_at = None;
    for f in findings.iter().filter(|f| f.severity == severity) {
        if f.rule == RuleCode::RatingMissing {
            if let Some(y) = f.values.get("year").and_then(|v| v.as_i64()) {
                if !missing.contains(&y) {
                    missing.push(y);
                }
                if missing_at.is_none() {
                    missing_at = Some(out.len());
                    out.push(String::new());
                }
                continue;
            }
        }
        let line = f.text();
        if !out.contains(&line) {
            out.push(line);
        }
    }
    if let Some(at) = missing_at {
        missing.sort_unstable();
        let years: Vec<String> = missing.iter().map(|y| y.to_string()).collect();
        out[at] = if years.len() == 1 {
            format!("Chưa có kết quả xếp loại chất lượng năm {}.", years[0])
        } else {
            format!(
                "Chưa có kết quả xếp loại chất lượng các năm {}.",
                years.join(", ")
            )
        };
    }
    out
}

/// A cell of a row (age, months left, a year's rating) the check marks, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    pub severity: Severity,
    /// The finding in one line, without the person's name.
    pub reason: String,
}

/// What the check marks in a row of the board or of the candidate list, cell by cell: the UI
/// paints these and decides nothing itself (the thresholds are the rule set's, for the entry's
/// đối tượng).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RowFlags {
    /// Over the age of first planning.
    pub age: Option<Flag>,
    /// Fewer months of work left than the rule set asks for this post and đối tượng.
    pub months_left: Option<Flag>,
    /// One per rating year of the row (same order as its `ratings`): below the level asked, or
    /// missing.
    pub ratings: Vec<Option<Flag>>,
}

impl RowFlags {
    pub fn of<'f>(findings: impl IntoIterator<Item = &'f Finding>, rating_years: &[i32]) -> Self {
        let mut out = RowFlags {
            ratings: vec![None; rating_years.len()],
            ..RowFlags::default()
        };
        let set = |slot: &mut Option<Flag>, f: &Finding| {
            if slot.as_ref().is_none_or(|x| f.severity < x.severity) {
                *slot = Some(Flag {
                    severity: f.severity,
                    reason: f.text(),
                });
            }
        };
        for f in findings {
            match f.rule {
                RuleCode::MaxAgeFirstTime => set(&mut out.age, f),
                RuleCode::MonthsLeft => set(&mut out.months_left, f),
                RuleCode::Rating | RuleCode::RatingMissing => {
                    let year = f.values.get("year").and_then(|v| v.as_i64());
                    if let Some(i) = rating_years
                        .iter()
                        .position(|y| Some(i64::from(*y)) == year)
                    {
                        set(&mut out.ratings[i], f);
                    }
                }
                _ => {}
            }
        }
        out
    }
}

/// Judges people for posts of one plan on one day (the plan indexed once).
pub struct Judge<'a> {
    ix: Index<'a>,
}

impl<'a> Judge<'a> {
    pub fn new(data: &'a PlanData, as_of: NaiveDate) -> Self {
        Judge {
            ix: Index::new(data, as_of),
        }
    }

    /// The judgement on `p` for `position`, as if planned there (for one term, đối tượng 1)
    /// beside their other posts.
    pub fn verdict(&self, p: &Person, position: &Position) -> Judgement {
        self.verdict_for_terms(p, position, 1)
    }

    /// The judgement on `p` for `position` planned for `terms` terms (1 or 2).
    pub fn verdict_for_terms(&self, p: &Person, position: &Position, terms: u8) -> Judgement {
        let ix = &self.ix;
        let person_id = p.id.unwrap_or_default();
        let mut posts = ix.posts_of(person_id);
        match posts.iter_mut().find(|(x, _)| x.id == position.id) {
            Some(slot) => slot.1 = terms,
            None => posts.push((position, terms)),
        }
        let mut out = Findings::new(&ix.data.rules.name);
        check::person_findings(ix, p, &posts, &mut out);
        // The ballots already recorded on this person's entry for the post.
        for e in ix
            .data
            .entries
            .iter()
            .filter(|e| e.person_id == person_id && Some(e.position_id) == position.id)
        {
            votes::entry(ix, e, &mut out);
        }
        let mut list = out.list;
        list.retain(|f| {
            f.position_code
                .as_deref()
                .is_none_or(|c| c == position.code)
        });
        Judgement::new(list)
    }

    /// The rating years the check reads, oldest first.
    pub fn rating_years(&self) -> &[i32] {
        &self.ix.rating_years
    }
}

/// The judgement on one person for one post of a plan (see [`Judge`] for many).
pub fn judge(data: &PlanData, as_of: NaiveDate, p: &Person, position: &Position) -> Judgement {
    Judge::new(data, as_of).verdict(p, position)
}
