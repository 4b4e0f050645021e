//! Queries of the planning catalogue: terms, positions, rule sets (versions) and targets.

use rusqlite::{OptionalExtension, Row};

use super::{audit, Store};
use crate::error::{CoreError, Result};
use crate::model::plan::{Position, PositionGroup, Term, TermKind};
use crate::model::PartialDate;
use crate::model::YearMonth;
use crate::rules::ruleset::{RuleParams, RuleSet};
use crate::rules::targets::{Indicator, Target};
use crate::text::clean;

fn conv(idx: usize, msg: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, msg.into())
}

fn term_from(r: &Row) -> rusqlite::Result<Term> {
    let kind: String = r.get(2)?;
    let ym: String = r.get(5)?;
    Ok(Term {
        id: Some(r.get(0)?),
        code: r.get(1)?,
        kind: TermKind::from_code(&kind).ok_or_else(|| conv(2, kind))?,
        start_year: r.get(3)?,
        end_year: r.get(4)?,
        reference_month: YearMonth::parse(&ym).ok_or_else(|| conv(5, ym))?,
        rule_set_id: r.get(6)?,
    })
}

fn position_from(r: &Row) -> rusqlite::Result<Position> {
    let grp: String = r.get(4)?;
    let kind: String = r.get(6)?;
    let aliases: String = r.get(8)?;
    Ok(Position {
        id: Some(r.get(0)?),
        code: r.get(1)?,
        name: r.get(2)?,
        rank: r.get(3)?,
        group: PositionGroup::from_code(&grp).ok_or_else(|| conv(4, grp))?,
        level: r.get(5)?,
        term_kind: TermKind::from_code(&kind).ok_or_else(|| conv(6, kind))?,
        key: r.get(7)?,
        aliases: aliases
            .split('|')
            .filter(|a| !a.is_empty())
            .map(String::from)
            .collect(),
        active: r.get(9)?,
        seats: r.get(10)?,
        managing_body: r.get(11)?,
        approving_body: r.get(12)?,
    })
}

fn bad(field: &str, rule: &str, msg: String) -> CoreError {
    CoreError::validation(field, rule, msg)
}

impl Store {
    /// Adds a term (its code and years checked by `app::plan::add_term`); refused when a term of
    /// that code is already there.
    pub fn add_term(&mut self, term: &Term) -> Result<i64> {
        let code = clean(&term.code);
        if self.term(&code).is_ok() {
            return Err(bad(
                "code",
                "duplicate_term",
                format!("Nhiệm kỳ {code} đã có."),
            ));
        }
        let r = term.reference_month;
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO term (code, kind, start_year, end_year, reference_month, rule_set_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            (&code, term.kind.code(), term.start_year, term.end_year, format!("{:04}-{:02}", r.year, r.month), term.rule_set_id),
        )?;
        let id = tx.last_insert_rowid();
        let mut saved = term.clone();
        saved.id = Some(id);
        saved.code = code;
        audit::write(&tx, "term", Some(id), "create", None, Some(&saved))?;
        tx.commit()?;
        Ok(id)
    }

    pub fn terms(&self) -> Result<Vec<Term>> {
        let mut st = self.conn().prepare(
            "SELECT id, code, kind, start_year, end_year, reference_month, rule_set_id FROM term ORDER BY start_year, kind",
        )?;
        let rows = st.query_map([], term_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn term(&self, code: &str) -> Result<Term> {
        self.conn()
            .query_row(
                "SELECT id, code, kind, start_year, end_year, reference_month, rule_set_id FROM term WHERE code = ?1",
                [clean(code)],
                term_from,
            )
            .optional()?
            .ok_or_else(|| CoreError::not_found("term", format!("Không có nhiệm kỳ “{code}”: hãy thêm nhiệm kỳ này trước.")))
    }

    pub fn positions(&self) -> Result<Vec<Position>> {
        let mut st = self.conn().prepare(
            "SELECT id, code, name, rank, grp, level, term_kind, is_key, aliases, active, seats, managing_body, approving_body FROM position ORDER BY rank DESC, id",
        )?;
        let rows = st.query_map([], position_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn position(&self, code: &str) -> Result<Position> {
        self.positions()?
            .into_iter()
            .find(|p| p.code == clean(code))
            .ok_or_else(|| {
                CoreError::not_found(
                    "position",
                    format!("Không có chức danh mã “{code}” trong danh mục."),
                )
            })
    }

    /// Adds a position, or replaces the one with the same code (checked by
    /// `app::rules::save_position`).
    pub fn save_position(&mut self, position: &Position) -> Result<i64> {
        let code = clean(&position.code);
        let name = clean(&position.name);
        let old = self.position(&code).ok();
        let aliases = position
            .aliases
            .iter()
            .map(|a| clean(a))
            .collect::<Vec<_>>()
            .join("|");
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO position (code, name, rank, grp, level, term_kind, is_key, aliases, active, seats)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, rank = excluded.rank, grp = excluded.grp,
               level = excluded.level, term_kind = excluded.term_kind, is_key = excluded.is_key,
               aliases = excluded.aliases, active = excluded.active, seats = excluded.seats",
            (
                &code,
                &name,
                position.rank,
                position.group.code(),
                clean(&position.level),
                position.term_kind.code(),
                position.key,
                aliases,
                position.active,
                position.seats,
            ),
        )?;
        let id: i64 = tx.query_row("SELECT id FROM position WHERE code = ?1", [&code], |r| {
            r.get(0)
        })?;
        tx.execute(
            "UPDATE position SET managing_body = ?1, approving_body = ?2 WHERE id = ?3",
            (
                clean(&position.managing_body),
                clean(&position.approving_body),
                id,
            ),
        )?;
        let mut saved = position.clone();
        saved.id = Some(id);
        let action = if old.is_some() { "update" } else { "create" };
        audit::write(
            &tx,
            "position",
            Some(id),
            action,
            old.as_ref(),
            Some(&saved),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Stores a new version of the rules (the old ones stay for earlier terms).
    pub fn add_rule_set(&mut self, rules: &RuleSet) -> Result<i64> {
        rules.params.validate()?;
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO rule_set (name, effective_from, params, created_at) VALUES (?1, ?2, ?3, ?4)",
            (
                clean(&rules.name),
                rules.effective_from.to_iso(),
                serde_json::to_string(&rules.params)?,
                chrono::Local::now().to_rfc3339(),
            ),
        )?;
        let id = tx.last_insert_rowid();
        audit::write(&tx, "rule_set", Some(id), "create", None, Some(rules))?;
        tx.commit()?;
        Ok(id)
    }

    pub fn rule_sets(&self) -> Result<Vec<RuleSet>> {
        let mut st = self.conn().prepare(
            "SELECT id, name, effective_from, params FROM rule_set ORDER BY effective_from, id",
        )?;
        let rows = st.query_map([], |r| {
            let eff: String = r.get(2)?;
            let params: String = r.get(3)?;
            Ok(RuleSet {
                id: Some(r.get(0)?),
                name: r.get(1)?,
                effective_from: PartialDate::parse(&eff).map_err(|e| conv(2, e.0))?,
                params: serde_json::from_str::<RuleParams>(&params)
                    .map_err(|e| conv(3, e.to_string()))?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The rules of a term: its pinned set, else the newest version in force at its reference month.
    pub fn rules_for(&self, term: &Term) -> Result<RuleSet> {
        let all = self.rule_sets()?;
        let pinned = term
            .rule_set_id
            .and_then(|id| all.iter().find(|r| r.id == Some(id)).cloned());
        let at = term.reference_month.last_day();
        pinned
            .or_else(|| {
                all.iter()
                    .rev()
                    .find(|r| r.effective_from.earliest() <= at)
                    .cloned()
            })
            .or_else(|| all.first().cloned())
            .ok_or_else(|| CoreError::not_found("rule_set", "Chưa có bộ quy định nào."))
    }

    pub(crate) fn ensure_default_rule_sets(&mut self) -> Result<()> {
        let n: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM rule_set", [], |r| r.get(0))?;
        if n == 0 {
            self.add_rule_set(&RuleSet::qd50())?;
            self.add_rule_set(&RuleSet::qd377())?;
        }
        Ok(())
    }

    /// Adds a target (checked by `app::rules::add_target`).
    pub fn add_target(&mut self, t: &Target) -> Result<i64> {
        let body = clean(&t.body);
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO target (body, indicator, threshold, strict, age_under, year, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            (&body, t.indicator.code(), t.threshold, t.strict, t.age_under, t.year, clean(&t.source)),
        )?;
        let id = tx.last_insert_rowid();
        audit::write(&tx, "target", Some(id), "create", None, Some(t))?;
        tx.commit()?;
        Ok(id)
    }

    pub fn targets(&self) -> Result<Vec<Target>> {
        let mut st = self
            .conn()
            .prepare("SELECT id, body, indicator, threshold, strict, age_under, year, source FROM target ORDER BY year, id")?;
        let rows = st.query_map([], |r| {
            let ind: String = r.get(2)?;
            Ok(Target {
                id: Some(r.get(0)?),
                body: r.get(1)?,
                indicator: Indicator::from_code(&ind).ok_or_else(|| conv(2, ind))?,
                threshold: r.get(3)?,
                strict: r.get(4)?,
                age_under: r.get(5)?,
                year: r.get(6)?,
                source: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn remove_target(&mut self, id: i64) -> Result<()> {
        let old = self.targets()?.into_iter().find(|t| t.id == Some(id));
        let Some(old) = old else {
            return Err(CoreError::not_found(
                "id",
                format!("Không có chỉ tiêu mã số {id}."),
            ));
        };
        let tx = self.tx()?;
        tx.execute("DELETE FROM target WHERE id = ?1", [id])?;
        audit::write(&tx, "target", Some(id), "delete", Some(&old), None)?;
        tx.commit()?;
        Ok(())
    }
}
