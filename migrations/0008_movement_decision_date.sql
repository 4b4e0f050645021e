-- A rotation is decided on one day and takes effect on another, possibly later (issue 21 §3):
-- the decision's own date, never in the future, is kept beside the effective date (`date`).
-- Moves recorded before have none (NULL).
ALTER TABLE movement ADD COLUMN decision_date TEXT;
