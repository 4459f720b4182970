-- Every audit recommendation with its newest follow-up (NULLs before the first), for the edit
-- forms. No parameters.
WITH latest AS (
    SELECT *
    FROM followups
    QUALIFY row_number() OVER (PARTITION BY rec_id ORDER BY assessed_on DESC) = 1
)
SELECT
    r.rec_id, r.audit, r.text, r.owner, r.due_date,
    l.assessed_on AS followup_assessed_on,
    l.assessed_by AS followup_assessed_by,
    l.status      AS followup_status,
    l.comment     AS followup_comment
FROM recommendations AS r
LEFT JOIN latest AS l USING (rec_id)
ORDER BY r.rec_id COLLATE sv
