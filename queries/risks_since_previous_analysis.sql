-- Where the previous risk analysis placed each risk, for the movement on the heat map.
-- Parameter: $year (INTEGER).
--
-- At the reference date (the year's last day, or today while the year is running) the latest
-- analysis is the one finished last by then, and the previous analysis the one finished
-- before it. One row per risk that the previous analysis assessed: its likelihood and
-- consequence then (the analysis's assessment of it, the newest one if it made several).
-- No rows while fewer than two analyses are finished.
WITH reference AS (
    SELECT reference_date($year::INTEGER) AS reference_date
),
previous AS (
    SELECT analyses.analysis_id, analyses.title, analyses.finished_on
    FROM analyses, reference
    WHERE analyses.finished_on <= reference.reference_date
    ORDER BY analyses.finished_on DESC, analyses.analysis_id DESC
    LIMIT 1 OFFSET 1
)
SELECT
    risks.risk_id,
    previous.analysis_id,
    previous.title AS analysis_title,
    previous.finished_on,
    risks.assessed_on,
    risks.likelihood,
    risks.consequence,
    (risks.likelihood * risks.consequence)::INTEGER AS score,
    risk_band(risks.likelihood * risks.consequence) AS band
FROM previous
JOIN risks USING (analysis_id)
QUALIFY row_number() OVER (PARTITION BY risks.risk_id ORDER BY risks.assessed_on DESC) = 1
ORDER BY risks.risk_id;
