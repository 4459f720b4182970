-- Time from report to resolution, in hours, per severity, for incidents reported in the
-- selected year and the year before.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities).
-- Only resolved incidents have a time; unresolved counts those reported in the year that
-- are still open. Every year and severity (1–4) has a row; the times are NULL when no
-- incident of that severity is resolved.
-- quantile_cont interpolates, so the median of two times is their mean. Both quantiles are
-- taken in one call, which sorts the times once.
WITH grid AS (
    SELECT year, severity::INTEGER AS severity
    FROM (SELECT unnest([$year::INTEGER - 1, $year::INTEGER]) AS year)
    CROSS JOIN range(1, 5) AS severities(severity)
),
per_year_and_severity AS (
    SELECT
        year(reported_at)::INTEGER AS year,
        severity::INTEGER          AS severity,
        count(resolved_at)            AS resolved,
        count(*) - count(resolved_at) AS unresolved,
        quantile_cont(epoch(resolved_at - reported_at) / 3600.0, [0.5, 0.9]) AS hours_to_resolve
    FROM incidents
    WHERE reported_at >= make_date($year::INTEGER - 1, 1, 1)
      AND reported_at < make_date($year::INTEGER + 1, 1, 1)
      AND ($municipality::VARCHAR IS NULL OR municipality = $municipality::VARCHAR)
    GROUP BY ALL
)
SELECT
    grid.year,
    grid.severity,
    coalesce(resolved, 0)   AS resolved,
    coalesce(unresolved, 0) AS unresolved,
    hours_to_resolve[1]     AS median_hours,
    hours_to_resolve[2]     AS p90_hours
FROM grid
LEFT JOIN per_year_and_severity USING (year, severity)
ORDER BY grid.year, grid.severity;
