-- The risk register at the reference date of the selected year: one row per risk that has
-- an assessment on or before that date, for the Risker page and the findings for the board.
-- Parameter: $year (INTEGER). Risks belong to the whole association: no municipality filter.
--
-- The reference date of a year is its last day, or today while the year is running.
-- A risk's state is its newest assessment on or before the reference date (the schema's
-- risks_at macro); the movement compares it with
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
    SELECT
        state.*,
        reference.reference_date,
        (state.residual_likelihood * state.residual_consequence)::INTEGER AS residual_score
    FROM reference, risks_at(reference_date($year::INTEGER)) AS state
),
earlier AS (
    -- From each risk's assessments by the reference date, in one pass over the key and level
    -- columns only: the one before the newest, and the newest made by a risk analysis.
    SELECT
        risks.risk_id,
        max(risks.assessed_on, 2)[2] AS previous_assessed_on,
        arg_max((risks.likelihood * risks.consequence)::INTEGER, risks.assessed_on, 2)[2] AS previous_score,
        arg_max(risks.analysis_id, risks.assessed_on) FILTER (WHERE risks.analysis_id IS NOT NULL)
            AS last_analysis_id,
        max(risks.assessed_on) FILTER (WHERE risks.analysis_id IS NOT NULL) AS last_analysis_assessed_on
    FROM risks, reference
    WHERE risks.assessed_on <= reference.reference_date
    GROUP BY risks.risk_id
),
last_year AS (
    SELECT risk_id, status, score FROM risks_at(reference_date($year::INTEGER - 1))
),
current_state AS (
    SELECT
        latest.*,
        earlier.previous_assessed_on,
        earlier.previous_score,
        earlier.last_analysis_id,
        earlier.last_analysis_assessed_on,
        last_year.score  AS last_year_score,
        last_year.status AS last_year_status
    FROM latest
    JOIN earlier USING (risk_id)
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
    current_state.last_analysis_id,
    analyses.title AS last_analysis_title,
    current_state.last_analysis_assessed_on,
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
LEFT JOIN analyses ON analyses.analysis_id = current_state.last_analysis_id
ORDER BY current_state.score DESC, current_state.likelihood DESC, current_state.risk_id;
