//! The ballots of a conference step (DOMAIN §1.8): a tally must add up, and a step passes with
//! more than the rule set's share of its base (those summoned, or the valid ballots).

use super::ruleset::{RuleParams, VoteBase};
use crate::error::{CoreError, Result};
use crate::model::plan::VoteTally;

/// A tally that cannot be (more present than summoned, more agreeing than valid…) is refused.
pub fn validate_tally(v: &VoteTally) -> Result<()> {
    if v.present > v.summoned || v.returned > v.issued || v.valid > v.returned || v.agree > v.valid
    {
        return Err(CoreError::validation(
            "votes",
            "vote_tally",
            format!(
                "Kết quả phiếu không hợp lý: triệu tập {}, có mặt {}, phát ra {}, thu về {}, hợp lệ {}, đồng ý {}.",
                v.summoned, v.present, v.issued, v.returned, v.valid, v.agree
            ),
        ));
    }
    Ok(())
}

/// The outcome of a tally under the rule set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VoteOutcome {
    /// The count the share is taken of.
    pub base: u32,
    /// What that count is, in words ("số người được triệu tập").
    pub base_name: &'static str,
    /// Agreeing ballots over the base (0 when the base is 0).
    pub share: f64,
    /// More than the threshold (strict).
    pub passed: bool,
}

pub fn outcome(v: &VoteTally, rules: &RuleParams) -> VoteOutcome {
    let (base, base_name) = match rules.vote_base {
        VoteBase::Summoned => (v.summoned, "số người được triệu tập"),
        VoteBase::Valid => (v.valid, "số phiếu hợp lệ"),
    };
    let share = if base == 0 {
        0.0
    } else {
        v.agree as f64 / base as f64
    };
    VoteOutcome {
        base,
        base_name,
        share,
        passed: share > rules.vote_pass_share,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(summoned: u32, valid: u32, agree: u32) -> VoteTally {
        VoteTally {
            summoned,
            present: summoned,
            issued: summoned,
            returned: valid,
            valid,
            agree,
        }
    }

    #[test]
    fn exactly_half_fails_and_the_base_is_a_parameter() {
        let rules = RuleParams::default();
        assert!(!outcome(&tally(30, 30, 15), &rules).passed);
        assert!(outcome(&tally(30, 30, 16), &rules).passed);
        let valid = RuleParams {
            vote_base: VoteBase::Valid,
            ..RuleParams::default()
        };
        assert!(!outcome(&tally(33, 28, 15), &rules).passed);
        assert!(outcome(&tally(33, 28, 15), &valid).passed);
        assert!(validate_tally(&tally(30, 30, 31)).is_err());
    }
}
