-- Every follow-up of an audit recommendation made on or before the reference date of the
-- selected year: who assessed it, when, and how. Parameter: $year (INTEGER).
-- The reference date of a year is its last day, or today while the year is running.
-- The page lays these out as a grid: one column per follow-up (date and assessor).
SELECT
    followups.rec_id,
    followups.assessed_on,
    followups.assessed_by,
    followups.status,
    followups.comment
FROM followups
WHERE followups.assessed_on <= reference_date($year::INTEGER)
ORDER BY followups.assessed_on, followups.assessed_by, followups.rec_id;
