//! Structure (cơ cấu) of the plan, warn only: each post's candidates spread over the 3 age
//! groups, and the shares of women and young cadres in the whole plan.

use std::collections::HashSet;

use serde_json::json;

use super::{Findings, Index, RuleCode, Severity};
use crate::model::plan::PositionGroup;
use crate::model::Person;
use crate::rules::facts::{is_female, percent, PersonFacts};

pub(crate) fn run(ix: &Index, planned: &[(&Person, &PersonFacts)], out: &mut Findings) {
    let rules = ix.params;
    // The 3 age groups of each post.
    for (pos_id, list) in &ix.by_position {
        let Some(pos) = ix.position(*pos_id) else {
            continue;
        };
        if pos.group == PositionGroup::CapUy || list.len() < 2 {
            continue;
        }
        let groups: HashSet<usize> = list
            .iter()
            .filter_map(|e| ix.facts.get(&e.person_id))
            .map(|f| f.group3)
            .collect();
        let wanted = list.len().min(rules.three_age_groups.len() + 1);
        if groups.len() < wanted {
            out.push(
                Severity::Info,
                RuleCode::ThreeAgeGroups,
                None,
                Some(pos),
                json!({ "groups": groups.len(), "people": list.len() }),
                format!(
                    "Chức danh {}: {} người quy hoạch chỉ thuộc {} nhóm tuổi, chưa trải đều 3 độ tuổi.",
                    pos.name,
                    list.len(),
                    groups.len()
                ),
            );
        }
    }

    // Women and young cadres in the whole plan (regulation targets).
    if planned.is_empty() {
        return;
    }
    let women = planned.iter().filter(|(p, _)| is_female(p)).count();
    let young = planned.iter().filter(|(_, f)| f.young).count();
    for (rule, count, min, what) in [
        (
            RuleCode::WomenShare,
            women,
            rules.min_women_share,
            "cán bộ nữ".to_string(),
        ),
        (
            RuleCode::YoungShare,
            young,
            rules.min_young_share,
            format!("cán bộ trẻ dưới {} tuổi", rules.young_under()),
        ),
    ] {
        let share = count as f64 / planned.len() as f64;
        if share < min {
            out.push(
                Severity::Warning,
                rule,
                None,
                None,
                json!({ "count": count, "of": planned.len(), "ratio": share, "threshold": min }),
                format!(
                    "Tỷ lệ {} trong quy hoạch nhiệm kỳ {} là {} ({}/{}), dưới mức {}.",
                    what,
                    ix.data.term.code,
                    percent(share),
                    count,
                    planned.len(),
                    percent(min)
                ),
            );
        }
    }
}
