-- The risk register at the reference date of the selected year: one row per risk that has
-- an assessment on or before that date, for the Risker page and the findings for the board.
-- Parameter: $year (INTEGER). Risks belong to the whole association: no municipality filter.
--
-- The reference date of a year is its last day, or today while the year is running.
-- A risk's state is its newest assessment on or before the reference date (as in
-- overview_risks); the movement compares it with
--   previous_*  the assessment before that one (NULL for a risk assessed once), and
--   last_year_* the state at the previous year's reference date (NULL for a risk not yet
--               assessed then);
-- last_analysis_* name the risk analysis that assessed the risk most recently by the reference
-- date, and the date of that assessment (NULL for a risk no analysis has assessed).
-- When a risk is due for re-assessment is the method's rule: see risks_review.
-- Levels and bands come from the schema's risk_band macro, the one definition of the bands.
--
-- Flags, all FALSE for a closed risk (nothing is left to do about it):
--   action_overdue        the action's due date is before the reference date and the action
--                         is not Klar;
--   without_action_owner  the risk is Hög or Extremt hög and nobody is responsible for acting.
WITH reference AS (
    SELECT reference_date($year::INTEGER) AS reference_date
),
latest AS (
    -- Each risk's newest assessment on or before the reference date, with the one before it.
    SELECT
        risks.*,
        reference.reference_date,
        (risks.likelihood * risks.consequence)::INTEGER AS score,
        (risks.residual_likelihood * risks.residual_consequence)::INTEGER AS residual_score,
        lead(risks.assessed_on) OVER newest_first AS previous_assessed_on,
        lead((risks.likelihood * risks.consequence)::INTEGER) OVER newest_first AS previous_score
    FROM risks, reference
    WHERE risks.assessed_on <= reference.reference_date
    WINDOW newest_first AS (PARTITION BY risks.risk_id ORDER BY risks.assessed_on DESC)
    QUALIFY row_number() OVER newest_first = 1
),
last_year AS (
    SELECT risk_id, status, score FROM risks_at(reference_date($year::INTEGER - 1))
),
last_analysis AS (
    SELECT risks.risk_id, risks.analysis_id AS last_analysis_id, risks.assessed_on AS last_analysis_assessed_on
    FROM risks, reference
    WHERE risks.assessed_on <= reference.reference_date AND risks.analysis_id IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY risks.risk_id ORDER BY risks.assessed_on DESC) = 1
),
current_state AS (
    SELECT
        latest.*,
        last_year.score  AS last_year_score,
        last_year.status AS last_year_status
    FROM latest
    LEFT JOIN last_year USING (risk_id)
)
SELECT
    current_state.risk_id,
    current_state.title,
    current_state.description,
    current_state.area,
    current_state.system_id,
    systems.name AS system_name,
    current_state.owner,
    current_state.assessed_on,
    current_state.likelihood,
    current_state.consequence,
    current_state.score,
    risk_band(current_state.score) AS band,
    current_state.residual_likelihood,
    current_state.residual_consequence,
    current_state.residual_score,
    CASE WHEN current_state.residual_score IS NOT NULL
         THEN risk_band(current_state.residual_score) END AS residual_band,
    current_state.treatment,
    current_state.action,
    current_state.action_owner,
    current_state.due_date,
    current_state.action_status,
    current_state.status,
    current_state.analysis_id,
    current_state.threat_id,
    last_analysis.last_analysis_id,
    analyses.title AS last_analysis_title,
    last_analysis.last_analysis_assessed_on,
    current_state.previous_assessed_on,
    current_state.previous_score,
    CASE WHEN current_state.previous_score IS NOT NULL
         THEN risk_band(current_state.previous_score) END AS previous_band,
    current_state.last_year_score,
    CASE WHEN current_state.last_year_score IS NOT NULL
         THEN risk_band(current_state.last_year_score) END AS last_year_band,
    current_state.last_year_status,
    current_state.reference_date,
    coalesce(current_state.status = 'Aktiv'
             AND current_state.due_date < current_state.reference_date
             AND current_state.action_status IS DISTINCT FROM 'Klar', false) AS action_overdue,
    current_state.status = 'Aktiv'
        AND risk_band(current_state.score) IN ('Hög', 'Extremt hög')
        AND coalesce(trim(current_state.action_owner), '') = '' AS without_action_owner
FROM current_state
LEFT JOIN systems USING (system_id)
LEFT JOIN last_analysis USING (risk_id)
LEFT JOIN analyses ON analyses.analysis_id = last_analysis.last_analysis_id
ORDER BY current_state.score DESC, current_state.likelihood DESC, current_state.risk_id;
