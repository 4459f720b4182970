-- The assessments one analysis made, each with the risk's assessment just before it (from
-- an earlier analysis, an edit or an import), the system's and the threat's name.
-- Parameter: $analysis_id (VARCHAR). Bands come from the schema's risk_band macro.
WITH ordered AS (
    SELECT
        risks.*,
        (likelihood * consequence)::INTEGER AS score,
        (residual_likelihood * residual_consequence)::INTEGER AS residual_score,
        lag(assessed_on) OVER by_date AS previous_assessed_on,
        lag((likelihood * consequence)::INTEGER) OVER by_date AS previous_score,
        lag(analysis_id) OVER by_date AS previous_analysis_id
    FROM risks
    WINDOW by_date AS (PARTITION BY risk_id ORDER BY assessed_on)
)
SELECT
    ordered.risk_id,
    ordered.title,
    ordered.description,
    ordered.area,
    ordered.system_id,
    systems.name AS system_name,
    ordered.threat_id,
    threats.name AS threat_name,
    ordered.owner,
    ordered.assessed_on,
    ordered.likelihood,
    ordered.consequence,
    ordered.score,
    risk_band(ordered.score) AS band,
    ordered.residual_likelihood,
    ordered.residual_consequence,
    ordered.residual_score,
    CASE WHEN ordered.residual_score IS NOT NULL THEN risk_band(ordered.residual_score) END
        AS residual_band,
    ordered.treatment,
    ordered.action,
    ordered.action_owner,
    ordered.due_date,
    ordered.action_status,
    ordered.status,
    ordered.accepted_by,
    ordered.acceptance_reason,
    ordered.accepted_until,
    ordered.previous_assessed_on,
    ordered.previous_score,
    CASE WHEN ordered.previous_score IS NOT NULL THEN risk_band(ordered.previous_score) END
        AS previous_band,
    ordered.previous_analysis_id
FROM ordered
LEFT JOIN systems USING (system_id)
LEFT JOIN threats USING (threat_id)
WHERE ordered.analysis_id = $analysis_id::VARCHAR
ORDER BY ordered.score DESC, ordered.likelihood DESC, ordered.risk_id;
