-- Every audit recommendation with its status at the reference date of the selected year.
-- Parameter: $year (INTEGER). Recommendations belong to the whole association, so there is
-- no municipality filter.
--
-- The reference date of a year is its last day, or today while the year is running.
-- latest_status is the status of the newest follow-up made on or before that date, the rule
-- of overview_recommendations.sql; NULL when the recommendation had not yet been assessed.
-- overdue: the due date had passed by the reference date (it lies before it) and the
-- recommendation was not fully met ('Ja'). Without a due date it is never overdue.
WITH reference AS (
    SELECT reference_date($year::INTEGER) AS reference_date
),
latest AS (
    SELECT
        reference.reference_date,
        recommendations.rec_id,
        recommendations.audit,
        recommendations.text,
        recommendations.owner,
        recommendations.due_date,
        followups.status      AS latest_status,
        followups.assessed_on AS latest_assessed_on
    FROM recommendations
    CROSS JOIN reference
    LEFT JOIN followups
        ON followups.rec_id = recommendations.rec_id
       AND followups.assessed_on <= reference.reference_date
    QUALIFY row_number() OVER (
        PARTITION BY recommendations.rec_id ORDER BY followups.assessed_on DESC NULLS LAST) = 1
)
SELECT
    rec_id,
    audit,
    text,
    owner,
    due_date,
    latest_status,
    latest_assessed_on,
    coalesce(due_date < reference_date AND latest_status IS DISTINCT FROM 'Ja', false) AS overdue,
    reference_date
FROM latest
ORDER BY rec_id;
