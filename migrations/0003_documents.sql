-- Documents: the ward's remembered settings (signer, recipients, editable texts, margins) and the
-- number register. Numbers restart at 01 for each document type in each Party-committee term.

CREATE TABLE doc_setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE doc_number (
    type_code TEXT NOT NULL,
    term      TEXT NOT NULL,
    number    INTEGER NOT NULL CHECK (number > 0),
    date      TEXT NOT NULL,
    summary   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (type_code, term, number)
) STRICT;
