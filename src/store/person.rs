//! Queries of the `person` table and its child tables (positions held, ratings,
//! discipline and rewards, training). A write replaces the whole record in one transaction
//! and logs the old and new record in the audit log.

use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension, Row};

use super::{audit, Store};
use crate::error::{CoreError, Result};
use crate::model::programme::GraduationClass;
use crate::model::*;
use crate::text::{fold, person_sort_key};
use crate::validate::normalize_person;

fn conv_err(idx: usize, msg: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, msg.into())
}

fn date_at(r: &Row, idx: usize) -> rusqlite::Result<PartialDate> {
    let s: String = r.get(idx)?;
    PartialDate::parse(&s).map_err(|e| conv_err(idx, e.0))
}

fn opt_date_at(r: &Row, idx: usize) -> rusqlite::Result<Option<PartialDate>> {
    let s: Option<String> = r.get(idx)?;
    s.map(|s| PartialDate::parse(&s).map_err(|e| conv_err(idx, e.0)))
        .transpose()
}

fn code_at<T>(r: &Row, idx: usize, from: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let s: String = r.get(idx)?;
    from(&s).ok_or_else(|| conv_err(idx, format!("mã không hợp lệ: {s}")))
}

fn opt_code_at<T>(r: &Row, idx: usize, from: fn(&str) -> Option<T>) -> rusqlite::Result<Option<T>> {
    let s: Option<String> = r.get(idx)?;
    s.map(|s| from(&s).ok_or_else(|| conv_err(idx, format!("mã không hợp lệ: {s}"))))
        .transpose()
}

fn iso(d: &Option<PartialDate>) -> Option<String> {
    d.as_ref().map(PartialDate::to_iso)
}

const PERSON_COLUMNS: &str =
    "id, full_name, other_name, sex, birth_date, ethnicity, religion, home_town,
    birthplace, residence, cccd, old_id, party_admission_date, party_official_date, party_card_no,
    general_education, professional_level, professional_field, political_theory, state_management,
    foreign_language, foreign_language_note, it_level, it_note, status, status_date, status_reason,
    retirement_override, graduation_class";

fn person_from_row(r: &Row) -> rusqlite::Result<Person> {
    Ok(Person {
        id: Some(r.get(0)?),
        full_name: r.get(1)?,
        other_name: r.get(2)?,
        sex: code_at(r, 3, Sex::from_code)?,
        birth_date: date_at(r, 4)?,
        ethnicity: r.get(5)?,
        religion: r.get(6)?,
        home_town: r.get(7)?,
        birthplace: r.get(8)?,
        residence: r.get(9)?,
        cccd: r.get(10)?,
        old_id: r.get(11)?,
        party_admission_date: opt_date_at(r, 12)?,
        party_official_date: opt_date_at(r, 13)?,
        party_card_no: r.get(14)?,
        general_education: r.get(15)?,
        professional_level: opt_code_at(r, 16, ProfessionalLevel::from_code)?,
        professional_field: r.get(17)?,
        political_theory: opt_code_at(r, 18, PoliticalTheory::from_code)?,
        state_management: opt_code_at(r, 19, StateManagement::from_code)?,
        foreign_language: Skill {
            level: r.get(20)?,
            note: r.get(21)?,
        },
        it: Skill {
            level: r.get(22)?,
            note: r.get(23)?,
        },
        status: code_at(r, 24, Status::from_code)?,
        status_date: opt_date_at(r, 25)?,
        status_reason: r.get(26)?,
        retirement_override: opt_date_at(r, 27)?,
        graduation_class: opt_code_at(r, 28, GraduationClass::from_code)?,
        positions: Vec::new(),
        ratings: Vec::new(),
        discipline_rewards: Vec::new(),
        trainings: Vec::new(),
    })
}

fn load_children(conn: &Connection, p: &mut Person) -> Result<()> {
    let id = p.id.unwrap_or_default();
    let mut stmt = conn.prepare_cached(
        "SELECT title, organisation, start_date, end_date FROM position_held WHERE person_id = ?1 ORDER BY seq",
    )?;
    p.positions = stmt
        .query_map([id], |r| {
            Ok(PositionHeld {
                title: r.get(0)?,
                organisation: r.get(1)?,
                // '' is a start not known (the column is NOT NULL since migration 1).
                start: {
                    let s: String = r.get(2)?;
                    if s.is_empty() {
                        None
                    } else {
                        Some(PartialDate::parse(&s).map_err(|e| conv_err(2, e.0))?)
                    }
                },
                end: opt_date_at(r, 3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT year, level, score, basis FROM rating WHERE person_id = ?1 ORDER BY year",
    )?;
    p.ratings = stmt
        .query_map([id], |r| {
            Ok(Rating {
                year: r.get(0)?,
                level: code_at(r, 1, RatingLevel::from_code)?,
                score: r.get(2)?,
                basis: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT kind, form, date, decision_no, until, note FROM discipline_reward WHERE person_id = ?1 ORDER BY seq",
    )?;
    p.discipline_rewards = stmt
        .query_map([id], |r| {
            Ok(DisciplineReward {
                kind: code_at(r, 0, RecordKind::from_code)?,
                form: r.get(1)?,
                date: date_at(r, 2)?,
                decision_no: r.get(3)?,
                until: opt_date_at(r, 4)?,
                note: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT name, institution, date_from, date_to, certificate FROM training WHERE person_id = ?1 ORDER BY seq",
    )?;
    p.trainings = stmt
        .query_map([id], |r| {
            Ok(Training {
                name: r.get(0)?,
                institution: r.get(1)?,
                from: opt_date_at(r, 2)?,
                to: opt_date_at(r, 3)?,
                certificate: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

fn get(conn: &Connection, id: i64) -> Result<Person> {
    let mut p = conn
        .query_row(
            &format!("SELECT {PERSON_COLUMNS} FROM person WHERE id = ?1"),
            [id],
            person_from_row,
        )
        .optional()?
        .ok_or(CoreError::PersonNotFound(id))?;
    load_children(conn, &mut p)?;
    Ok(p)
}

/// " nguyen van hoa hoa 0790… ": each word preceded by a space, so a search word matches word starts.
fn search_text(full_name: &str, other_name: &str, cccd: Option<&str>) -> String {
    format!(
        " {} {} {} ",
        fold(full_name),
        fold(other_name),
        cccd.unwrap_or("")
    )
}

fn check_cccd_unique(tx: &Connection, p: &Person) -> Result<()> {
    let Some(cccd) = &p.cccd else { return Ok(()) };
    let other: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, full_name FROM person WHERE cccd = ?1 AND id IS NOT ?2",
            (cccd, p.id),
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match other {
        Some((id, name)) => Err(CoreError::validation(
            "cccd",
            "cccd_unique",
            format!("Số CCCD: {cccd} đã có trong hồ sơ của {name} (mã số {id}); mỗi người một số."),
        )),
        None => Ok(()),
    }
}

fn write_row(tx: &Connection, p: &Person) -> Result<i64> {
    let params = rusqlite::params![
        p.full_name,
        p.other_name,
        p.sex.code(),
        p.birth_date.to_iso(),
        p.ethnicity,
        p.religion,
        p.home_town,
        p.birthplace,
        p.residence,
        p.cccd,
        p.old_id,
        iso(&p.party_admission_date),
        iso(&p.party_official_date),
        p.party_card_no,
        p.general_education,
        p.professional_level.map(|l| l.code()),
        p.professional_field,
        p.political_theory.map(|l| l.code()),
        p.state_management.map(|l| l.code()),
        p.foreign_language.level,
        p.foreign_language.note,
        p.it.level,
        p.it.note,
        p.status.code(),
        iso(&p.status_date),
        p.status_reason,
        person_sort_key(&p.full_name, &p.birth_date.to_iso()),
        search_text(&p.full_name, &p.other_name, p.cccd.as_deref()),
        iso(&p.retirement_override),
        p.current_positions()
            .map(|h| h.title.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        p.id,
    ];
    let id = match p.id {
        None => {
            tx.execute(
                "INSERT INTO person (full_name, other_name, sex, birth_date, ethnicity, religion, home_town,
                   birthplace, residence, cccd, old_id, party_admission_date, party_official_date, party_card_no,
                   general_education, professional_level, professional_field, political_theory, state_management,
                   foreign_language, foreign_language_note, it_level, it_note, status, status_date, status_reason,
                   sort_key, search_text, retirement_override, current_positions)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                   ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)",
                &params[..30],
            )?;
            tx.last_insert_rowid()
        }
        Some(id) => {
            tx.execute(
                "UPDATE person SET full_name = ?1, other_name = ?2, sex = ?3, birth_date = ?4, ethnicity = ?5,
                   religion = ?6, home_town = ?7, birthplace = ?8, residence = ?9, cccd = ?10, old_id = ?11,
                   party_admission_date = ?12, party_official_date = ?13, party_card_no = ?14,
                   general_education = ?15, professional_level = ?16, professional_field = ?17,
                   political_theory = ?18, state_management = ?19, foreign_language = ?20,
                   foreign_language_note = ?21, it_level = ?22, it_note = ?23, status = ?24, status_date = ?25,
                   status_reason = ?26, sort_key = ?27, search_text = ?28, retirement_override = ?29,
                   current_positions = ?30
                 WHERE id = ?31",
                params,
            )?;
            id
        }
    };
    tx.execute(
        "UPDATE person SET graduation_class = ?1 WHERE id = ?2",
        (p.graduation_class.map(|g| g.code()), id),
    )?;
    write_children(tx, id, p)?;
    Ok(id)
}

fn write_children(tx: &Connection, id: i64, p: &Person) -> Result<()> {
    for table in ["position_held", "rating", "discipline_reward", "training"] {
        tx.execute(&format!("DELETE FROM {table} WHERE person_id = ?1"), [id])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO position_held (person_id, seq, title, organisation, start_date, end_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, h) in p.positions.iter().enumerate() {
        stmt.execute((
            id,
            i as i64,
            &h.title,
            &h.organisation,
            iso(&h.start).unwrap_or_default(),
            iso(&h.end),
        ))?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO rating (person_id, year, level, score, basis) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for r in &p.ratings {
        stmt.execute((id, r.year, r.level.code(), r.score, &r.basis))?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO discipline_reward (person_id, seq, kind, form, date, decision_no, until, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, d) in p.discipline_rewards.iter().enumerate() {
        stmt.execute((
            id,
            i as i64,
            d.kind.code(),
            &d.form,
            d.date.to_iso(),
            &d.decision_no,
            iso(&d.until),
            &d.note,
        ))?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO training (person_id, seq, name, institution, date_from, date_to, certificate)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, t) in p.trainings.iter().enumerate() {
        stmt.execute((
            id,
            i as i64,
            &t.name,
            &t.institution,
            iso(&t.from),
            iso(&t.to),
            &t.certificate,
        ))?;
    }
    Ok(())
}

fn summary_from_row(r: &Row) -> rusqlite::Result<PersonSummary> {
    let status = code_at(r, 5, Status::from_code)?;
    Ok(PersonSummary {
        id: r.get(0)?,
        full_name: r.get(1)?,
        sex: code_at(r, 2, Sex::from_code)?,
        birth_date: date_at(r, 3)?,
        cccd: r.get(4)?,
        working: status == Status::Working,
        status,
        positions: r.get(6)?,
    })
}

const SUMMARY_SELECT: &str =
    "SELECT p.id, p.full_name, p.sex, p.birth_date, p.cccd, p.status, p.current_positions, p.search_text FROM person p";

/// A list line with its folded search text.
pub(crate) struct CachedLine {
    search: String,
    line: PersonSummary,
}

impl Store {
    /// Adds a person as given (its use case checked it: `app::people`, the import, the demo);
    /// returns the new id. Refused only when its CCCD is another person's.
    pub fn add_person(&mut self, person: &Person) -> Result<i64> {
        self.people_cache.replace(None);
        let mut p = person.clone();
        p.id = None;
        normalize_person(&mut p);
        let tx = self.tx()?;
        check_cccd_unique(&tx, &p)?;
        let id = write_row(&tx, &p)?;
        p.id = Some(id);
        audit::write(&tx, "person", Some(id), "create", None, Some(&p))?;
        tx.commit()?;
        Ok(id)
    }

    /// Adds many people in one transaction (demo, imports): all or nothing.
    pub fn add_people(&mut self, people: &[Person]) -> Result<Vec<i64>> {
        self.people_cache.replace(None);
        let mut clean = Vec::with_capacity(people.len());
        for person in people {
            let mut p = person.clone();
            p.id = None;
            normalize_person(&mut p);
            clean.push(p);
        }
        let tx = self.tx()?;
        let mut ids = Vec::with_capacity(clean.len());
        for mut p in clean {
            check_cccd_unique(&tx, &p)?;
            let id = write_row(&tx, &p)?;
            p.id = Some(id);
            audit::write(&tx, "person", Some(id), "create", None, Some(&p))?;
            ids.push(id);
        }
        tx.commit()?;
        Ok(ids)
    }

    /// Replaces the whole record of `person.id`.
    pub fn update_person(&mut self, person: &Person) -> Result<()> {
        self.people_cache.replace(None);
        let id = person.id.ok_or_else(|| {
            CoreError::validation("id", "required", "Mã số cán bộ: bắt buộc khi sửa hồ sơ.")
        })?;
        let mut p = person.clone();
        normalize_person(&mut p);
        let tx = self.tx()?;
        let old = get(&tx, id)?;
        check_cccd_unique(&tx, &p)?;
        write_row(&tx, &p)?;
        audit::write(&tx, "person", Some(id), "update", Some(&old), Some(&p))?;
        tx.commit()?;
        Ok(())
    }

    pub fn remove_person(&mut self, id: i64) -> Result<()> {
        self.people_cache.replace(None);
        let tx = self.tx()?;
        let old = get(&tx, id)?;
        tx.execute("DELETE FROM person WHERE id = ?1", [id])?;
        audit::write(&tx, "person", Some(id), "delete", Some(&old), None)?;
        tx.commit()?;
        Ok(())
    }

    pub fn person(&self, id: i64) -> Result<Person> {
        get(self.conn(), id)
    }

    /// Every person's full record, in the list's order.
    pub fn all_people(&self) -> Result<Vec<Person>> {
        self.read(|s| {
            s.list_people()?
                .into_iter()
                .map(|p| s.person(p.id))
                .collect()
        })
    }

    pub fn count_people(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM person", [], |r| r.get(0))?)
    }

    fn cached_lines(&self) -> Result<std::sync::Arc<Vec<CachedLine>>> {
        if let Some(c) = self.people_cache.borrow().as_ref() {
            return Ok(c.clone());
        }
        let mut stmt = self
            .conn()
            .prepare_cached(&format!("{SUMMARY_SELECT} ORDER BY p.sort_key"))?;
        let rows = stmt.query_map([], |r| {
            Ok(CachedLine {
                line: summary_from_row(r)?,
                search: r.get(7)?,
            })
        })?;
        let lines = std::sync::Arc::new(rows.collect::<rusqlite::Result<Vec<_>>>()?);
        self.people_cache.replace(Some(lines.clone()));
        Ok(lines)
    }

    /// Everyone, in Vietnamese list order (given name, family name, middle names, birth date).
    pub fn list_people(&self) -> Result<Vec<PersonSummary>> {
        Ok(self
            .cached_lines()?
            .iter()
            .map(|c| c.line.clone())
            .collect())
    }

    /// People whose name, other name or CCCD has a word starting with each word of the query,
    /// ignoring case, diacritics and đ/Đ; in list order. An empty query lists everyone.
    pub fn search_people(&self, query: &str) -> Result<Vec<PersonSummary>> {
        let mut found = Vec::new();
        self.for_each_found(query, |p| found.push(p.clone()))?;
        Ok(found)
    }

    /// Calls `f` with each person [`Store::search_people`] finds, in list order, without
    /// copying anyone: the list as you type counts thousands and draws a hundred.
    pub fn for_each_found(&self, query: &str, mut f: impl FnMut(&PersonSummary)) -> Result<()> {
        let words: Vec<String> = fold(query)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| format!(" {w}"))
            .collect();
        self.cached_lines()?
            .iter()
            .filter(|c| words.iter().all(|w| c.search.contains(w.as_str())))
            .for_each(|c| f(&c.line));
        Ok(())
    }

    /// Recomputes the derived columns (sort key, search text) of every person, e.g. after
    /// the collation library changed.
    pub(crate) fn rebuild_derived(&mut self) -> Result<()> {
        self.people_cache.replace(None);
        let tx = self.tx()?;
        {
            let mut read =
                tx.prepare("SELECT id, full_name, birth_date, other_name, cccd FROM person")?;
            let rows: Vec<(i64, String, String, String, Option<String>)> = read
                .query_map([], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let mut upd =
                tx.prepare("UPDATE person SET sort_key = ?1, search_text = ?2 WHERE id = ?3")?;
            for (id, name, birth, other, cccd) in rows {
                let search = search_text(&name, &other, cccd.as_deref());
                upd.execute((person_sort_key(&name, &birth), search, id))?;
            }
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('sort_key_version', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [crate::text::SORT_KEY_VERSION],
        )?;
        tx.commit()?;
        Ok(())
    }
}
