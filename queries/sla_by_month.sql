-- Service levels per month of the selected year and the year before.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities).
-- A row of the sla table is one system in one member municipality in one month
-- ("system-month"); availability_met_pct is the share of them that reached the target,
-- the definition overview_sla uses for the year. Every year and month has a row; the
-- shares are NULL for a month without rows (no data is not 0 %).
WITH grid AS (
    SELECT year, month::INTEGER AS month
    FROM (SELECT unnest([$year::INTEGER - 1, $year::INTEGER]) AS year)
    CROSS JOIN range(1, 13) AS months(month)
),
system_months AS (
    SELECT
        year(month)::INTEGER                        AS year,
        month(month)::INTEGER                       AS month,
        availability_pct,
        availability_pct >= availability_target_pct AS target_met
    FROM sla
    WHERE month >= make_date($year::INTEGER - 1, 1, 1)
      AND month < make_date($year::INTEGER + 1, 1, 1)
      AND ($municipality::VARCHAR IS NULL OR municipality = $municipality::VARCHAR)
)
SELECT
    grid.year,
    grid.month,
    count(system_months.year)                                  AS system_months,
    count(*) FILTER (WHERE system_months.target_met)           AS system_months_met,
    100.0 * count(*) FILTER (WHERE system_months.target_met)
        / nullif(count(system_months.year), 0)                 AS availability_met_pct,
    avg(system_months.availability_pct)                        AS mean_availability_pct
FROM grid
LEFT JOIN system_months USING (year, month)
GROUP BY grid.year, grid.month
ORDER BY grid.year, grid.month;
