//! Queries of the source programmes (đề án tạo nguồn): the programme, its participants and
//! their trainings, evaluations and outcomes; the saved criteria sets of the young-cadre list;
//! and the rotation events of people (luân chuyển, điều động, tăng cường). Apart from plan
//! entries: a programme is not a plan.
//!
//! Queries only: the values are checked by `app::programmes` (and `app::young`), and the stage a
//! participant may take next is decided by `rules::programme`, before these are called.

use rusqlite::{OptionalExtension, Row};

use super::plan::bad;
use super::{audit, Store};
use crate::error::{CoreError, Result};
use crate::model::plan::{Programme, ProgrammeMember, ProgrammeRecord};
use crate::model::programme::{
    CriteriaSet, MemberStage, Movement, MovementKind, NewProgramme, Outcome, OutcomeKind,
    ProgrammeSummary,
};
use crate::model::{PartialDate, RatingLevel};
use crate::text::clean;

fn opt_date(s: Option<String>) -> Option<PartialDate> {
    s.and_then(|s| PartialDate::parse(&s).ok())
}

fn iso(d: &Option<PartialDate>) -> Option<String> {
    d.as_ref().map(PartialDate::to_iso)
}

fn movement_from(r: &Row) -> rusqlite::Result<Movement> {
    let kind: String = r.get(2)?;
    let date: String = r.get(7)?;
    Ok(Movement {
        id: Some(r.get(0)?),
        person_id: r.get(1)?,
        kind: MovementKind::from_code(&kind).unwrap_or(MovementKind::Transfer),
        from_title: r.get(3)?,
        from_org: r.get(4)?,
        to_title: r.get(5)?,
        to_org: r.get(6)?,
        date: PartialDate::parse(&date).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(7, rusqlite::types::Type::Text, e.0.into())
        })?,
        end_date: opt_date(r.get(8)?),
        decision_no: r.get(9)?,
        note: r.get(10)?,
        decision_date: opt_date(r.get(11)?),
    })
}

impl Store {
    /// A programme with only a name, a decision and its years (the first CLI form).
    pub fn add_programme(
        &mut self,
        name: &str,
        decision_no: &str,
        start_year: i32,
        end_year: i32,
    ) -> Result<i64> {
        self.create_programme(&NewProgramme {
            name: name.into(),
            decision_no: decision_no.into(),
            start_year,
            end_year,
            ..Default::default()
        })
    }

    /// Creates a programme with its deciding body, posts and criteria (checked by
    /// `app::programmes`); returns its id.
    pub fn create_programme(&mut self, p: &NewProgramme) -> Result<i64> {
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO programme (name, decision_no, start_year, end_year, deciding_body, decision_date, posts, criteria)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            (
                clean(&p.name),
                clean(&p.decision_no),
                p.start_year,
                p.end_year,
                clean(&p.deciding_body),
                iso(&p.decision_date),
                p.posts.join("|"),
                serde_json::to_string(&p.criteria)?,
            ),
        )?;
        let id = tx.last_insert_rowid();
        audit::write(&tx, "programme", Some(id), "create", None, Some(p))?;
        tx.commit()?;
        Ok(id)
    }

    /// Changes a programme's details (name, decision, period, posts, criteria); its participants
    /// and their records stay as they are.
    pub fn update_programme(&mut self, id: i64, p: &NewProgramme) -> Result<()> {
        let old = self.programme(id)?;
        let tx = self.tx()?;
        tx.execute(
            "UPDATE programme SET name = ?1, decision_no = ?2, start_year = ?3, end_year = ?4,
               deciding_body = ?5, decision_date = ?6, posts = ?7, criteria = ?8 WHERE id = ?9",
            (
                clean(&p.name),
                clean(&p.decision_no),
                p.start_year,
                p.end_year,
                clean(&p.deciding_body),
                iso(&p.decision_date),
                p.posts.join("|"),
                serde_json::to_string(&p.criteria)?,
                id,
            ),
        )?;
        audit::write(
            &tx,
            "programme",
            Some(id),
            "update",
            Some(&serde_json::to_value(&old)?),
            Some(&serde_json::to_value(p)?),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes a programme (whether it may go is decided by `rules::programme::may_delete`).
    pub fn delete_programme(&mut self, id: i64) -> Result<()> {
        let old = self.programme(id)?;
        let tx = self.tx()?;
        tx.execute("DELETE FROM programme WHERE id = ?1", [id])?;
        audit::write::<Programme>(&tx, "programme", Some(id), "delete", Some(&old), None)?;
        tx.commit()?;
        Ok(())
    }

    /// Every programme, newest first.
    pub fn programmes(&self) -> Result<Vec<ProgrammeSummary>> {
        let mut st = self.conn().prepare(
            "SELECT g.id, g.name, g.decision_no, g.start_year, g.end_year,
                    (SELECT count(*) FROM programme_member m WHERE m.programme_id = g.id)
             FROM programme g ORDER BY g.start_year DESC, g.id DESC",
        )?;
        let rows = st.query_map([], |r| {
            Ok(ProgrammeSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                decision_no: r.get(2)?,
                start_year: r.get(3)?,
                end_year: r.get(4)?,
                members: r.get::<_, i64>(5)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn add_member(
        &mut self,
        programme_id: i64,
        person_id: i64,
        selected_on: &PartialDate,
        stage: MemberStage,
    ) -> Result<()> {
        self.programme(programme_id)?;
        let person = self.person(person_id)?;
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO programme_member (programme_id, person_id, selected_on, stage) VALUES (?1, ?2, ?3, ?4)",
            (programme_id, person_id, selected_on.to_iso(), stage.code()),
        )
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                bad("person", "already_in_programme", format!("{} đã có trong đề án.", person.full_name))
            }
            e => e.into(),
        })?;
        audit::write(
            &tx,
            "programme",
            Some(programme_id),
            "update",
            None,
            Some(&serde_json::json!({"member": person_id, "stage": stage.code()})),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Selects a person straight into a programme (an approved participant).
    pub fn enrol(
        &mut self,
        programme_id: i64,
        person_id: i64,
        selected_on: &PartialDate,
    ) -> Result<()> {
        self.add_member(programme_id, person_id, selected_on, MemberStage::Approved)
    }

    /// Proposes a person for the programme's list (not yet approved). The criteria are judged by
    /// the caller (`app::programmes::propose`).
    pub fn propose_member(
        &mut self,
        programme_id: i64,
        person_id: i64,
        proposed_on: &PartialDate,
    ) -> Result<()> {
        self.add_member(programme_id, person_id, proposed_on, MemberStage::Proposed)
    }

    /// Records the decision approving the list (its number already checked): every proposed
    /// participant becomes approved. Returns how many were approved.
    pub fn approve_programme_list(
        &mut self,
        programme_id: i64,
        decision_no: &str,
        date: &PartialDate,
    ) -> Result<usize> {
        let decision_no = clean(decision_no);
        let tx = self.tx()?;
        tx.execute(
            "UPDATE programme SET approval_no = ?1, approval_date = ?2 WHERE id = ?3",
            (&decision_no, date.to_iso(), programme_id),
        )?;
        let approved = tx.execute(
            "UPDATE programme_member SET stage = 'phe_duyet' WHERE programme_id = ?1 AND stage = 'de_xuat'",
            [programme_id],
        )?;
        audit::write(
            &tx,
            "programme",
            Some(programme_id),
            "update",
            None,
            Some(&serde_json::json!({"approval_no": decision_no, "approval_date": date.to_iso()})),
        )?;
        tx.commit()?;
        Ok(approved)
    }

    /// Where a participant stands in a programme.
    pub fn programme_member_stage(&self, programme_id: i64, person_id: i64) -> Result<MemberStage> {
        Ok(self.member_row(programme_id, person_id)?.1)
    }

    fn member_row(&self, programme_id: i64, person_id: i64) -> Result<(i64, MemberStage)> {
        let (id, stage): (i64, String) = self
            .conn()
            .query_row(
                "SELECT id, stage FROM programme_member WHERE programme_id = ?1 AND person_id = ?2",
                (programme_id, person_id),
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| {
                bad(
                    "person",
                    "not_in_programme",
                    format!("Người mã số {person_id} chưa có trong đề án số {programme_id}."),
                )
            })?;
        Ok((
            id,
            MemberStage::from_code(&stage).unwrap_or(MemberStage::Approved),
        ))
    }

    /// Records a training ("dao_tao") or an evaluation ("danh_gia") of a participant (checked
    /// by `app::programmes::add_record`, its stage by `rules::programme::may_record`).
    pub fn add_programme_record(
        &mut self,
        programme_id: i64,
        person_id: i64,
        rec: &ProgrammeRecord,
    ) -> Result<()> {
        let (member, _) = self.member_row(programme_id, person_id)?;
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO programme_record (member_id, kind, date, content, result, institution, date_to, certificate, rating)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            (
                member,
                &rec.kind,
                rec.date.to_iso(),
                clean(&rec.content),
                clean(&rec.result),
                clean(&rec.institution),
                iso(&rec.to),
                clean(&rec.certificate),
                rec.rating.map(|r| r.code()),
            ),
        )?;
        audit::write(
            &tx,
            "programme",
            Some(programme_id),
            "update",
            None,
            Some(rec),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records what became of an approved participant and the stage it puts them in (decided
    /// by `rules::programme::outcome_stage`). The post is written to the person's positions by
    /// the caller (`app::programmes::set_outcome`).
    pub fn set_programme_outcome(
        &mut self,
        programme_id: i64,
        person_id: i64,
        new_stage: MemberStage,
        outcome: &Outcome,
    ) -> Result<()> {
        let (member, _) = self.member_row(programme_id, person_id)?;
        let tx = self.tx()?;
        tx.execute(
            "UPDATE programme_member SET stage = ?1, outcome_kind = ?2, outcome_post = ?3, outcome_date = ?4,
               outcome_decision = ?5, outcome_reason = ?6 WHERE id = ?7",
            (
                new_stage.code(),
                outcome.kind.map(|k| k.code()).unwrap_or_default(),
                clean(&outcome.post),
                outcome.date.to_iso(),
                clean(&outcome.decision_no),
                clean(&outcome.reason),
                member,
            ),
        )?;
        audit::write(
            &tx,
            "programme",
            Some(programme_id),
            "update",
            None,
            Some(outcome),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn programme(&self, id: i64) -> Result<Programme> {
        type Head = (
            String,
            String,
            i32,
            i32,
            String,
            Option<String>,
            String,
            String,
            String,
            Option<String>,
        );
        let h: Head = self
            .conn()
            .query_row(
                "SELECT name, decision_no, start_year, end_year, deciding_body, decision_date, posts, criteria,
                        approval_no, approval_date FROM programme WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                        r.get(9)?,
                    ))
                },
            )
            .optional()?
            .ok_or_else(|| CoreError::not_found("programme", format!("Không có đề án số {id}.")))?;
        type MemberRow = (
            i64,
            i64,
            String,
            String,
            String,
            String,
            String,
            Option<String>,
            String,
            String,
        );
        let mut st = self.conn().prepare(
            "SELECT m.id, m.person_id, p.full_name, m.selected_on, m.stage, m.outcome_kind, m.outcome_post,
                    m.outcome_date, m.outcome_decision, m.outcome_reason
             FROM programme_member m JOIN person p ON p.id = m.person_id
             WHERE m.programme_id = ?1 ORDER BY p.sort_key",
        )?;
        let members: Vec<MemberRow> = st
            .query_map([id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for (mid, person_id, full_name, sel, stage, okind, opost, odate, odec, oreason) in members {
            let mut st = self.conn().prepare(
                "SELECT kind, date, content, result, institution, date_to, certificate, rating
                 FROM programme_record WHERE member_id = ?1 ORDER BY date, id",
            )?;
            type RecRow = (
                String,
                String,
                String,
                String,
                String,
                Option<String>,
                String,
                Option<String>,
            );
            let records: Vec<RecRow> = st
                .query_map([mid], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                    ))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let stage = MemberStage::from_code(&stage).unwrap_or(MemberStage::Approved);
            let outcome = match (stage, opt_date(odate)) {
                (MemberStage::Placed | MemberStage::Left, Some(date)) => Some(Outcome {
                    kind: OutcomeKind::from_code(&okind),
                    post: opost,
                    date,
                    decision_no: odec,
                    reason: oreason,
                }),
                _ => None,
            };
            out.push(ProgrammeMember {
                person_id,
                full_name,
                selected_on: PartialDate::parse(&sel)
                    .map_err(|e| bad("selected_on", "stored_value", e.0))?,
                records: records
                    .into_iter()
                    .map(
                        |(kind, date, content, result, institution, to, certificate, rating)| {
                            Ok(ProgrammeRecord {
                                kind,
                                date: PartialDate::parse(&date)
                                    .map_err(|e| bad("date", "stored_value", e.0))?,
                                content,
                                result,
                                institution,
                                to: opt_date(to),
                                certificate,
                                rating: rating.as_deref().and_then(RatingLevel::from_code),
                            })
                        },
                    )
                    .collect::<Result<_>>()?,
                stage,
                outcome,
            });
        }
        let (
            name,
            decision_no,
            start_year,
            end_year,
            deciding_body,
            ddate,
            posts,
            criteria,
            ano,
            adate,
        ) = h;
        Ok(Programme {
            id,
            name,
            decision_no,
            start_year,
            end_year,
            members: out,
            deciding_body,
            decision_date: opt_date(ddate),
            posts: posts
                .split('|')
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
            criteria: serde_json::from_str(&criteria).unwrap_or_default(),
            approval_no: ano,
            approval_date: opt_date(adate),
        })
    }

    /// Saves a named criteria set (replacing the one of the same name; its name checked by
    /// `app::young::save_set`); returns its id.
    pub fn save_criteria_set(&mut self, set: &CriteriaSet) -> Result<i64> {
        let name = clean(&set.name);
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO criteria_set (name, criteria) VALUES (?1, ?2)
             ON CONFLICT (name) DO UPDATE SET criteria = excluded.criteria",
            (&name, serde_json::to_string(&set.criteria)?),
        )?;
        let id: i64 = tx.query_row(
            "SELECT id FROM criteria_set WHERE name = ?1",
            [&name],
            |r| r.get(0),
        )?;
        audit::write(&tx, "criteria_set", Some(id), "update", None, Some(set))?;
        tx.commit()?;
        Ok(id)
    }

    pub fn criteria_sets(&self) -> Result<Vec<CriteriaSet>> {
        let mut st = self
            .conn()
            .prepare("SELECT id, name, criteria FROM criteria_set ORDER BY name")?;
        let rows: Vec<(i64, String, String)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter()
            .map(|(id, name, c)| {
                Ok(CriteriaSet {
                    id: Some(id),
                    name,
                    criteria: serde_json::from_str(&c)?,
                })
            })
            .collect()
    }

    pub fn remove_criteria_set(&mut self, id: i64) -> Result<()> {
        let tx = self.tx()?;
        let n = tx.execute("DELETE FROM criteria_set WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(CoreError::not_found(
                "id",
                format!("Không có bộ tiêu chí số {id}."),
            ));
        }
        audit::write::<()>(&tx, "criteria_set", Some(id), "delete", None, None)?;
        tx.commit()?;
        Ok(())
    }

    /// Stores a movement (already validated by `app::rotation`); returns its id.
    pub fn add_movement(&mut self, m: &Movement) -> Result<i64> {
        self.person(m.person_id)?;
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO movement (person_id, kind, from_title, from_org, to_title, to_org, date, end_date, decision_no, note, decision_date)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            rusqlite::params![
                m.person_id,
                m.kind.code(),
                clean(&m.from_title),
                clean(&m.from_org),
                clean(&m.to_title),
                clean(&m.to_org),
                m.date.to_iso(),
                iso(&m.end_date),
                clean(&m.decision_no),
                clean(&m.note),
                iso(&m.decision_date),
            ],
        )?;
        let id = tx.last_insert_rowid();
        audit::write(&tx, "movement", Some(id), "create", None, Some(m))?;
        tx.commit()?;
        Ok(id)
    }

    /// Movements of one person, or of everyone (None), in date order.
    pub fn movements(&self, person_id: Option<i64>) -> Result<Vec<Movement>> {
        let mut st = self.conn().prepare(
            "SELECT id, person_id, kind, from_title, from_org, to_title, to_org, date, end_date, decision_no, note, decision_date
             FROM movement WHERE ?1 IS NULL OR person_id = ?1 ORDER BY date, id",
        )?;
        let rows = st.query_map([person_id], movement_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// The posts each person is actively planned for, in any term (last step neither removed nor
    /// fulfilled): person id → post codes.
    pub fn active_plan_posts(&self) -> Result<std::collections::HashMap<i64, Vec<String>>> {
        let mut st = self.conn().prepare(
            "SELECT e.person_id, p.code,
                    (SELECT ev.step FROM plan_event ev WHERE ev.entry_id = e.id ORDER BY ev.id DESC LIMIT 1)
             FROM plan_entry e JOIN position p ON p.id = e.position_id",
        )?;
        let rows: Vec<(i64, String, Option<String>)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out: std::collections::HashMap<i64, Vec<String>> = Default::default();
        for (person, code, step) in rows {
            if matches!(step.as_deref(), None | Some("dua_ra") | Some("da_bo_tri")) {
                continue;
            }
            let v = out.entry(person).or_default();
            if !v.contains(&code) {
                v.push(code);
            }
        }
        Ok(out)
    }
}
