//! The ward's rules and targets and its position catalogue, edited in Settings.

use super::Session;
use crate::app::rules::{self, NewTarget, RulesEdit};
use crate::error::Result;
use crate::model::plan::Position;
use crate::rules::ruleset::RuleSet;
use crate::rules::targets::Target;

impl Session {
    /// Every closed list the window shows (codes and labels), the same whether a database is
    /// open or not.
    pub fn code_lists(&self) -> crate::app::codes::CodeLists {
        crate::app::codes::code_lists()
    }

    /// The rule set a term is checked against.
    pub fn rules_for_term(&self, term: &str) -> Result<RuleSet> {
        rules::rules_for(self.store()?, Some(term))
    }

    /// The term's rules as Settings shows them (labels, values as a clerk writes them).
    pub fn rules_form(&self, term: &str) -> Result<rules::RulesForm> {
        rules::rules_form(self.store()?, Some(term))
    }

    /// Saves edited parameters as a new version of the term's rule set (older versions stay, so
    /// earlier checks can be explained); returns the version the term now uses.
    pub fn save_rule_params(&mut self, term: &str, params: serde_json::Value) -> Result<RuleSet> {
        let params = match params {
            serde_json::Value::Object(m) => m,
            _ => {
                return Err(crate::CoreError::validation(
                    "params",
                    "params_object",
                    "Tham số quy định: dữ liệu gửi lên không phải danh sách tham số.",
                ))
            }
        };
        rules::save_params(
            self.store_mut()?,
            &RulesEdit {
                term: Some(term.to_string()),
                params,
                ..RulesEdit::default()
            },
        )?;
        self.rules_for_term(term)
    }

    pub fn targets(&self) -> Result<Vec<Target>> {
        rules::targets(self.store()?)
    }

    pub fn add_target(&mut self, t: NewTarget) -> Result<Vec<Target>> {
        rules::add_target(self.store_mut()?, &t)?;
        self.targets()
    }

    pub fn remove_target(&mut self, id: i64) -> Result<Vec<Target>> {
        rules::remove_target(self.store_mut()?, id)?;
        self.targets()
    }

    pub fn positions(&self) -> Result<Vec<Position>> {
        rules::positions(self.store()?)
    }

    pub fn save_position(&mut self, p: Position) -> Result<Vec<Position>> {
        rules::save_position(self.store_mut()?, &p)?;
        self.positions()
    }
}
