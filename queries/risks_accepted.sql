-- Accepted risks at Hög or above, for the board: who decided, why and until when. Parameters:
-- $year (INTEGER) and $acceptance_score from lagesbild/risk_review.py (query_params).
--
-- A risk's state is its newest assessment on or before the reference date (the year's last
-- day, or today while the year is running); listed are the active risks whose state has
-- treatment Acceptera at likelihood × consequence $acceptance_score or higher. An acceptance
-- has expired when accepted_until lies before the reference date.
WITH reference AS (
    SELECT reference_date($year::INTEGER) AS reference_date
),
latest AS (
    SELECT state.*, reference.reference_date
    FROM reference, risks_at(reference_date($year::INTEGER)) AS state
)
SELECT
    latest.risk_id,
    latest.title,
    latest.area,
    latest.system_id,
    systems.name AS system_name,
    latest.owner,
    latest.assessed_on,
    latest.score,
    risk_band(latest.score) AS band,
    latest.accepted_by,
    latest.acceptance_reason,
    latest.accepted_until,
    coalesce(latest.accepted_until < latest.reference_date, false) AS expired,
    latest.reference_date
FROM latest
LEFT JOIN systems USING (system_id)
WHERE latest.status = 'Aktiv'
  AND latest.treatment = 'Acceptera'
  AND latest.score >= $acceptance_score
ORDER BY expired DESC, latest.accepted_until, latest.score DESC, latest.risk_id;
