-- Incidents reported per month and severity in the selected year and the year before.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities).
-- Every year, month and severity (1–4) has a row, zero when nothing was reported, so a
-- chart always shows twelve months and a month without incidents is a zero, not a gap.
WITH grid AS (
    SELECT year, month::INTEGER AS month, severity::INTEGER AS severity
    FROM (SELECT unnest([$year::INTEGER - 1, $year::INTEGER]) AS year)
    CROSS JOIN range(1, 13) AS months(month)
    CROSS JOIN range(1, 5) AS severities(severity)
),
-- Counted per year, month and severity first, then laid on the grid: joining every incident
-- to the grid before counting costs twice as much on a million incidents.
reported AS (
    SELECT
        year(reported_at)::INTEGER  AS year,
        month(reported_at)::INTEGER AS month,
        severity::INTEGER           AS severity,
        count(*)                    AS incidents
    FROM incidents
    -- A range on the timestamp lets DuckDB skip row groups outside the two years.
    WHERE reported_at >= make_date($year::INTEGER - 1, 1, 1)
      AND reported_at < make_date($year::INTEGER + 1, 1, 1)
      AND ($municipality::VARCHAR IS NULL OR municipality = $municipality::VARCHAR)
    GROUP BY ALL
)
SELECT grid.year, grid.month, grid.severity, coalesce(reported.incidents, 0) AS incidents
FROM grid
LEFT JOIN reported USING (year, month, severity)
ORDER BY grid.year, grid.month, grid.severity;
