-- When each active risk is to be re-assessed, at the reference date of the selected year: the
-- method's review cadence. Parameters: $year (INTEGER) and the cadence from
-- lagesbild/risk_review.py (query_params): $high_score, $high_review_months, $review_months,
-- $due_days. Risks belong to the whole association: no municipality filter.
--
-- A risk's state is its newest assessment on or before the reference date (the year's last
-- day, or today while the year is running). A risk at $high_score or above (Hög, Extremt hög)
-- is re-assessed every $high_review_months months, the others every $review_months, counted
-- from that assessment. review_state is
--   'overdue'  the next review date lies before the reference date,
--   'due'      it lies within $due_days days from the reference date,
--   'ok'       otherwise.
-- Closed risks (Stängd) are never due and are left out. analysis_* name the risk analysis
-- that made the newest assessment (NULL for a single re-assessment).
WITH reference AS (
    SELECT reference_date($year::INTEGER) AS reference_date
),
latest AS (
    SELECT state.*, reference.reference_date
    FROM reference, risks_at(reference_date($year::INTEGER)) AS state
),
scheduled AS (
    SELECT
        latest.*,
        CASE WHEN latest.score >= $high_score THEN $high_review_months ELSE $review_months END::INTEGER
            AS review_months
    FROM latest
    WHERE latest.status = 'Aktiv'
),
dated AS (
    SELECT scheduled.*, (scheduled.assessed_on + to_months(scheduled.review_months))::DATE AS next_review
    FROM scheduled
)
SELECT
    dated.risk_id,
    dated.title,
    dated.area,
    dated.system_id,
    systems.name AS system_name,
    dated.owner,
    dated.assessed_on,
    dated.likelihood,
    dated.consequence,
    dated.score,
    risk_band(dated.score) AS band,
    dated.analysis_id,
    analyses.title AS analysis_title,
    dated.review_months,
    dated.next_review,
    CASE WHEN dated.next_review < dated.reference_date THEN 'overdue'
         WHEN dated.next_review <= dated.reference_date + to_days($due_days::INTEGER) THEN 'due'
         ELSE 'ok' END AS review_state,
    (dated.reference_date - dated.next_review)::INTEGER AS days_past_review,
    dated.reference_date
FROM dated
LEFT JOIN systems USING (system_id)
LEFT JOIN analyses USING (analysis_id)
ORDER BY dated.next_review, dated.score DESC, dated.risk_id;
