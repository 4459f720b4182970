-- Service levels per month of the selected year and the year before.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities).
-- A system-month is a row of the sla_months macro (one system in one member municipality in
-- one month, with whether it met its target); availability_met_pct is the share of them that reached the target,
-- the definition overview_sla uses for the year. Every year and month has a row; the
-- shares are NULL for a month without rows (no data is not 0 %).
-- Counted per year and month first, then laid on the grid (cheaper than joining every
-- system-month to the grid).
WITH grid AS (
    SELECT year, month::INTEGER AS month
    FROM (SELECT unnest([$year::INTEGER - 1, $year::INTEGER]) AS year)
    CROSS JOIN range(1, 13) AS months(month)
),
per_month AS (
    SELECT
        year,
        month(month)::INTEGER                 AS month,
        count(*)                              AS system_months,
        count(*) FILTER (WHERE target_met)    AS system_months_met,
        avg(availability_pct)                 AS mean_availability_pct
    FROM sla_months($year::INTEGER - 1, $year::INTEGER, $municipality::VARCHAR)
    GROUP BY ALL
)
SELECT
    grid.year,
    grid.month,
    coalesce(per_month.system_months, 0)                       AS system_months,
    coalesce(per_month.system_months_met, 0)                   AS system_months_met,
    100.0 * per_month.system_months_met
        / nullif(per_month.system_months, 0)                   AS availability_met_pct,
    per_month.mean_availability_pct
FROM grid
LEFT JOIN per_month USING (year, month)
ORDER BY grid.year, grid.month;
