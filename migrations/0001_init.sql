-- Quy hoạch cán bộ, schema 1: the ward, cadre records and the audit log.
-- Dates are ISO text whose length is their precision: '1975', '1975-03', '1975-03-15'.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE unit (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    name          TEXT NOT NULL,
    superior_body TEXT NOT NULL,
    place_name    TEXT NOT NULL,
    issuer_code   TEXT NOT NULL
) STRICT;

CREATE TABLE person (
    id                    INTEGER PRIMARY KEY,
    full_name             TEXT NOT NULL,
    other_name            TEXT NOT NULL DEFAULT '',
    sex                   TEXT NOT NULL CHECK (sex IN ('nam', 'nu')),
    birth_date            TEXT NOT NULL,
    ethnicity             TEXT NOT NULL,
    religion              TEXT NOT NULL,
    home_town             TEXT NOT NULL DEFAULT '',
    birthplace            TEXT NOT NULL DEFAULT '',
    residence             TEXT NOT NULL DEFAULT '',
    cccd                  TEXT UNIQUE,
    old_id                TEXT NOT NULL DEFAULT '',
    party_admission_date  TEXT,
    party_official_date   TEXT,
    party_card_no         TEXT NOT NULL DEFAULT '',
    general_education     TEXT NOT NULL DEFAULT '',
    professional_level    TEXT,
    professional_field    TEXT NOT NULL DEFAULT '',
    political_theory      TEXT,
    state_management      TEXT,
    foreign_language      TEXT NOT NULL DEFAULT '',
    foreign_language_note TEXT NOT NULL DEFAULT '',
    it_level              TEXT NOT NULL DEFAULT '',
    it_note               TEXT NOT NULL DEFAULT '',
    status                TEXT NOT NULL,
    status_date           TEXT,
    status_reason         TEXT NOT NULL DEFAULT '',
    -- derived, rebuilt by the program: Vietnamese list order and the folded search text
    sort_key              BLOB NOT NULL,
    search_text           TEXT NOT NULL
) STRICT;
CREATE INDEX person_sort ON person (sort_key);

CREATE TABLE position_held (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    title        TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    start_date   TEXT NOT NULL,
    end_date     TEXT
) STRICT;
CREATE INDEX position_held_person ON position_held (person_id);

CREATE TABLE rating (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    year      INTEGER NOT NULL,
    level     TEXT NOT NULL CHECK (level IN ('HTXS', 'HTT', 'HT', 'KHT')),
    score     REAL,
    basis     TEXT NOT NULL DEFAULT '',
    UNIQUE (person_id, year)
) STRICT;

CREATE TABLE discipline_reward (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('ky_luat', 'khen_thuong')),
    form        TEXT NOT NULL,
    date        TEXT NOT NULL,
    decision_no TEXT NOT NULL DEFAULT '',
    until       TEXT,
    note        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX discipline_reward_person ON discipline_reward (person_id);

CREATE TABLE training (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    institution TEXT NOT NULL DEFAULT '',
    date_from   TEXT,
    date_to     TEXT,
    certificate TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX training_person ON training (person_id);

-- Every create/update/delete, written in the same transaction as the change.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL DEFAULT '',
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    old_value TEXT,
    new_value TEXT
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
