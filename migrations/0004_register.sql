-- The number register holds issued documents only (drafts take no number). A number can be
-- cancelled with a reason; the row stays, so MAX(number) never gives a cancelled number again.
-- `kind` is the document kind's code (to-trinh…) and `plan_term` the planning term it covers,
-- so the register lists what each number was for.

ALTER TABLE doc_number ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE doc_number ADD COLUMN plan_term TEXT NOT NULL DEFAULT '';
ALTER TABLE doc_number ADD COLUMN cancelled_at TEXT;
ALTER TABLE doc_number ADD COLUMN cancel_reason TEXT;
