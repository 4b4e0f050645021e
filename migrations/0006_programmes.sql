-- Source programmes in full (seed 000), young cadres and rotation (seed 001), and who manages
-- and approves each post (seed 004).
--
-- A programme names its deciding body and date, the posts it prepares for and its selection
-- criteria (JSON, the same shape as a saved young-cadre criteria set), and the decision that
-- approved its list. A participant moves through stages: proposed, approved, then appointed or
-- elected to a post, or left the programme. Trainings and yearly evaluations keep their own
-- fields beside the old free text.

ALTER TABLE programme ADD COLUMN deciding_body TEXT NOT NULL DEFAULT '';
ALTER TABLE programme ADD COLUMN decision_date TEXT;
ALTER TABLE programme ADD COLUMN posts TEXT NOT NULL DEFAULT '';
ALTER TABLE programme ADD COLUMN criteria TEXT NOT NULL DEFAULT '{}';
ALTER TABLE programme ADD COLUMN approval_no TEXT NOT NULL DEFAULT '';
ALTER TABLE programme ADD COLUMN approval_date TEXT;

-- Members enrolled before this version were selected into the programme: approved.
ALTER TABLE programme_member ADD COLUMN stage TEXT NOT NULL DEFAULT 'phe_duyet'
    CHECK (stage IN ('de_xuat', 'phe_duyet', 'bo_tri', 'ra_khoi'));
ALTER TABLE programme_member ADD COLUMN outcome_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_member ADD COLUMN outcome_post TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_member ADD COLUMN outcome_date TEXT;
ALTER TABLE programme_member ADD COLUMN outcome_decision TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_member ADD COLUMN outcome_reason TEXT NOT NULL DEFAULT '';

ALTER TABLE programme_record ADD COLUMN institution TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_record ADD COLUMN date_to TEXT;
ALTER TABLE programme_record ADD COLUMN certificate TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_record ADD COLUMN rating TEXT;

-- Saved criteria sets of the young-cadre list ("Cán bộ trẻ cấp xã: dưới 30 tuổi…").
CREATE TABLE criteria_set (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    criteria TEXT NOT NULL
) STRICT;

-- Xếp loại tốt nghiệp of the highest professional degree.
ALTER TABLE person ADD COLUMN graduation_class TEXT;

-- Rotation and transfer (luân chuyển, điều động, tăng cường): from one post to another.
CREATE TABLE movement (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('luan_chuyen', 'dieu_dong', 'tang_cuong')),
    from_title  TEXT NOT NULL DEFAULT '',
    from_org    TEXT NOT NULL DEFAULT '',
    to_title    TEXT NOT NULL,
    to_org      TEXT NOT NULL DEFAULT '',
    date        TEXT NOT NULL,
    end_date    TEXT,
    decision_no TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX movement_person ON movement (person_id);

-- Who manages each post and approves its plan (DOMAIN §1.3, seed 004): data, editable.
ALTER TABLE position ADD COLUMN managing_body TEXT NOT NULL DEFAULT '';
ALTER TABLE position ADD COLUMN approving_body TEXT NOT NULL DEFAULT '';
UPDATE position SET managing_body = 'Ban Thường vụ Tỉnh ủy', approving_body = 'Ban Thường vụ Tỉnh ủy'
    WHERE code IN ('BCH', 'BTV', 'BT', 'PBT-TT', 'PBT-CTUB', 'CT-HĐND', 'CT-UBND');
UPDATE position SET managing_body = 'Ban Thường vụ Đảng ủy', approving_body = 'Ban Thường vụ Đảng ủy'
    WHERE approving_body = '';
