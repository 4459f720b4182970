-- Incidents reported in the selected year and the year before, for the overview.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities);
-- $serious_severity (INTEGER, lagesbild.rules): serious incidents are of that severity or higher.
-- One row per year, both years always present (zero when nothing was reported).
WITH years AS (
    SELECT unnest([$year::INTEGER - 1, $year::INTEGER]) AS year
),
reported AS (
    SELECT year(reported_at) AS year, severity, personal_data_breach
    FROM incidents
    -- A range on the timestamp rather than year(reported_at) IN (...) lets DuckDB skip
    -- row groups outside the two years.
    WHERE reported_at >= make_date($year::INTEGER - 1, 1, 1)
      AND reported_at < make_date($year::INTEGER + 1, 1, 1)
      AND ($municipality::VARCHAR IS NULL OR municipality = $municipality::VARCHAR)
)
SELECT
    years.year,
    count(reported.year)                                      AS incidents,
    count(*) FILTER (WHERE reported.severity >= $serious_severity::INTEGER) AS serious,
    count(*) FILTER (WHERE reported.personal_data_breach)     AS personal_data_breaches
FROM years
LEFT JOIN reported USING (year)
GROUP BY years.year
ORDER BY years.year;
