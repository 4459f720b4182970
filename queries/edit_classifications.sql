-- Every system with its newest information classification (NULLs if never classified), for
-- the edit form. No parameters.
WITH latest AS (
    SELECT *
    FROM classifications
    QUALIFY row_number() OVER (PARTITION BY system_id ORDER BY classified_on DESC) = 1
)
SELECT
    s.system_id, s.name AS system_name,
    l.classified_on, l.confidentiality, l.integrity, l.availability, l.traceability,
    l.next_review, l.measures_met_pct
FROM systems AS s
LEFT JOIN latest AS l USING (system_id)
ORDER BY s.system_id COLLATE sv
