//! The ward's rules and targets and its position catalogue, edited in Settings.

use super::Session;
use crate::error::{CoreError, Result};
use crate::model::plan::Position;
use crate::rules::ruleset::{RuleParams, RuleSet};
use crate::rules::targets::Target;

impl Session {
    /// The rule set a term is checked against.
    pub fn rules_for_term(&self, term: &str) -> Result<RuleSet> {
        let s = self.store()?;
        s.rules_for(&s.term(term)?)
    }

    /// Saves edited parameters as a new version of the term's rule set (older versions stay, so
    /// earlier checks can be explained); returns the new version.
    pub fn save_rule_params(&mut self, term: &str, params: serde_json::Value) -> Result<RuleSet> {
        let current = self.rules_for_term(term)?;
        let params: RuleParams = serde_json::from_value(params).map_err(|e| {
            CoreError::validation("params", "invalid", format!("Tham số quy định: {e}"))
        })?;
        let s = self.store_mut()?;
        let new = RuleSet {
            id: None,
            name: format!(
                "{} (sửa đổi {})",
                current
                    .name
                    .split(" (sửa đổi")
                    .next()
                    .unwrap_or(&current.name),
                s.today().format("%d/%m/%Y")
            ),
            effective_from: current.effective_from,
            params,
        };
        s.add_rule_set(&new)?;
        self.rules_for_term(term)
    }

    pub fn targets(&self) -> Result<Vec<Target>> {
        self.store()?.targets()
    }

    pub fn add_target(&mut self, t: Target) -> Result<Vec<Target>> {
        self.store_mut()?.add_target(&t)?;
        self.targets()
    }

    pub fn remove_target(&mut self, id: i64) -> Result<Vec<Target>> {
        self.store_mut()?.remove_target(id)?;
        self.targets()
    }

    pub fn positions(&self) -> Result<Vec<Position>> {
        self.store()?.positions()
    }

    pub fn save_position(&mut self, p: Position) -> Result<Vec<Position>> {
        self.store_mut()?.save_position(&p)?;
        self.positions()
    }
}
