-- The number register as the office's legal record (issue 20 §2).
--
-- Each row is one number of one document type in one committee term, in one of three states:
-- 'da_cap' (issued to a document), 'da_huy' (issued, then cancelled with a reason) and 'bo_qua'
-- (left blank on purpose when a later number was issued: the clerk's reason is kept, so an
-- inspector sees why the number has no document). No state is ever given to another document.
--
-- What identifies "the same document" is stored with its number: the kind (`kind`), the planning
-- term it covers (`plan_term`) and its scope (`scope`): the approving body a Tờ trình is
-- addressed to (empty: all posts), the year of a review report, the programme of a programme
-- report. Numbers issued before this version have no recorded scope (NULL): only their kind and
-- planning term are compared, except a review report, whose year is read from its summary.

ALTER TABLE doc_number ADD COLUMN state TEXT NOT NULL DEFAULT 'da_cap'
    CHECK (state IN ('da_cap', 'da_huy', 'bo_qua'));
ALTER TABLE doc_number ADD COLUMN scope TEXT;
ALTER TABLE doc_number ADD COLUMN skip_reason TEXT;

UPDATE doc_number SET state = 'da_huy' WHERE cancelled_at IS NOT NULL;
UPDATE doc_number SET scope = substr(summary, instr(summary, ', năm ') + 6)
    WHERE kind = 'bao-cao-ra-soat' AND instr(summary, ', năm ') > 0;

-- A new issue date for an issued number is a correction: the register keeps the first date in
-- `doc_number.date` and every correction here, with its reason and the day it was made.
CREATE TABLE doc_number_correction (
    id          INTEGER PRIMARY KEY,
    type_code   TEXT NOT NULL,
    term        TEXT NOT NULL,
    number      INTEGER NOT NULL,
    recorded_on TEXT NOT NULL,
    old_date    TEXT NOT NULL,
    new_date    TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (reason <> ''),
    FOREIGN KEY (type_code, term, number) REFERENCES doc_number (type_code, term, number)
) STRICT;
