-- SLA breaches per member municipality in the selected year and the year before.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities).
-- A breach is a system-month (a row of the sla_months macro) that did not meet its
-- availability target, the complement of overview_sla's system_months_met. A shared
-- system's row counts for each member it serves. Only municipalities with rows in either
-- year have a row per year; a year without rows there has zero system-months.
-- Counted per year and municipality first, then laid on the grid (cheaper than joining
-- every system-month to the grid).
WITH per_municipality AS (
    SELECT
        year,
        municipality,
        count(*)                               AS system_months,
        count(*) FILTER (WHERE NOT target_met) AS breaches
    FROM sla_months($year::INTEGER - 1, $year::INTEGER, $municipality::VARCHAR)
    GROUP BY ALL
),
grid AS (
    SELECT years.year, measured.municipality
    FROM (SELECT unnest([$year::INTEGER - 1, $year::INTEGER]) AS year) AS years
    CROSS JOIN (SELECT DISTINCT municipality FROM per_municipality) AS measured
)
SELECT
    grid.year,
    grid.municipality,
    coalesce(per_municipality.system_months, 0) AS system_months,
    coalesce(per_municipality.breaches, 0)      AS breaches
FROM grid
LEFT JOIN per_municipality USING (year, municipality)
ORDER BY grid.year, grid.municipality COLLATE sv;
