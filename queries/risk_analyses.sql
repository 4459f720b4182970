-- The risk analyses begun by the reference date of the selected year, newest first, with how
-- many risks each assessed. Parameter: $year (INTEGER).
--
-- The reference date is the year's last day, or today while the year is running. An analysis
-- not finished by then is in progress (finished_on NULL). risks_assessed counts the distinct
-- risks with an assessment made by the analysis (risks.analysis_id) on or before the reference
-- date; high_risks those of them the analysis rated Hög or Extremt hög.
WITH reference AS (
    SELECT reference_date($year::INTEGER) AS reference_date
),
assessed AS (
    SELECT
        risks.analysis_id,
        count(DISTINCT risks.risk_id)::INTEGER AS risks_assessed,
        count(DISTINCT risks.risk_id) FILTER (
            WHERE risk_band(risks.likelihood * risks.consequence) IN ('Hög', 'Extremt hög'))::INTEGER
            AS high_risks
    FROM risks, reference
    WHERE risks.analysis_id IS NOT NULL AND risks.assessed_on <= reference.reference_date
    GROUP BY risks.analysis_id
)
SELECT
    analyses.analysis_id,
    analyses.title,
    analyses.scope,
    analyses.started_on,
    CASE WHEN analyses.finished_on <= reference.reference_date THEN analyses.finished_on END AS finished_on,
    analyses.participants,
    analyses.scales,
    coalesce(assessed.risks_assessed, 0) AS risks_assessed,
    coalesce(assessed.high_risks, 0) AS high_risks
FROM analyses
CROSS JOIN reference
LEFT JOIN assessed USING (analysis_id)
WHERE analyses.started_on <= reference.reference_date
ORDER BY analyses.started_on DESC, analyses.analysis_id;
