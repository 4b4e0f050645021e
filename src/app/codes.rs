//! Every closed list the window shows, served by the core: each code with its Vietnamese label,
//! so the window holds no copy of a code or a label (a test reads `ui/js` to keep it so). The
//! lists are the enums' own (`ALL`, `code()`, `label()`), in their order.

use serde::Serialize;

use crate::docs::DocKind;
use crate::import::ProblemLevel;
use crate::model::plan::{body, post, PlanStep, RemovalReason, TermKind};
use crate::model::programme::{
    GraduationClass, MemberStage, MovementKind, OutcomeKind, ProgrammeRecordKind,
};
use crate::model::{
    PoliticalTheory, ProfessionalLevel, RatingLevel, RecordKind, Sex, StateManagement, Status,
};
use crate::report::ExportKind;
use crate::rules::codes::{RuleCode, Severity};
use crate::rules::eligibility::Verdict;
use crate::rules::forecast::{CellStatus, StructureIndicator};
use crate::rules::ruleset::{UnitLevel, VoteBase, PARAMS};
use crate::rules::steps::step_allowed;
use crate::rules::targets::Indicator;

/// One entry of a closed list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Code {
    pub code: &'static str,
    pub label: &'static str,
}

/// A kind of file the window saves: its code and label, the start of the file name it suggests,
/// and whether it takes a number from the register (a Tờ trình, a Báo cáo; not a list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileKind {
    pub code: &'static str,
    pub label: &'static str,
    pub file: &'static str,
    pub numbered: bool,
}

/// The closed lists of the window, each as [{code, label}] in the order to show.
#[derive(Debug, Clone, Serialize)]
pub struct CodeLists {
    pub sexes: Vec<Code>,
    pub statuses: Vec<Code>,
    pub professional_levels: Vec<Code>,
    pub political_theory_levels: Vec<Code>,
    pub state_management_levels: Vec<Code>,
    pub rating_levels: Vec<Code>,
    /// The ratings a rule set may ask as the minimum (not "không hoàn thành").
    pub min_rating_levels: Vec<Code>,
    pub record_kinds: Vec<Code>,
    pub term_kinds: Vec<Code>,
    pub plan_steps: Vec<Code>,
    /// The steps an entry may start with (đề xuất, bổ sung).
    pub first_steps: Vec<Code>,
    /// The steps that may follow another.
    pub next_steps: Vec<Code>,
    /// What the yearly review decides for a planned person (tiếp tục, đưa ra).
    pub review_actions: Vec<Code>,
    pub removal_reasons: Vec<Code>,
    pub severities: Vec<Code>,
    /// How an import problem weighs on its row (lỗi / lưu ý).
    pub import_levels: Vec<Code>,
    pub rules: Vec<Code>,
    pub verdicts: Vec<Code>,
    /// What a target measures (one wording each).
    pub indicators: Vec<Code>,
    /// The indicators that count people rather than give a share.
    pub count_indicators: Vec<Code>,
    /// The bodies a target may be set for, besides a post of the catalogue.
    pub target_bodies: Vec<Code>,
    pub unit_levels: Vec<Code>,
    pub vote_bases: Vec<Code>,
    /// The parameters of the rule set: label, editor and the list a choice draws on.
    pub rule_params: Vec<Code>,
    pub graduation_classes: Vec<Code>,
    pub member_stages: Vec<Code>,
    pub outcomes: Vec<Code>,
    /// What became of a participant, as the form asks: an outcome, or left the programme.
    pub outcome_choices: Vec<Code>,
    pub movement_kinds: Vec<Code>,
    /// What is recorded of a programme's participant (đào tạo, đánh giá).
    pub programme_record_kinds: Vec<Code>,
    /// How a post stands in a year of the succession forecast (đỏ, vàng, xanh).
    pub forecast_statuses: Vec<Code>,
    /// What a line of the forecast's structure measures.
    pub forecast_indicators: Vec<Code>,
    /// The documents of a term's plan the Documents screen issues.
    pub doc_kinds: Vec<FileKind>,
    /// The workbooks the Excel card saves.
    pub export_kinds: Vec<FileKind>,
}

macro_rules! list {
    ($t:ty) => {
        list!($t, |_| true)
    };
    ($t:ty, $keep:expr) => {
        <$t>::ALL
            .iter()
            .copied()
            .filter($keep)
            .map(|x| Code {
                code: x.code(),
                label: x.label(),
            })
            .collect::<Vec<Code>>()
    };
}

/// The lists (the same for every ward and every database: nothing to open first).
pub fn code_lists() -> CodeLists {
    CodeLists {
        sexes: list!(Sex),
        statuses: list!(Status),
        professional_levels: list!(ProfessionalLevel),
        political_theory_levels: list!(PoliticalTheory),
        state_management_levels: list!(StateManagement),
        rating_levels: list!(RatingLevel),
        min_rating_levels: list!(RatingLevel, |r: &RatingLevel| *r != RatingLevel::Kht),
        record_kinds: list!(RecordKind),
        term_kinds: list!(TermKind),
        plan_steps: list!(PlanStep),
        first_steps: list!(PlanStep, |s: &PlanStep| step_allowed(None, *s)),
        next_steps: list!(PlanStep, |s: &PlanStep| PlanStep::ALL
            .iter()
            .any(|p| step_allowed(Some(*p), *s))),
        review_actions: list!(PlanStep, |s: &PlanStep| matches!(
            s,
            PlanStep::Continued | PlanStep::Removed
        )),
        removal_reasons: list!(RemovalReason),
        severities: list!(Severity),
        import_levels: list!(ProblemLevel),
        rules: list!(RuleCode),
        verdicts: list!(Verdict),
        indicators: list!(Indicator),
        count_indicators: list!(Indicator, |i: &Indicator| i.is_count()),
        target_bodies: [
            (post::BCH, "Ban Chấp hành"),
            (post::BTV, "Ban Thường vụ"),
            (post::UBKT, "Ủy ban Kiểm tra"),
            (body::KEY, "Cán bộ chủ chốt"),
            (body::ALL, "Toàn bộ quy hoạch"),
        ]
        .into_iter()
        .map(|(code, label)| Code { code, label })
        .collect(),
        unit_levels: list!(UnitLevel),
        vote_bases: list!(VoteBase),
        rule_params: PARAMS
            .iter()
            .map(|p| Code {
                code: p.key,
                label: p.label,
            })
            .collect(),
        graduation_classes: list!(GraduationClass),
        member_stages: list!(MemberStage),
        outcomes: list!(OutcomeKind),
        outcome_choices: list!(OutcomeKind)
            .into_iter()
            .chain(list!(MemberStage, |s: &MemberStage| *s == MemberStage::Left))
            .collect(),
        movement_kinds: list!(MovementKind),
        programme_record_kinds: list!(ProgrammeRecordKind),
        forecast_statuses: list!(CellStatus),
        forecast_indicators: list!(StructureIndicator),
        doc_kinds: DocKind::ALL
            .iter()
            .filter(|k| k.needs_term())
            .map(|k| FileKind {
                code: k.code(),
                label: k.label(),
                file: k.file_name(),
                numbered: k.type_code().is_some(),
            })
            .collect(),
        export_kinds: ExportKind::ALL
            .iter()
            .map(|k| FileKind {
                code: k.code(),
                label: k.label(),
                file: k.file_name(),
                numbered: false,
            })
            .collect(),
    }
}

impl CodeLists {
    /// Every code of every list (what the window must not hold a copy of).
    pub fn all_codes(&self) -> Vec<&'static str> {
        // Named one by one, so that a new list cannot be left out.
        let CodeLists {
            sexes,
            statuses,
            professional_levels,
            political_theory_levels,
            state_management_levels,
            rating_levels,
            min_rating_levels,
            record_kinds,
            term_kinds,
            plan_steps,
            first_steps,
            next_steps,
            review_actions,
            removal_reasons,
            severities,
            import_levels,
            rules,
            verdicts,
            indicators,
            count_indicators,
            target_bodies,
            unit_levels,
            vote_bases,
            graduation_classes,
            member_stages,
            outcomes,
            outcome_choices,
            movement_kinds,
            rule_params,
            programme_record_kinds,
            forecast_statuses,
            forecast_indicators,
            doc_kinds,
            export_kinds,
        } = self;
        let mut out: Vec<&'static str> = [
            sexes,
            statuses,
            professional_levels,
            political_theory_levels,
            state_management_levels,
            rating_levels,
            min_rating_levels,
            record_kinds,
            term_kinds,
            plan_steps,
            first_steps,
            next_steps,
            review_actions,
            removal_reasons,
            severities,
            import_levels,
            rules,
            verdicts,
            indicators,
            count_indicators,
            target_bodies,
            unit_levels,
            vote_bases,
            graduation_classes,
            member_stages,
            outcomes,
            outcome_choices,
            movement_kinds,
            programme_record_kinds,
            forecast_statuses,
            forecast_indicators,
        ]
        .into_iter()
        .flat_map(|l| l.iter().map(|c| c.code))
        .chain(rule_params.iter().map(|p| p.code))
        .chain(doc_kinds.iter().chain(export_kinds).map(|k| k.code))
        .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_labelled_and_follow_the_rules() {
        let l = code_lists();
        let codes = |v: &[Code]| v.iter().map(|c| c.code).collect::<Vec<_>>();
        assert_eq!(codes(&l.first_steps), ["de_xuat", "bo_sung"]);
        assert!(!codes(&l.next_steps).contains(&"de_xuat"));
        assert_eq!(codes(&l.review_actions), ["tiep_tuc", "dua_ra"]);
        assert_eq!(codes(&l.count_indicators), ["so_nu"]);
        assert_eq!(codes(&l.min_rating_levels), ["HTXS", "HTT", "HT"]);
        assert_eq!(codes(&l.verdicts), ["du_dieu_kien", "can_luu_y", "chua_du"]);
        assert_eq!(codes(&l.forecast_statuses), ["do", "vang", "xanh"]);
        let all = l.all_codes();
        for c in [
            "de_xuat",
            "qua_tuoi",
            "min_women_share",
            "HTT",
            "so_nu",
            "vi_pham",
        ] {
            assert!(all.contains(&c), "{c}");
        }
        for list in [&l.sexes, &l.indicators, &l.target_bodies, &l.unit_levels] {
            assert!(list
                .iter()
                .all(|c| !c.label.is_empty() && c.label != c.code));
        }
        let served = serde_json::to_value(&l).unwrap();
        // A list's name is never one of the codes (the window names lists in its code).
        for name in served.as_object().unwrap().keys() {
            assert!(!all.contains(&name.as_str()), "{name}");
        }
    }
}
