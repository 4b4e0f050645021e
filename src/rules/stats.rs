//! Statistics of a set of people: counts and percentages by sex, age band, the 3 age groups,
//! ethnicity, professional level, political theory, state management and origin.

use serde::{Deserialize, Serialize};

use super::facts::{band_labels, PersonFacts};
use super::ruleset::RuleParams;
use crate::model::{Person, PoliticalTheory, ProfessionalLevel, Sex, StateManagement};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bucket {
    pub label: String,
    pub count: usize,
    /// Share of the total, 0–100, one decimal.
    pub percent: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub total: usize,
    pub sex: Vec<Bucket>,
    pub young: Bucket,
    pub age_bands: Vec<Bucket>,
    pub three_age_groups: Vec<Bucket>,
    pub ethnicity: Vec<Bucket>,
    pub professional: Vec<Bucket>,
    pub political_theory: Vec<Bucket>,
    pub state_management: Vec<Bucket>,
    pub origin: Vec<Bucket>,
}

fn buckets(labels: Vec<String>, counts: Vec<usize>, total: usize) -> Vec<Bucket> {
    labels
        .into_iter()
        .zip(counts)
        .map(|(label, count)| bucket(label, count, total))
        .collect()
}

fn bucket(label: String, count: usize, total: usize) -> Bucket {
    let percent = if total == 0 {
        0.0
    } else {
        (count as f64 * 1000.0 / total as f64).round() / 10.0
    };
    Bucket {
        label,
        count,
        percent,
    }
}

/// Counts over `people` (each with its facts at the reference month).
pub fn stats(people: &[(&Person, &PersonFacts)], rules: &RuleParams) -> Stats {
    let total = people.len();
    let band_names = band_labels(&rules.age_bands);
    let group_names = band_labels(&rules.three_age_groups);
    let mut sex = vec![0; 2];
    let mut bands = vec![0; band_names.len()];
    let mut groups = vec![0; group_names.len()];
    let mut eth = vec![0; 2];
    let mut prof = vec![0; ProfessionalLevel::ALL.len() + 1];
    let mut llct = vec![0; PoliticalTheory::ALL.len() + 1];
    let mut qlnn = vec![0; StateManagement::ALL.len() + 1];
    let mut origin = vec![0; 2];
    let mut young = 0;
    for (p, f) in people {
        sex[usize::from(p.sex == Sex::Female)] += 1;
        let (nb, ng) = (bands.len() - 1, groups.len() - 1);
        bands[f.band.min(nb)] += 1;
        groups[f.group3.min(ng)] += 1;
        eth[usize::from(f.minority)] += 1;
        origin[usize::from(!f.local)] += 1;
        young += usize::from(f.young);
        // Highest level first; the last bucket is "none".
        let idx = |pos: Option<usize>, n: usize| pos.map(|i| n - 1 - i).unwrap_or(n);
        let n = ProfessionalLevel::ALL.len();
        prof[idx(
            p.professional_level
                .and_then(|l| ProfessionalLevel::ALL.iter().position(|x| *x == l)),
            n,
        )] += 1;
        let n = PoliticalTheory::ALL.len();
        llct[idx(
            p.political_theory
                .and_then(|l| PoliticalTheory::ALL.iter().position(|x| *x == l)),
            n,
        )] += 1;
        let n = StateManagement::ALL.len();
        qlnn[idx(
            p.state_management
                .and_then(|l| StateManagement::ALL.iter().position(|x| *x == l)),
            n,
        )] += 1;
    }
    let labels_desc = |labels: Vec<&str>, none: &str| -> Vec<String> {
        labels
            .into_iter()
            .rev()
            .map(String::from)
            .chain([none.to_string()])
            .collect()
    };
    Stats {
        total,
        sex: buckets(vec!["Nam".into(), "Nữ".into()], sex, total),
        young: bucket(format!("Dưới {} tuổi", rules.young_under()), young, total),
        age_bands: buckets(band_names, bands, total),
        three_age_groups: buckets(group_names, groups, total),
        ethnicity: buckets(vec!["Kinh".into(), "Dân tộc thiểu số".into()], eth, total),
        professional: buckets(
            labels_desc(
                ProfessionalLevel::ALL.iter().map(|l| l.label()).collect(),
                "Chưa qua đào tạo",
            ),
            prof,
            total,
        ),
        political_theory: buckets(
            labels_desc(
                PoliticalTheory::ALL.iter().map(|l| l.label()).collect(),
                "Chưa qua đào tạo",
            ),
            llct,
            total,
        ),
        state_management: buckets(
            labels_desc(
                StateManagement::ALL.iter().map(|l| l.label()).collect(),
                "Chưa qua bồi dưỡng",
            ),
            qlnn,
            total,
        ),
        origin: buckets(vec!["Tại chỗ".into(), "Nơi khác".into()], origin, total),
    }
}

/// Buckets of several tables added by label (labels in the order first met), shares again of
/// the new total.
fn add_buckets<'a>(lists: impl Iterator<Item = &'a Vec<Bucket>>, total: usize) -> Vec<Bucket> {
    let mut labels: Vec<String> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    for list in lists {
        for b in list {
            match labels.iter().position(|l| *l == b.label) {
                Some(i) => counts[i] += b.count,
                None => {
                    labels.push(b.label.clone());
                    counts.push(b.count);
                }
            }
        }
    }
    buckets(labels, counts, total)
}

impl Stats {
    /// The tables by group, with the group's heading, in the order every report prints them
    /// (the CLI, the province's screen and report read this one list).
    pub fn groups(&self) -> Vec<(&'static str, Vec<Bucket>)> {
        vec![
            ("Giới tính", self.sex.clone()),
            ("Cán bộ trẻ", vec![self.young.clone()]),
            ("Độ tuổi", self.age_bands.clone()),
            ("3 độ tuổi", self.three_age_groups.clone()),
            ("Dân tộc", self.ethnicity.clone()),
            ("Chuyên môn", self.professional.clone()),
            ("Lý luận chính trị", self.political_theory.clone()),
            ("Quản lý nhà nước", self.state_management.clone()),
            ("Nguồn", self.origin.clone()),
        ]
    }

    /// The tables of several units summed (a province's wards): every count added by its
    /// label, every share taken again of the sum.
    pub fn sum(all: &[&Stats]) -> Stats {
        let total = all.iter().map(|s| s.total).sum();
        let young_label = all
            .first()
            .map(|s| s.young.label.clone())
            .unwrap_or_default();
        Stats {
            total,
            sex: add_buckets(all.iter().map(|s| &s.sex), total),
            young: bucket(young_label, all.iter().map(|s| s.young.count).sum(), total),
            age_bands: add_buckets(all.iter().map(|s| &s.age_bands), total),
            three_age_groups: add_buckets(all.iter().map(|s| &s.three_age_groups), total),
            ethnicity: add_buckets(all.iter().map(|s| &s.ethnicity), total),
            professional: add_buckets(all.iter().map(|s| &s.professional), total),
            political_theory: add_buckets(all.iter().map(|s| &s.political_theory), total),
            state_management: add_buckets(all.iter().map(|s| &s.state_management), total),
            origin: add_buckets(all.iter().map(|s| &s.origin), total),
        }
    }
}
