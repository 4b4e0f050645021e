//! The plan assistant (gợi ý phương án quy hoạch): a rule-compliant plan of a term proposed by a
//! mixed-integer model, every choice explained.
//!
//! The model has a variable only for the pairs (person, post) the one eligibility function
//! allows (`rules::eligibility::Judge`); per post at most the rule set's number per seat (the
//! committees: their coefficient) and, as a wish, one per seat; per person at most the rule
//! set's number of posts at one level (committee membership not counted, HD 45 §II.6.2); the
//! entries the clerk keeps fixed; each of the ward's targets of the term a linear constraint,
//! hard or with a penalised slack. The objective is the sum of the chosen pairs' scores, whose
//! parts and weights are shown. Every proposal is checked again by the one check before it is
//! returned: a violation the clerk did not keep on purpose is never proposed.

pub mod lp;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Duration;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use self::lp::{Model, Solved, Unsolved};
use super::check::person::is_committee;
use super::check::position::{cap_of, committee_bounds};
use super::check::{self, RuleCode, Severity};
use super::eligibility::{Judge, Judgement, Verdict};
use super::facts::{percent, PersonFacts};
use super::plan::PlanData;
use super::ruleset::{number_text, RuleParams};
use super::targets::{body_label, in_body, measure, Indicator, Target};
use crate::error::{CoreError, Result};
use crate::model::levels::{codes, RatingLevel};
use crate::model::plan::{post, PlanEntry, PlanEvent, PlanStep, Position, PositionGroup};
use crate::model::{PartialDate, Person, Status};

/// The weights of the objective: how much each part of a person's score counts, and what a
/// missing person or a missed wish costs. Shown in the window and editable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Weights {
    /// Quality ratings of the years the check reads (all "xuất sắc" = the whole weight).
    pub ratings: f64,
    /// Levels (chuyên môn, LLCT, QLNN) against the post's standard.
    pub levels: f64,
    /// Months of work left at the reference month (two terms or more = the whole weight).
    pub months: f64,
    /// Able to serve two terms (đối tượng 2).
    pub two_terms: f64,
    /// Already in the plan for this post (continuity).
    pub keep: f64,
    /// Taken off for each person who passes with notes (cần lưu ý).
    pub notes: f64,
    /// Cost of each seat left without anyone planned.
    pub shortfall: f64,
    /// Cost of each person a wished target is short of.
    pub wish: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            ratings: 4.0,
            levels: 3.0,
            months: 2.0,
            two_terms: 1.0,
            keep: 2.0,
            notes: 1.0,
            shortfall: 20.0,
            wish: 8.0,
        }
    }
}

/// One weight as the window shows it.
#[derive(Debug, Clone, Serialize)]
pub struct WeightField {
    pub key: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub value: f64,
}

const WEIGHTS: [(&str, &str, &str); 8] = [
    (
        "ratings",
        "Xếp loại chất lượng",
        "Điểm tối đa khi cả các năm xét đều hoàn thành xuất sắc nhiệm vụ.",
    ),
    (
        "levels",
        "Trình độ so với tiêu chuẩn",
        "Điểm tối đa khi đạt đủ chuyên môn, lý luận chính trị, quản lý nhà nước chức danh yêu cầu.",
    ),
    (
        "months",
        "Thời gian công tác còn lại",
        "Điểm tối đa khi còn từ hai nhiệm kỳ trở lên tại mốc tính tuổi.",
    ),
    (
        "two_terms",
        "Đủ tuổi hai nhiệm kỳ (đối tượng 2)",
        "Cộng thêm cho người còn đủ thời gian công tác hai nhiệm kỳ.",
    ),
    (
        "keep",
        "Đang trong quy hoạch chức danh",
        "Cộng thêm để giữ ổn định người đã được quy hoạch.",
    ),
    (
        "notes",
        "Trừ khi cần lưu ý",
        "Trừ cho người đủ điều kiện nhưng còn điểm cần lưu ý (thiếu tiêu chuẩn, thiếu xếp loại…).",
    ),
    (
        "shortfall",
        "Thiếu người cho một vị trí",
        "Trừ cho mỗi vị trí chưa có ai trong quy hoạch.",
    ),
    (
        "wish",
        "Thiếu so với chỉ tiêu mong muốn",
        "Trừ cho mỗi người còn thiếu so với một chỉ tiêu không bắt buộc.",
    ),
];

impl Weights {
    fn get(&self, key: &str) -> f64 {
        match key {
            "ratings" => self.ratings,
            "levels" => self.levels,
            "months" => self.months,
            "two_terms" => self.two_terms,
            "keep" => self.keep,
            "notes" => self.notes,
            "shortfall" => self.shortfall,
            _ => self.wish,
        }
    }

    /// The weights with their labels, in the order the window shows them.
    pub fn form(&self) -> Vec<WeightField> {
        WEIGHTS
            .iter()
            .map(|&(key, label, hint)| WeightField {
                key,
                label,
                hint,
                value: self.get(key),
            })
            .collect()
    }

    /// Each weight from 0 to 1000.
    pub fn validate(&self) -> Result<()> {
        for &(key, label, _) in &WEIGHTS {
            let v = self.get(key);
            if !(0.0..=1000.0).contains(&v) || v.is_nan() {
                return Err(CoreError::validation(
                    &format!("weights.{key}"),
                    "range",
                    format!("Trọng số “{label}”: {} phải từ 0 đến 1000.", number_text(v)),
                ));
            }
        }
        Ok(())
    }
}

/// What the clerk asks of the assistant.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SuggestOptions {
    /// Entries (ids) the clerk unlocks: the assistant may keep or drop them.
    pub unlocked: Vec<i64>,
    /// Entries kept although the check finds a violation in them (the clerk's decision).
    pub locked: Vec<i64>,
    /// People (ids) the assistant must leave out.
    pub excluded: Vec<i64>,
    /// The ward's targets (ids) that must be met; the others are wishes.
    pub hard: Vec<i64>,
    /// People wanted per seat (at most the rule set's number); none: the rule set's number.
    pub per_seat: Option<usize>,
    pub weights: Weights,
}

codes!(
    /// What the proposal does with a person for a post, against the current plan.
    Action {
        Add = "them" => "Thêm",
        Keep = "giu" => "Giữ",
        Drop = "bo" => "Bỏ",
    }
);

/// One part of a score: what it measures, the person's figure, and the points it gives.
#[derive(Debug, Clone, Serialize)]
pub struct ScorePart {
    pub key: &'static str,
    pub label: &'static str,
    pub detail: String,
    pub points: f64,
}

/// Why a person is proposed for a post: the rules they pass, the score and its parts, the
/// targets they help.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    pub verdict: Verdict,
    pub verdict_label: &'static str,
    /// The rules they pass, in words.
    pub passes: Vec<String>,
    /// What the check asks to note (warnings), one line each.
    pub notes: Vec<String>,
    pub score: f64,
    pub parts: Vec<ScorePart>,
    /// The ward's targets this person counts towards.
    pub helps: Vec<String>,
}

/// One row of the proposal for a post.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalRow {
    pub action: Action,
    pub action_label: &'static str,
    pub person_id: i64,
    pub full_name: String,
    pub birth_date: String,
    /// The plan entry kept or dropped (none for an addition).
    pub entry_id: Option<i64>,
    /// Kept because the clerk keeps it (not the assistant's choice).
    pub locked: bool,
    /// The clerk may accept this row (an addition or a drop; a kept entry is already there).
    pub acceptable: bool,
    /// Accepting it takes the entry out of the plan (needs the decision).
    pub drop: bool,
    /// Why proposed (added or kept).
    pub card: Option<Card>,
    /// Why dropped.
    pub reasons: Vec<String>,
}

/// An eligible person not chosen for a post, and why.
#[derive(Debug, Clone, Serialize)]
pub struct NotChosen {
    pub person_id: i64,
    pub full_name: String,
    pub score: f64,
    pub reasons: Vec<String>,
}

/// The proposal for one post.
#[derive(Debug, Clone, Serialize)]
pub struct PostProposal {
    pub code: String,
    pub name: String,
    pub seats: u32,
    /// Wanted at least (one per seat, the committee's lower coefficient) and at most.
    pub min: usize,
    pub max: usize,
    /// Actively planned now, and in the proposal.
    pub planned_now: usize,
    pub proposed: usize,
    pub rows: Vec<ProposalRow>,
    /// Eligible people not chosen, best score first.
    pub not_chosen: Vec<NotChosen>,
    /// "Chưa đủ người: …" when fewer than wanted.
    pub shortfall: Option<String>,
}

/// A target of the ward, before and after the proposal.
#[derive(Debug, Clone, Serialize)]
pub struct TargetOutcome {
    pub target_id: Option<i64>,
    /// "Tỷ lệ nữ năm 2030 trong Ban Chấp hành (quy hoạch): từ 20% trở lên".
    pub label: String,
    pub hard: bool,
    pub now: String,
    pub proposed: String,
    pub met: bool,
    /// By how much it is missed ("thiếu 2 nữ so với chỉ tiêu 20% trong …").
    pub short: Option<String>,
    /// The verdict in words: "Đạt", "Chưa có ai để tính" or the shortfall.
    pub result: String,
}

/// The assistant's answer.
#[derive(Debug, Clone, Serialize)]
pub struct Proposal {
    pub term: String,
    pub posts: Vec<PostProposal>,
    pub targets: Vec<TargetOutcome>,
    /// The hard targets that cannot all be met together (empty: none); the proposal is then
    /// the best plan with them taken as wishes.
    pub conflict: Vec<String>,
    /// The answer in one line ("Thêm 12, giữ 20, bỏ 3; …").
    pub summary: String,
    pub added: usize,
    pub kept: usize,
    pub dropped: usize,
    /// The objective's value and whether it is proven the best.
    pub objective: f64,
    pub optimal: bool,
    /// Violations of the proposal that come from entries the clerk keeps on purpose.
    pub kept_violations: Vec<String>,
    pub weights: Vec<WeightField>,
    /// The options it was made with (the window sends them back to accept rows).
    pub options: SuggestOptions,
}

/// How long the solver may search before the best plan found is given.
const TIME_LIMIT: Duration = Duration::from_secs(20);

/// A pair the model may choose.
struct Pair<'a> {
    person: &'a Person,
    pos: &'a Position,
    judged: Judgement,
    score: f64,
    parts: Vec<ScorePart>,
    /// The active entry of this pair, and whether it is kept fixed.
    entry: Option<&'a PlanEntry>,
    locked: bool,
}

/// What the model is built from: the pairs, each post's bounds, the targets.
pub struct Instance<'a> {
    data: &'a PlanData,
    judge_years: Vec<i32>,
    posts: Vec<&'a Position>,
    bounds: HashMap<i64, (usize, usize)>,
    pairs: Vec<Pair<'a>>,
    /// Active entries that cannot stay (excluded person, or not eligible and not kept), with why.
    dropped: Vec<(&'a PlanEntry, Vec<String>)>,
    /// Eligible people for a post who cannot be proposed (an earlier entry left the plan).
    barred: Vec<(i64, i64, String)>,
    targets: Vec<&'a Target>,
    facts: HashMap<i64, PersonFacts>,
    options: SuggestOptions,
}

/// Builds the instance: judges every pair, scores the eligible ones, decides what is kept.
pub fn instance<'a>(
    data: &'a PlanData,
    as_of: NaiveDate,
    options: &SuggestOptions,
) -> Result<Instance<'a>> {
    options.weights.validate()?;
    let rules = &data.rules.params;
    if let Some(n) = options.per_seat {
        if n == 0 || n > rules.max_people_per_position {
            return Err(CoreError::validation(
                "per_seat",
                "range",
                format!(
                    "Số người mỗi vị trí: {n} phải từ 1 đến {} (bộ quy định).",
                    rules.max_people_per_position
                ),
            ));
        }
    }
    let judge = Judge::new(data, as_of);
    let term = &data.term;
    let active: Vec<&PlanEntry> = data.entries.iter().filter(|e| e.is_active()).collect();
    let mut posts: Vec<&Position> = data
        .positions
        .iter()
        .filter(|p| {
            (p.active && p.term_kind == term.kind)
                || active.iter().any(|e| Some(e.position_id) == p.id)
        })
        .collect();
    posts.sort_by(|a, b| b.rank.cmp(&a.rank).then_with(|| a.code.cmp(&b.code)));
    let excluded: BTreeSet<i64> = options.excluded.iter().copied().collect();
    let mut people: Vec<&Person> = data
        .people
        .values()
        .filter(|p| p.id.is_some_and(|id| !excluded.contains(&id)))
        .filter(|p| p.status == Status::Working || active.iter().any(|e| Some(e.person_id) == p.id))
        .collect();
    people.sort_by_key(|p| p.id);
    let facts: HashMap<i64, PersonFacts> = people
        .iter()
        .map(|p| (p.id.unwrap_or_default(), data.facts(p)))
        .collect();
    let years = judge.rating_years().to_vec();
    let mut pairs = Vec::new();
    let mut dropped = Vec::new();
    let mut barred = Vec::new();
    for e in &active {
        if excluded.contains(&e.person_id) {
            dropped.push((*e, vec!["Văn phòng loại người này khỏi gợi ý.".to_string()]));
        }
    }
    for p in &people {
        let id = p.id.unwrap_or_default();
        let f = &facts[&id];
        for pos in &posts {
            let pos_id = pos.id.unwrap_or_default();
            let entry = active
                .iter()
                .find(|e| e.person_id == id && e.position_id == pos_id)
                .copied();
            let terms = entry.map(|e| e.terms).unwrap_or(1);
            let judged = without_counts(judge.verdict_for_terms(p, pos, terms));
            let locked = entry.is_some_and(|e| {
                !options.unlocked.contains(&e.id)
                    && (options.locked.contains(&e.id) || judged.eligible())
            });
            if !locked && !judged.eligible() {
                if let Some(e) = entry {
                    dropped.push((e, judged.violations()));
                }
                continue;
            }
            if entry.is_none()
                && data
                    .entries
                    .iter()
                    .any(|e| e.person_id == id && e.position_id == pos_id)
            {
                barred.push((
                    id,
                    pos_id,
                    "Đã có quyết định đưa ra khỏi (hoặc đã bố trí vào) chức danh này trong nhiệm kỳ."
                        .to_string(),
                ));
                continue;
            }
            if entry.is_none() && pos.term_kind != term.kind {
                continue;
            }
            let (score, parts) = score(rules, &options.weights, &years, p, f, pos, &judged, entry);
            pairs.push(Pair {
                person: p,
                pos,
                judged,
                score,
                parts,
                entry,
                locked,
            });
        }
    }
    let per_seat = options
        .per_seat
        .unwrap_or(rules.max_people_per_position)
        .min(rules.max_people_per_position);
    let bounds = posts
        .iter()
        .map(|pos| {
            let id = pos.id.unwrap_or_default();
            let locked = pairs
                .iter()
                .filter(|x| x.locked && x.pos.id == Some(id))
                .count();
            let candidates = pairs.iter().filter(|x| x.pos.id == Some(id)).count();
            let (min, max) = post_bounds(rules, pos, per_seat, candidates);
            // A post of the other kind of term (kept only for someone planned there): nobody
            // more is wanted.
            let min = if pos.term_kind == term.kind { min } else { 0 };
            (id, (min, max.max(locked)))
        })
        .collect();
    let targets = data
        .targets
        .iter()
        .filter(|t| (term.start_year..=term.end_year).contains(&t.year))
        .collect();
    Ok(Instance {
        data,
        judge_years: years,
        posts,
        bounds,
        pairs,
        dropped,
        barred,
        targets,
        facts,
        options: options.clone(),
    })
}

/// The judgement without "too many posts for one person": the model counts posts itself.
fn without_counts(j: Judgement) -> Judgement {
    Judgement::new(
        j.findings
            .into_iter()
            .filter(|f| f.rule != RuleCode::MaxPositionsPerPerson)
            .collect(),
    )
}

/// A post's wanted bounds: one per seat up to `per_seat` per seat (the rule set's cap); a
/// committee from its lower to its upper coefficient; a committee group without a size, none
/// wanted and up to everyone eligible.
fn post_bounds(
    rules: &RuleParams,
    pos: &Position,
    per_seat: usize,
    candidates: usize,
) -> (usize, usize) {
    let committee = [
        (post::BCH, rules.bch_size, rules.bch_plan_coefficient),
        (post::BTV, rules.btv_size, rules.btv_plan_coefficient),
        (post::UBKT, rules.ubkt_size, rules.ubkt_plan_coefficient),
    ]
    .into_iter()
    .find(|(code, size, _)| *code == pos.code && *size > 0);
    if let Some((_, size, coeff)) = committee {
        return committee_bounds(size, rules.committee_plan_min_coefficient, coeff);
    }
    if pos.group == PositionGroup::CapUy {
        return (0, candidates);
    }
    let seats = pos.seats.max(1) as usize;
    (seats, (per_seat * seats).min(cap_of(rules, pos)))
}

/// Points of a rating (none: 0).
fn rating_points(level: Option<RatingLevel>) -> f64 {
    match level {
        Some(RatingLevel::Htxs) => 3.0,
        Some(RatingLevel::Htt) => 2.0,
        Some(RatingLevel::Ht) => 1.0,
        _ => 0.0,
    }
}

/// Rounds to 1/1000 so the model's coefficients read the same everywhere.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[allow(clippy::too_many_arguments)]
fn score(
    rules: &RuleParams,
    w: &Weights,
    years: &[i32],
    p: &Person,
    f: &PersonFacts,
    pos: &Position,
    judged: &Judgement,
    entry: Option<&PlanEntry>,
) -> (f64, Vec<ScorePart>) {
    let mut parts = Vec::new();
    let ratings: Vec<(i32, Option<RatingLevel>)> = years
        .iter()
        .map(|y| (*y, p.ratings.iter().find(|r| r.year == *y).map(|r| r.level)))
        .collect();
    let got: f64 = ratings.iter().map(|(_, l)| rating_points(*l)).sum();
    let of = 3.0 * ratings.len().max(1) as f64;
    parts.push(ScorePart {
        key: "ratings",
        label: WEIGHTS[0].1,
        detail: ratings
            .iter()
            .map(|(y, l)| format!("{y}: {}", l.map(|l| l.code()).unwrap_or("chưa có")))
            .collect::<Vec<_>>()
            .join(", "),
        points: round3(w.ratings * got / of),
    });
    let (asked, lacking) = match rules.standards.get(&pos.code) {
        Some(s) => {
            let asked = [
                s.professional.is_some(),
                s.political_theory.is_some(),
                s.state_management.is_some(),
            ]
            .iter()
            .filter(|x| **x)
            .count();
            (asked, check::person::lacks(p, s).len())
        }
        None => (0, 0),
    };
    parts.push(ScorePart {
        key: "levels",
        label: WEIGHTS[1].1,
        detail: if asked == 0 {
            "chức danh chưa đặt tiêu chuẩn trình độ".into()
        } else {
            format!("đạt {}/{asked} tiêu chuẩn trình độ", asked - lacking)
        },
        points: round3(if asked == 0 {
            w.levels
        } else {
            w.levels * (asked - lacking) as f64 / asked as f64
        }),
    });
    let two = 2 * rules.min_months_left_first.max(1);
    parts.push(ScorePart {
        key: "months",
        label: WEIGHTS[2].1,
        detail: format!("còn {} tháng tại mốc tính tuổi", f.months_left.max(0)),
        points: round3(w.months * (f.months_left.clamp(0, two) as f64 / two as f64)),
    });
    if f.months_left >= two {
        parts.push(ScorePart {
            key: "two_terms",
            label: WEIGHTS[3].1,
            detail: format!("từ {two} tháng trở lên"),
            points: round3(w.two_terms),
        });
    }
    if entry.is_some() {
        parts.push(ScorePart {
            key: "keep",
            label: WEIGHTS[4].1,
            detail: "đang trong quy hoạch chức danh này".into(),
            points: round3(w.keep),
        });
    }
    if judged.verdict == Verdict::CanLuuY {
        parts.push(ScorePart {
            key: "notes",
            label: WEIGHTS[5].1,
            detail: format!("{} điểm cần lưu ý", judged.notes().len()),
            points: -round3(w.notes),
        });
    }
    let total = round3(parts.iter().map(|x| x.points).sum());
    (total, parts)
}

/// A target's words: "Tỷ lệ nữ năm 2030 trong Ban Chấp hành (quy hoạch): từ 20% trở lên".
fn target_label(t: &Target) -> String {
    let need = if t.indicator.is_count() {
        number_text(t.threshold)
    } else {
        percent(t.threshold)
    };
    format!(
        "{} năm {} trong {}: {} {}{}",
        t.indicator.label(),
        t.year,
        body_label(&t.body),
        if t.strict { "trên" } else { "từ" },
        need,
        if t.strict { "" } else { " trở lên" }
    )
}

/// Who a target counts, in words ("nữ", "cán bộ trẻ").
fn counted_noun(i: Indicator) -> &'static str {
    match i {
        Indicator::Women | Indicator::WomenCount => "nữ",
        Indicator::Young => "cán bộ trẻ",
        Indicator::Degree => "người có trình độ đại học trở lên",
        Indicator::TheoryMid => "người có lý luận chính trị từ trung cấp trở lên",
        Indicator::YoungForeignLanguage => "cán bộ trẻ sử dụng được ngoại ngữ",
    }
}

/// A fixed sliver (under 1/10,000, below the scores' 1/1000) added to each pair's objective
/// so that people with equal scores are not interchangeable: the search then has one best plan
/// to prove instead of thousands of equal ones, and the same ward gets the same proposal.
fn tie_break(person_id: i64, pos: &Position) -> f64 {
    let post = pos.id.unwrap_or_default();
    let h = (person_id.wrapping_mul(2_654_435_761) ^ post.wrapping_mul(40_503)).rem_euclid(1009);
    h as f64 / 1009.0 * 1e-4
}

/// Scale of the targets' coefficients: shares to 1/10,000 as whole numbers, so "trên 35%" reads
/// as "≥ 1" and not as a tolerance.
const SCALE: f64 = 10_000.0;

/// The model of an instance and the variable of each pair (same order as `pairs`).
struct Built {
    model: Model,
    x: Vec<usize>,
}

impl<'a> Instance<'a> {
    fn target_hard(&self, t: &Target) -> bool {
        t.id.is_some_and(|id| self.options.hard.contains(&id))
    }

    fn young_under(&self, t: &Target) -> i32 {
        t.age_under
            .unwrap_or_else(|| self.data.rules.params.young_under())
    }

    /// (counted, of) of one person for a target: (1, 1) a woman for "tỷ lệ nữ"…
    fn person_counts(&self, t: &Target, p: &Person) -> (f64, f64) {
        let f = &self.facts[&p.id.unwrap_or_default()];
        let (n, d) = measure(t.indicator, &[(p, f)], self.young_under(t));
        (n as f64, d as f64)
    }

    fn build(&self, soft: &BTreeSet<usize>, banned: &BTreeSet<(i64, i64)>) -> Built {
        let w = &self.options.weights;
        let mut m = Model::default();
        let x: Vec<usize> = self
            .pairs
            .iter()
            .map(|pr| {
                let pid = pr.person.id.unwrap_or_default();
                let name = format!("x_{}_{}", pid, pr.pos.code);
                let ban = banned.contains(&(pid, pr.pos.id.unwrap_or_default())) && !pr.locked;
                let lb = if pr.locked { 1.0 } else { 0.0 };
                let ub = if ban { 0.0 } else { 1.0 };
                m.var(name, pr.score + tie_break(pid, pr.pos), lb, ub, true)
            })
            .collect();
        // Per post: at most its cap; one per seat (or the committee's lower bound) wished.
        for pos in &self.posts {
            let id = pos.id.unwrap_or_default();
            let (min, max) = self.bounds[&id];
            let terms: Vec<(usize, f64)> = self
                .pairs
                .iter()
                .zip(&x)
                .filter(|(pr, _)| pr.pos.id == Some(id))
                .map(|(_, v)| (*v, 1.0))
                .collect();
            m.row(
                format!("max_{}", pos.code),
                terms.clone(),
                None,
                Some(max as f64),
            );
            if min > 0 {
                let short = m.var(
                    format!("thieu_{}", pos.code),
                    -w.shortfall,
                    0.0,
                    min as f64,
                    false,
                );
                let mut t = terms;
                t.push((short, 1.0));
                m.row(format!("min_{}", pos.code), t, Some(min as f64), None);
            }
        }
        // Per person and level: at most the rule set's number of posts (committees not counted).
        let max_posts = self.data.rules.params.max_positions_per_person;
        let mut per_level: BTreeMap<(i64, &str), Vec<usize>> = BTreeMap::new();
        for (i, pr) in self.pairs.iter().enumerate() {
            if !is_committee(pr.pos) {
                per_level
                    .entry((pr.person.id.unwrap_or_default(), pr.pos.level.as_str()))
                    .or_default()
                    .push(i);
            }
        }
        for ((pid, level), list) in per_level {
            if list.len() <= max_posts {
                continue;
            }
            let locked = list.iter().filter(|i| self.pairs[**i].locked).count();
            m.row(
                format!("so_chuc_danh_{pid}_{level}"),
                list.iter().map(|i| (x[*i], 1.0)).collect(),
                None,
                Some(max_posts.max(locked) as f64),
            );
        }
        // Targets: Σ (counted − threshold × of) over the body's people ≥ 0 (strict: ≥ 1/10,000).
        for (k, t) in self.targets.iter().enumerate() {
            let mut by_person: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
            for (i, pr) in self.pairs.iter().enumerate() {
                if in_body(&t.body, pr.pos) {
                    by_person
                        .entry(pr.person.id.unwrap_or_default())
                        .or_default()
                        .push(i);
                }
            }
            let mut terms = Vec::new();
            for (pid, list) in &by_person {
                let p = self.pairs[list[0]].person;
                let (n, d) = self.person_counts(t, p);
                let c = if t.indicator.is_count() {
                    n
                } else {
                    (SCALE * n - (SCALE * t.threshold).round() * d).round()
                };
                if c == 0.0 {
                    continue;
                }
                // In the body at all: y = OR of the person's pairs in it.
                let y = if list.len() == 1 {
                    x[list[0]]
                } else {
                    let y = m.var(format!("o_{k}_{pid}"), 0.0, 0.0, 1.0, false);
                    for i in list {
                        m.row(
                            format!("o_{k}_{pid}_{}", self.pairs[*i].pos.code),
                            vec![(y, 1.0), (x[*i], -1.0)],
                            Some(0.0),
                            None,
                        );
                    }
                    let mut t: Vec<(usize, f64)> = list.iter().map(|i| (x[*i], -1.0)).collect();
                    t.push((y, 1.0));
                    m.row(format!("o_{k}_{pid}_max"), t, None, Some(0.0));
                    y
                };
                terms.push((y, c));
            }
            let rhs = match (t.indicator.is_count(), t.strict) {
                (true, false) => t.threshold.ceil(),
                (true, true) => t.threshold.floor() + 1.0,
                (false, false) => 0.0,
                (false, true) => 1.0,
            };
            if !self.target_hard(t) || soft.contains(&k) {
                let per = if t.indicator.is_count() { 1.0 } else { SCALE };
                let s = m.var(format!("chi_tieu_{k}"), -w.wish, 0.0, f64::MAX / 4.0, false);
                terms.push((s, per));
            }
            m.row(format!("chi_tieu_{k}"), terms, Some(rhs), None);
        }
        Built { model: m, x }
    }

    /// The hard targets (indices) as asked.
    fn hard_indices(&self) -> Vec<usize> {
        self.targets
            .iter()
            .enumerate()
            .filter(|(_, t)| self.target_hard(t))
            .map(|(k, _)| k)
            .collect()
    }

    /// The model with every hard target as asked: what the tests hand to another solver.
    pub fn model(&self) -> Model {
        self.build(&BTreeSet::new(), &BTreeSet::new()).model
    }

    /// Solves with the hard targets; if they cannot be met together, finds a smallest set of
    /// them that conflicts (each one dropped in turn, kept if the rest then fit) and solves with
    /// those as wishes.
    fn solve(&self, banned: &BTreeSet<(i64, i64)>) -> Result<(Built, Solved, BTreeSet<usize>)> {
        let none = BTreeSet::new();
        let built = self.build(&none, banned);
        match built.model.solve(TIME_LIMIT) {
            Ok(s) => return Ok((built, s, none)),
            Err(Unsolved::Infeasible) => {}
            Err(Unsolved::Failed(e)) => return Err(solver_failed(&e)),
        }
        let hard = self.hard_indices();
        // Deletion filter: the targets that are not needed for the conflict become soft.
        let mut soft: BTreeSet<usize> = BTreeSet::new();
        let mut conflict: Vec<usize> = hard.clone();
        for k in hard {
            let mut trial = soft.clone();
            trial.insert(k);
            match self.build(&trial, banned).model.solve(TIME_LIMIT) {
                Err(Unsolved::Infeasible) => {
                    // Still no plan without it: not part of the conflict.
                    soft = trial;
                    conflict.retain(|c| *c != k);
                }
                Ok(_) => {}
                Err(Unsolved::Failed(e)) => return Err(solver_failed(&e)),
            }
        }
        let conflict: BTreeSet<usize> = conflict.into_iter().collect();
        let built = self.build(&conflict, banned);
        match built.model.solve(TIME_LIMIT) {
            Ok(s) => Ok((built, s, conflict)),
            Err(Unsolved::Infeasible) => Err(solver_failed("infeasible")),
            Err(Unsolved::Failed(e)) => Err(solver_failed(&e)),
        }
    }
}

fn solver_failed(detail: &str) -> CoreError {
    CoreError::Solver(format!(
        "Chưa tìm được phương án (bộ giải dừng: {detail}). Hãy bớt chỉ tiêu bắt buộc hoặc mở khóa bớt các mục đang giữ rồi thử lại."
    ))
}

/// The plan of the term as proposed: the entries kept, and a new entry for each pair added.
fn proposed_data(inst: &Instance, chosen: &[bool], as_of: NaiveDate) -> PlanData {
    let mut data = inst.data.clone();
    let keep: BTreeSet<i64> = inst
        .pairs
        .iter()
        .zip(chosen)
        .filter(|(_, c)| **c)
        .filter_map(|(pr, _)| pr.entry.map(|e| e.id))
        .collect();
    let today = PartialDate::from_date(as_of);
    let mut next = -1;
    data.entries
        .retain(|e| !e.is_active() || keep.contains(&e.id));
    for (pr, _) in inst
        .pairs
        .iter()
        .zip(chosen)
        .filter(|(pr, c)| **c && pr.entry.is_none())
    {
        data.entries.push(PlanEntry {
            id: next,
            person_id: pr.person.id.unwrap_or_default(),
            position_id: pr.pos.id.unwrap_or_default(),
            term_id: inst.data.term.id.unwrap_or_default(),
            events: vec![PlanEvent::new(PlanStep::Proposed, today)],
            terms: 1,
        });
        next -= 1;
    }
    data
}

/// Proposes a plan for the term of `data`, whose `people` hold everyone who may be proposed.
pub fn propose(data: &PlanData, as_of: NaiveDate, options: &SuggestOptions) -> Result<Proposal> {
    let inst = instance(data, as_of, options)?;
    let locked_pairs: BTreeSet<(i64, String)> = inst
        .pairs
        .iter()
        .filter(|p| p.locked)
        .map(|p| (p.person.id.unwrap_or_default(), p.pos.code.clone()))
        .collect();
    let locked_people: BTreeSet<i64> = locked_pairs.iter().map(|(p, _)| *p).collect();
    let mut banned: BTreeSet<(i64, i64)> = BTreeSet::new();
    // The proposal is checked again by the one check; a violation it made bans its pair and the
    // model is solved again (the pairs are judged one by one, the check sees them together).
    for _round in 0..5 {
        let (built, solved, conflict) = inst.solve(&banned)?;
        let chosen: Vec<bool> = built.x.iter().map(|v| solved.values[*v] > 0.5).collect();
        let after = proposed_data(&inst, &chosen, as_of);
        let report = check::check(&after, as_of);
        let mut kept_violations = Vec::new();
        let mut made = Vec::new();
        for f in report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Violation)
        {
            let by_lock = match (f.person_id, &f.position_code) {
                (Some(p), Some(c)) => locked_pairs.contains(&(p, c.clone())),
                (Some(p), None) => locked_people.contains(&p),
                (None, _) => f.rule == RuleCode::MaxPerPosition,
            };
            if by_lock {
                kept_violations.push(f.message.clone());
            } else {
                made.push(f);
            }
        }
        if made.is_empty() {
            return Ok(explain(
                &inst,
                &solved,
                &chosen,
                &conflict,
                &after,
                kept_violations,
            ));
        }
        for f in made {
            for pr in inst.pairs.iter().filter(|pr| !pr.locked) {
                let pid = pr.person.id.unwrap_or_default();
                if f.person_id == Some(pid)
                    && f.position_code.as_deref().is_none_or(|c| c == pr.pos.code)
                {
                    banned.insert((pid, pr.pos.id.unwrap_or_default()));
                }
            }
        }
    }
    Err(CoreError::Solver(
        "Chưa tìm được phương án không vi phạm quy định sau 5 lần thử; hãy báo cho người quản trị chương trình.".into(),
    ))
}

/// Counts a target over the active entries of `data`: (counted, of) and whether it is met.
fn measure_target(inst: &Instance, data: &PlanData, t: &Target) -> (usize, usize, f64, bool) {
    let ids = data.body_people(&t.body);
    let facts: Vec<(&Person, PersonFacts)> = ids
        .iter()
        .filter_map(|id| data.people.get(id))
        .map(|p| (p, data.facts(p)))
        .collect();
    let pairs: Vec<(&Person, &PersonFacts)> = facts.iter().map(|(p, f)| (*p, f)).collect();
    let (n, of) = measure(t.indicator, &pairs, inst.young_under(t));
    let v = t.indicator.value(n, of);
    (n, of, v, of == 0 || t.met_by(v))
}

fn figure(t: &Target, n: usize, of: usize, v: f64) -> String {
    if of == 0 && !t.indicator.is_count() {
        "chưa có ai để tính".into()
    } else if t.indicator.is_count() {
        format!("{n}")
    } else {
        format!("{} ({n}/{of})", percent(v))
    }
}

/// The proposal in words: each post's rows with their cards and reasons, the people not chosen
/// and why, each target before and after.
fn explain(
    inst: &Instance,
    solved: &Solved,
    chosen: &[bool],
    conflict: &BTreeSet<usize>,
    after: &PlanData,
    kept_violations: Vec<String>,
) -> Proposal {
    let data = inst.data;
    let rules = &data.rules.params;
    let mut targets = Vec::new();
    for t in &inst.targets {
        let (n0, of0, v0, _) = measure_target(inst, data, t);
        let (n, of, v, met) = measure_target(inst, after, t);
        let short = (!met).then(|| {
            let need = if t.indicator.is_count() {
                if t.strict {
                    t.threshold.floor() as usize + 1
                } else {
                    t.threshold.ceil() as usize
                }
            } else if t.strict {
                (t.threshold * of as f64 + 1e-9).floor() as usize + 1
            } else {
                (t.threshold * of as f64 - 1e-9).ceil() as usize
            };
            let need_text = if t.indicator.is_count() {
                number_text(t.threshold)
            } else {
                percent(t.threshold)
            };
            format!(
                "thiếu {} {} so với chỉ tiêu {} trong {}",
                need.saturating_sub(n),
                counted_noun(t.indicator),
                need_text,
                body_label(&t.body)
            )
        });
        let result = match &short {
            Some(s) => format!("Chưa đạt: {s}"),
            None if of == 0 && !t.indicator.is_count() => "Chưa có ai để tính".to_string(),
            None => "Đạt".to_string(),
        };
        targets.push(TargetOutcome {
            result,
            target_id: t.id,
            label: target_label(t),
            hard: inst.target_hard(t),
            now: figure(t, n0, of0, v0),
            proposed: figure(t, n, of, v),
            met,
            short,
        });
    }
    let conflict_labels: Vec<String> = conflict
        .iter()
        .map(|k| target_label(inst.targets[*k]))
        .collect();
    let chosen_of = |pos_id: i64| -> Vec<usize> {
        inst.pairs
            .iter()
            .enumerate()
            .filter(|(i, pr)| chosen[*i] && pr.pos.id == Some(pos_id))
            .map(|(i, _)| i)
            .collect()
    };
    // Posts per person and level in the proposal.
    let mut load: HashMap<(i64, &str), Vec<&str>> = HashMap::new();
    for (i, pr) in inst.pairs.iter().enumerate() {
        if chosen[i] && !is_committee(pr.pos) {
            load.entry((pr.person.id.unwrap_or_default(), pr.pos.level.as_str()))
                .or_default()
                .push(pr.pos.name.as_str());
        }
    }
    let (mut added, mut kept, mut dropped_n) = (0, 0, 0);
    let mut posts = Vec::new();
    for pos in &inst.posts {
        let id = pos.id.unwrap_or_default();
        let (min, max) = inst.bounds[&id];
        let mine = chosen_of(id);
        let mut rows: Vec<ProposalRow> = Vec::new();
        for i in &mine {
            let pr = &inst.pairs[*i];
            let action = if pr.entry.is_some() {
                kept += 1;
                Action::Keep
            } else {
                added += 1;
                Action::Add
            };
            rows.push(ProposalRow {
                action,
                action_label: action.label(),
                person_id: pr.person.id.unwrap_or_default(),
                full_name: pr.person.full_name.clone(),
                birth_date: pr.person.birth_date.to_display(),
                entry_id: pr.entry.map(|e| e.id),
                locked: pr.locked,
                acceptable: action == Action::Add,
                drop: false,
                card: Some(card(inst, pr, rules)),
                reasons: Vec::new(),
            });
        }
        // Entries of this post that go: not chosen by the model, or not allowed to stay.
        let drops = inst
            .pairs
            .iter()
            .enumerate()
            .filter(|(i, pr)| !chosen[*i] && pr.pos.id == Some(id))
            .filter_map(|(_, pr)| {
                pr.entry.map(|e| {
                    (
                        e,
                        pr.person,
                        vec![format!(
                            "Phương án tốt hơn không cần giữ (điểm {}): {}",
                            number_text(pr.score),
                            why_not(inst, pr, &load, max, &mine).join(" ")
                        )],
                    )
                })
            })
            .chain(
                inst.dropped
                    .iter()
                    .filter(|(e, _)| e.position_id == id)
                    .filter_map(|(e, why)| {
                        data.people.get(&e.person_id).map(|p| (*e, p, why.clone()))
                    }),
            );
        for (e, p, reasons) in drops {
            dropped_n += 1;
            rows.push(ProposalRow {
                action: Action::Drop,
                action_label: Action::Drop.label(),
                person_id: e.person_id,
                full_name: p.full_name.clone(),
                birth_date: p.birth_date.to_display(),
                entry_id: Some(e.id),
                locked: false,
                acceptable: true,
                drop: true,
                card: None,
                reasons,
            });
        }
        rows.sort_by(|a, b| {
            a.action.cmp(&b.action).then_with(|| {
                let s = |r: &ProposalRow| r.card.as_ref().map(|c| c.score).unwrap_or(0.0);
                s(b).total_cmp(&s(a))
            })
        });
        let mut not_chosen: Vec<NotChosen> = inst
            .pairs
            .iter()
            .enumerate()
            .filter(|(i, pr)| !chosen[*i] && pr.pos.id == Some(id) && pr.entry.is_none())
            .map(|(_, pr)| NotChosen {
                person_id: pr.person.id.unwrap_or_default(),
                full_name: pr.person.full_name.clone(),
                score: pr.score,
                reasons: why_not(inst, pr, &load, max, &mine),
            })
            .collect();
        for (pid, pos_id, why) in &inst.barred {
            if *pos_id == id {
                if let Some(p) = data.people.get(pid) {
                    not_chosen.push(NotChosen {
                        person_id: *pid,
                        full_name: p.full_name.clone(),
                        score: 0.0,
                        reasons: vec![why.clone()],
                    });
                }
            }
        }
        not_chosen.sort_by(|a, b| b.score.total_cmp(&a.score));
        let proposed = mine.len();
        let shortfall = (proposed < min).then(|| {
            let eligible = inst.pairs.iter().filter(|x| x.pos.id == Some(id)).count();
            format!(
                "Chưa đủ người: cần ít nhất {min}, phương án có {proposed}; {} người đủ điều kiện cho chức danh này.",
                eligible
            )
        });
        let planned_now = data
            .entries
            .iter()
            .filter(|e| e.is_active() && e.position_id == id)
            .count();
        posts.push(PostProposal {
            code: pos.code.clone(),
            name: pos.name.clone(),
            seats: pos.seats.max(1),
            min,
            max,
            planned_now,
            proposed,
            rows,
            not_chosen,
            shortfall,
        });
    }
    let mut summary = format!("Thêm {added}, giữ {kept}, bỏ {dropped_n}.");
    let missed: Vec<&TargetOutcome> = targets.iter().filter(|t| !t.met).collect();
    if missed.is_empty() && !targets.is_empty() {
        summary.push_str(" Đạt mọi chỉ tiêu của đơn vị trong nhiệm kỳ.");
    } else if !missed.is_empty() {
        summary.push_str(&format!(" Còn {} chỉ tiêu chưa đạt.", missed.len()));
    }
    if !conflict_labels.is_empty() {
        summary.push_str(&format!(
            " Các chỉ tiêu bắt buộc sau không thể cùng đạt: {}. Phương án dưới đây là phương án tốt nhất khi coi chúng là mong muốn.",
            conflict_labels.join("; ")
        ));
    }
    if !solved.optimal {
        summary.push_str(
            " (Phương án tốt nhất tìm được trong thời gian cho phép, chưa chứng minh là tối ưu.)",
        );
    }
    Proposal {
        term: data.term.code.clone(),
        posts,
        targets,
        conflict: conflict_labels,
        summary,
        added,
        kept,
        dropped: dropped_n,
        objective: solved.objective,
        optimal: solved.optimal,
        kept_violations,
        weights: inst.options.weights.form(),
        options: inst.options.clone(),
    }
}

/// The card of a proposed pair.
fn card(inst: &Instance, pr: &Pair, rules: &RuleParams) -> Card {
    let f = &inst.facts[&pr.person.id.unwrap_or_default()];
    let data = inst.data;
    let mut passes = vec![format!(
        "Không vi phạm quy định nào của bộ quy định “{}” cho chức danh này.",
        data.rules.name
    )];
    passes.push(format!(
        "Còn {} tháng công tác tại tháng {} (nghỉ hưu tháng {}).",
        f.months_left,
        data.term.reference_month.display(),
        f.retirement_month.display()
    ));
    if rules.only_higher && !is_committee(pr.pos) {
        passes.push("Chức danh cao hơn chức vụ hiện giữ.".into());
    }
    if let Some(s) = rules.standards.get(&pr.pos.code) {
        if check::person::lacks(pr.person, s).is_empty() {
            passes.push("Đạt tiêu chuẩn trình độ của chức danh.".into());
        }
    }
    if !inst.judge_years.is_empty() {
        passes.push(format!(
            "Xếp loại chất lượng các năm {}: không năm nào dưới mức cần có.",
            inst.judge_years
                .iter()
                .map(|y| y.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let helps = inst
        .targets
        .iter()
        .filter(|t| in_body(&t.body, pr.pos))
        .filter(|t| inst.person_counts(t, pr.person).0 > 0.0)
        .map(|t| format!("Góp vào chỉ tiêu: {}", target_label(t)))
        .collect();
    Card {
        verdict: pr.judged.verdict,
        verdict_label: pr.judged.verdict.label(),
        passes,
        notes: pr.judged.notes(),
        score: pr.score,
        parts: pr.parts.clone(),
        helps,
    }
}

/// Why an eligible pair is not in the proposal.
fn why_not(
    inst: &Instance,
    pr: &Pair,
    load: &HashMap<(i64, &str), Vec<&str>>,
    max: usize,
    mine: &[usize],
) -> Vec<String> {
    let rules = &inst.data.rules.params;
    let pid = pr.person.id.unwrap_or_default();
    let mut out = Vec::new();
    if !is_committee(pr.pos) {
        if let Some(list) = load.get(&(pid, pr.pos.level.as_str())) {
            if list.len() >= rules.max_positions_per_person {
                out.push(format!(
                    "Đã được gợi ý đủ {} chức danh cùng cấp: {}.",
                    rules.max_positions_per_person,
                    list.join(", ")
                ));
            }
        }
    }
    let lowest = mine
        .iter()
        .map(|i| inst.pairs[*i].score)
        .fold(f64::INFINITY, f64::min);
    if mine.len() >= max {
        if pr.score <= lowest {
            out.push(format!(
                "Chức danh đã đủ {max} người; điểm {} không cao hơn người được chọn thấp nhất ({}).",
                number_text(pr.score),
                number_text(lowest)
            ));
        } else {
            out.push(format!("Chức danh đã đủ {max} người."));
        }
    }
    for t in inst.targets.iter().filter(|t| in_body(&t.body, pr.pos)) {
        let (n, d) = inst.person_counts(t, pr.person);
        if d > 0.0 && n < t.threshold * d {
            out.push(format!(
                "Chọn thêm người này sẽ kéo chỉ tiêu xuống ({}{}).",
                target_label(t),
                if inst.target_hard(t) {
                    ", bắt buộc"
                } else {
                    ", mong muốn"
                }
            ));
        }
    }
    if out.is_empty() {
        out.push(format!(
            "Phương án có tổng điểm cao nhất không cần thêm người này (điểm {}).",
            number_text(pr.score)
        ));
    }
    out
}
