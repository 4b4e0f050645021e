//! Queries of the source programmes (đề án tạo nguồn): the programme, its participants and
//! their trainings and evaluations. Apart from plan entries: a programme is not a plan.

use rusqlite::OptionalExtension;

use super::plan::bad;
use super::{audit, Store};
use crate::error::Result;
use crate::model::plan::{Programme, ProgrammeMember, ProgrammeRecord};
use crate::model::PartialDate;
use crate::text::clean;

impl Store {
    pub fn add_programme(
        &mut self,
        name: &str,
        decision_no: &str,
        start_year: i32,
        end_year: i32,
    ) -> Result<i64> {
        let name = clean(name);
        if name.is_empty() {
            return Err(bad("name", "Tên đề án: bắt buộc phải nhập.".into()));
        }
        if end_year < start_year {
            return Err(bad(
                "end_year",
                format!("Đề án: năm kết thúc {end_year} trước năm bắt đầu {start_year}."),
            ));
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO programme (name, decision_no, start_year, end_year) VALUES (?1, ?2, ?3, ?4)",
            (&name, clean(decision_no), start_year, end_year),
        )?;
        let id = tx.last_insert_rowid();
        audit::write(
            &tx,
            "programme",
            Some(id),
            "create",
            None,
            Some(&serde_json::json!({"name": name})),
        )?;
        tx.commit()?;
        Ok(id)
    }

    pub fn enrol(
        &mut self,
        programme_id: i64,
        person_id: i64,
        selected_on: &PartialDate,
    ) -> Result<()> {
        self.programme(programme_id)?;
        let person = self.person(person_id)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO programme_member (programme_id, person_id, selected_on) VALUES (?1, ?2, ?3)",
            (programme_id, person_id, selected_on.to_iso()),
        )
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                bad("person", format!("{} đã có trong đề án.", person.full_name))
            }
            e => e.into(),
        })?;
        audit::write(
            &tx,
            "programme",
            Some(programme_id),
            "update",
            None,
            Some(&serde_json::json!({"enrol": person_id})),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records a training ("dao_tao") or an evaluation ("danh_gia") of a participant.
    pub fn add_programme_record(
        &mut self,
        programme_id: i64,
        person_id: i64,
        rec: &ProgrammeRecord,
    ) -> Result<()> {
        if !matches!(rec.kind.as_str(), "dao_tao" | "danh_gia") {
            return Err(bad(
                "kind",
                format!(
                    "Loại “{}” không hợp lệ: dùng dao_tao hoặc danh_gia.",
                    rec.kind
                ),
            ));
        }
        let content = clean(&rec.content);
        if content.is_empty() {
            return Err(bad("content", "Nội dung: bắt buộc phải nhập.".into()));
        }
        let member: i64 = self
            .conn()
            .query_row(
                "SELECT id FROM programme_member WHERE programme_id = ?1 AND person_id = ?2",
                (programme_id, person_id),
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| {
                bad(
                    "person",
                    format!("Người mã số {person_id} chưa có trong đề án số {programme_id}."),
                )
            })?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO programme_record (member_id, kind, date, content, result) VALUES (?1, ?2, ?3, ?4, ?5)",
            (member, &rec.kind, rec.date.to_iso(), &content, clean(&rec.result)),
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

    pub fn programme(&self, id: i64) -> Result<Programme> {
        let (name, decision_no, start_year, end_year) = self
            .conn()
            .query_row(
                "SELECT name, decision_no, start_year, end_year FROM programme WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?
            .ok_or_else(|| bad("programme", format!("Không có đề án số {id}.")))?;
        let mut st = self.conn().prepare(
            "SELECT m.id, m.person_id, p.full_name, m.selected_on FROM programme_member m JOIN person p ON p.id = m.person_id
             WHERE m.programme_id = ?1 ORDER BY p.sort_key",
        )?;
        let members: Vec<(i64, i64, String, String)> = st
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for (mid, person_id, full_name, sel) in members {
            let mut st = self.conn().prepare("SELECT kind, date, content, result FROM programme_record WHERE member_id = ?1 ORDER BY date, id")?;
            let records: Vec<(String, String, String, String)> = st
                .query_map([mid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect::<rusqlite::Result<_>>()?;
            out.push(ProgrammeMember {
                person_id,
                full_name,
                selected_on: PartialDate::parse(&sel).map_err(|e| bad("selected_on", e.0))?,
                records: records
                    .into_iter()
                    .map(|(kind, date, content, result)| {
                        Ok(ProgrammeRecord {
                            kind,
                            date: PartialDate::parse(&date).map_err(|e| bad("date", e.0))?,
                            content,
                            result,
                        })
                    })
                    .collect::<Result<_>>()?,
            });
        }
        Ok(Programme {
            id,
            name,
            decision_no,
            start_year,
            end_year,
            members: out,
        })
    }
}
