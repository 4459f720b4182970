-- SLA breaches per member municipality in the selected year and the year before.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities).
-- A breach is a system-month (a row of the sla table) below its availability target, the
-- complement of overview_sla's system_months_met. Only municipalities with rows in either
-- year have a row per year; a year without rows there has zero system-months.
WITH system_months AS (
    SELECT
        year(month)::INTEGER                       AS year,
        municipality,
        availability_pct < availability_target_pct AS breach
    FROM sla
    WHERE month >= make_date($year::INTEGER - 1, 1, 1)
      AND month < make_date($year::INTEGER + 1, 1, 1)
      AND ($municipality::VARCHAR IS NULL OR municipality = $municipality::VARCHAR)
),
grid AS (
    SELECT years.year, measured.municipality
    FROM (SELECT unnest([$year::INTEGER - 1, $year::INTEGER]) AS year) AS years
    CROSS JOIN (SELECT DISTINCT municipality FROM system_months) AS measured
)
SELECT
    grid.year,
    grid.municipality,
    count(system_months.year)                    AS system_months,
    count(*) FILTER (WHERE system_months.breach) AS breaches
FROM grid
LEFT JOIN system_months USING (year, municipality)
GROUP BY grid.year, grid.municipality
ORDER BY grid.year, grid.municipality COLLATE sv;
