-- The province's side of "Gửi cấp trên" (issue 25). A ward's file keeps these tables empty; a
-- province's file ("Đơn vị cấp tỉnh", meta unit_kind = 'province') keeps the wards it knows,
-- every package received (its verified SQLite bytes, inside this encrypted file, never in clear
-- on disk) and, for the current package of each ward and term, one row per plan entry so lists
-- and searches across wards are plain SQL.

-- A ward whose signing key the province registered (confirmed by the fingerprint on paper).
CREATE TABLE prov_ward (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    key_id TEXT NOT NULL UNIQUE,
    public_key TEXT NOT NULL,
    registered_at TEXT NOT NULL
);

-- Every package received, the history kept; one current per ward and term.
CREATE TABLE prov_package (
    id INTEGER PRIMARY KEY,
    ward_code TEXT NOT NULL REFERENCES prov_ward(code),
    term TEXT NOT NULL,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    format_version INTEGER NOT NULL,
    program_version TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    classification TEXT NOT NULL,
    to_trinh TEXT,
    current INTEGER NOT NULL DEFAULT 0,
    people INTEGER NOT NULL,
    entries INTEGER NOT NULL,
    -- The ward's own check, as it sent it.
    ward_violations INTEGER NOT NULL,
    ward_warnings INTEGER NOT NULL,
    -- The check run again with the province's rule set (redone when that changes).
    rule_set TEXT NOT NULL,
    violations INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    targets_met INTEGER NOT NULL,
    targets_total INTEGER NOT NULL,
    -- Statistics of everyone in the plan (the same table as a ward's), JSON.
    stats TEXT NOT NULL,
    content BLOB NOT NULL
);
CREATE INDEX prov_package_ward ON prov_package (ward_code, term, current);

-- The entries of the current packages, for lists and searches across wards.
CREATE TABLE prov_entry (
    package_id INTEGER NOT NULL REFERENCES prov_package(id) ON DELETE CASCADE,
    ward_code TEXT NOT NULL,
    person_id INTEGER NOT NULL,
    full_name TEXT NOT NULL,
    folded_name TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    sex TEXT NOT NULL,
    age INTEGER NOT NULL,
    position_code TEXT NOT NULL,
    position_name TEXT NOT NULL,
    bodies TEXT NOT NULL,
    active INTEGER NOT NULL
);
CREATE INDEX prov_entry_package ON prov_entry (package_id);
CREATE INDEX prov_entry_position ON prov_entry (position_code);
