//! Per position: the post belongs to the term's kind, at most N people per post (committee
//! membership excepted), and the committees' plan sizes against their coefficient.

use serde_json::json;

use super::{Findings, Index, RuleCode, Severity};
use crate::model::plan::{post, PositionGroup};

pub(crate) fn run(ix: &Index, out: &mut Findings) {
    let rules = ix.params;
    let term = &ix.data.term;
    for (pos_id, list) in &ix.by_position {
        let Some(pos) = ix.position(*pos_id) else {
            continue;
        };
        if pos.term_kind != term.kind {
            out.push(
                Severity::Warning,
                RuleCode::TermKind,
                None,
                Some(pos),
                json!({ "position_term_kind": pos.term_kind.code(), "term_kind": term.kind.code() }),
                format!(
                    "Chức danh {} thuộc nhiệm kỳ {}, nhưng đang quy hoạch trong nhiệm kỳ {} ({}).",
                    pos.name,
                    pos.term_kind.label(),
                    term.code,
                    term.kind.label()
                ),
            );
        }
        let max = rules.max_people_per_position;
        if pos.group != PositionGroup::CapUy && list.len() > max {
            out.push(
                Severity::Violation,
                RuleCode::MaxPerPosition,
                None,
                Some(pos),
                json!({ "count": list.len(), "max": max }),
                format!(
                    "Chức danh {} có {} người trong quy hoạch, vượt quá {} người cho một chức danh.",
                    pos.name,
                    list.len(),
                    max
                ),
            );
        }
    }

    // Plan sizes of the committees (coefficient: warn only).
    for (code, size, coeff) in [
        (post::BCH, rules.bch_size, rules.bch_plan_coefficient),
        (post::BTV, rules.btv_size, rules.btv_plan_coefficient),
    ] {
        let Some(pos) = ix.position_by_code(code) else {
            continue;
        };
        let n = pos
            .id
            .and_then(|id| ix.by_position.get(&id))
            .map(Vec::len)
            .unwrap_or(0);
        let max = (size as f64 * coeff).floor() as usize;
        if n > max {
            out.push(
                Severity::Warning,
                RuleCode::PlanCoefficient,
                None,
                Some(pos),
                json!({ "count": n, "size": size, "coefficient": coeff, "max": max }),
                format!(
                    "Quy hoạch {} có {} người, vượt hệ số {} lần số ủy viên ({} × {} = {} người).",
                    pos.name,
                    n,
                    coeff.to_string().replace('.', ","),
                    size,
                    coeff.to_string().replace('.', ","),
                    max
                ),
            );
        }
    }
}
