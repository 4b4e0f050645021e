-- Quy hoạch cán bộ, schema 2: terms, the position catalogue, plan entries as histories,
-- yearly review rounds, source programmes, rule sets (versioned, JSON parameters) and the
-- ward's own targets. A per-person retirement override joins the cadre record.

ALTER TABLE person ADD COLUMN retirement_override TEXT;
-- Derived, rebuilt by the program on every write: current positions for lists, joined by "; ".
ALTER TABLE person ADD COLUMN current_positions TEXT NOT NULL DEFAULT '';
UPDATE person SET current_positions = coalesce((SELECT group_concat(title, '; ') FROM
    (SELECT title FROM position_held h WHERE h.person_id = person.id AND h.end_date IS NULL ORDER BY h.seq)), '');

CREATE TABLE rule_set (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    params         TEXT NOT NULL,
    created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE term (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN ('dang', 'chinh_quyen')),
    start_year      INTEGER NOT NULL,
    end_year        INTEGER NOT NULL,
    reference_month TEXT NOT NULL,
    rule_set_id     INTEGER REFERENCES rule_set (id)
) STRICT;

CREATE TABLE position (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    rank      INTEGER NOT NULL,
    grp       TEXT NOT NULL,
    level     TEXT NOT NULL DEFAULT 'xa',
    term_kind TEXT NOT NULL CHECK (term_kind IN ('dang', 'chinh_quyen')),
    is_key    INTEGER NOT NULL DEFAULT 0,
    aliases   TEXT NOT NULL DEFAULT '',
    active    INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE review_round (
    id          INTEGER PRIMARY KEY,
    term_id     INTEGER NOT NULL REFERENCES term (id),
    year        INTEGER NOT NULL,
    name        TEXT NOT NULL,
    decision_no TEXT NOT NULL DEFAULT '',
    UNIQUE (term_id, year)
) STRICT;

CREATE TABLE plan_entry (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    position_id INTEGER NOT NULL REFERENCES position (id),
    term_id     INTEGER NOT NULL REFERENCES term (id),
    UNIQUE (person_id, position_id, term_id)
) STRICT;

CREATE TABLE plan_event (
    id            INTEGER PRIMARY KEY,
    entry_id      INTEGER NOT NULL REFERENCES plan_entry (id) ON DELETE CASCADE,
    step          TEXT NOT NULL,
    date          TEXT NOT NULL,
    decision_no   TEXT NOT NULL DEFAULT '',
    decision_date TEXT,
    review_year   INTEGER,
    reason        TEXT,
    note          TEXT NOT NULL DEFAULT '',
    votes         TEXT
) STRICT;
CREATE INDEX plan_event_entry ON plan_event (entry_id);

CREATE TABLE target (
    id        INTEGER PRIMARY KEY,
    body      TEXT NOT NULL,
    indicator TEXT NOT NULL,
    threshold REAL NOT NULL,
    strict    INTEGER NOT NULL DEFAULT 0,
    age_under INTEGER,
    year      INTEGER NOT NULL,
    source    TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE programme (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    decision_no TEXT NOT NULL DEFAULT '',
    start_year  INTEGER NOT NULL,
    end_year    INTEGER NOT NULL
) STRICT;

CREATE TABLE programme_member (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    selected_on  TEXT NOT NULL,
    UNIQUE (programme_id, person_id)
) STRICT;

CREATE TABLE programme_record (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES programme_member (id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('dao_tao', 'danh_gia')),
    date      TEXT NOT NULL,
    content   TEXT NOT NULL,
    result    TEXT NOT NULL DEFAULT ''
) STRICT;

-- The ward catalogue of DOMAIN §1.2 (editable). Rank: higher is a higher post.
INSERT INTO position (code, name, rank, grp, term_kind, is_key, aliases) VALUES
 ('BCH',      'Ủy viên Ban Chấp hành Đảng bộ phường', 10, 'cap_uy', 'dang', 0, 'Đảng ủy viên|Ủy viên Ban Chấp hành'),
 ('BTV',      'Ủy viên Ban Thường vụ Đảng ủy', 20, 'cap_uy', 'dang', 0, 'Ủy viên Ban Thường vụ'),
 ('BT',       'Bí thư Đảng ủy', 50, 'chu_chot', 'dang', 1, 'Bí thư Đảng ủy phường'),
 ('PBT-TT',   'Phó Bí thư Thường trực Đảng ủy', 40, 'chu_chot', 'dang', 1, 'Phó Bí thư Đảng ủy'),
 ('PBT-CTUB', 'Phó Bí thư, Chủ tịch UBND', 40, 'chu_chot', 'dang', 1, ''),
 ('CT-HĐND',  'Chủ tịch HĐND', 40, 'chinh_quyen', 'chinh_quyen', 1, ''),
 ('PCT-HĐND', 'Phó Chủ tịch HĐND', 30, 'chinh_quyen', 'chinh_quyen', 1, ''),
 ('CT-UBND',  'Chủ tịch UBND', 40, 'chinh_quyen', 'chinh_quyen', 1, ''),
 ('PCT-UBND', 'Phó Chủ tịch UBND', 30, 'chinh_quyen', 'chinh_quyen', 1, ''),
 ('CN-UBKT',  'Chủ nhiệm Ủy ban Kiểm tra Đảng ủy', 30, 'co_quan_dang', 'dang', 0, ''),
 ('PCN-UBKT', 'Phó Chủ nhiệm Ủy ban Kiểm tra Đảng ủy', 25, 'co_quan_dang', 'dang', 0, ''),
 ('TB-XDĐ',   'Trưởng Ban Xây dựng Đảng', 30, 'co_quan_dang', 'dang', 0, ''),
 ('PTB-XDĐ',  'Phó Trưởng Ban Xây dựng Đảng', 25, 'co_quan_dang', 'dang', 0, ''),
 ('CVP-ĐU',   'Chánh Văn phòng Đảng ủy', 30, 'co_quan_dang', 'dang', 0, ''),
 ('CT-MTTQ',  'Chủ tịch Ủy ban MTTQ Việt Nam', 30, 'mttq_doan_the', 'dang', 0, 'Chủ tịch Ủy ban MTTQ'),
 ('PCT-MTTQ', 'Phó Chủ tịch Ủy ban MTTQ Việt Nam', 25, 'mttq_doan_the', 'dang', 0, 'Phó Chủ tịch Ủy ban MTTQ');
