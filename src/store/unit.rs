//! Queries of the `unit` table (the ward itself; one row).

use rusqlite::{Connection, OptionalExtension};

use super::{audit, Store};
use crate::error::{CoreError, Result};
use crate::model::Unit;
use crate::validate::normalize_unit;

pub(crate) fn get(conn: &Connection) -> Result<Unit> {
    conn.query_row(
        "SELECT name, superior_body, place_name, issuer_code FROM unit WHERE id = 1",
        [],
        |r| {
            Ok(Unit {
                name: r.get(0)?,
                superior_body: r.get(1)?,
                place_name: r.get(2)?,
                issuer_code: r.get(3)?,
            })
        },
    )
    .optional()?
    .ok_or(CoreError::UnitMissing)
}

impl Store {
    pub fn unit(&self) -> Result<Unit> {
        get(self.conn())
    }

    /// Sets the ward's details as given (checked by `app::rules::set_unit`; audited).
    pub fn set_unit(&mut self, unit: &Unit) -> Result<()> {
        let mut unit = unit.clone();
        normalize_unit(&mut unit);
        let old = get(self.conn()).ok();
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO unit (id, name, superior_body, place_name, issuer_code) VALUES (1, ?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, superior_body = excluded.superior_body,
               place_name = excluded.place_name, issuer_code = excluded.issuer_code",
            (&unit.name, &unit.superior_body, &unit.place_name, &unit.issuer_code),
        )?;
        let action = if old.is_some() { "update" } else { "create" };
        audit::write(&tx, "unit", Some(1), action, old.as_ref(), Some(&unit))?;
        tx.commit()?;
        Ok(())
    }
}
