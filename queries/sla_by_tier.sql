-- SLA breaches and tickets resolved within the target time per SLA tier (Guld, Silver,
-- Brons), in the selected year and the year before.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities).
-- The tier is the system's (systems.sla_tier); sla_tier is NULL for rows of a system
-- without one. A breach is a system-month (the sla_months macro) that did not meet its
-- availability target, as in sla_by_municipality. tickets_within_target_pct sums tickets
-- rather than averaging months, as overview_sla does, over the system-months with known
-- counts only, and is NULL without them; tickets is NULL when no system-month has counts. Only tiers with rows in either year
-- have a row per year.
-- Counted per year and tier first, then laid on the grid: joining every system-month to the
-- grid before counting cost several times as much on millions of rows.
WITH per_tier AS (
    SELECT
        months.year,
        systems.sla_tier,
        count(*)                                                         AS system_months,
        count(*) FILTER (WHERE NOT months.target_met)                    AS breaches,
        sum(months.tickets) FILTER (WHERE months.counts_known)           AS tickets,
        sum(months.tickets_within_target) FILTER (WHERE months.counts_known)
                                                                         AS tickets_within_target
    FROM sla_months($year::INTEGER - 1, $year::INTEGER, $municipality::VARCHAR) AS months
    LEFT JOIN systems ON systems.system_id = months.system_id
    GROUP BY ALL
),
grid AS (
    SELECT years.year, tiers.sla_tier
    FROM (SELECT unnest([$year::INTEGER - 1, $year::INTEGER]) AS year) AS years
    CROSS JOIN (SELECT DISTINCT sla_tier FROM per_tier) AS tiers
)
SELECT
    grid.year,
    grid.sla_tier,
    coalesce(per_tier.system_months, 0)                    AS system_months,
    coalesce(per_tier.breaches, 0)                         AS breaches,
    per_tier.tickets::BIGINT                               AS tickets,
    per_tier.tickets_within_target::BIGINT                 AS tickets_within_target,
    100.0 * per_tier.tickets_within_target
        / nullif(per_tier.tickets, 0)                      AS tickets_within_target_pct
FROM grid
LEFT JOIN per_tier
    ON per_tier.year = grid.year
   AND per_tier.sla_tier IS NOT DISTINCT FROM grid.sla_tier
ORDER BY grid.year,
         CASE grid.sla_tier WHEN 'Guld' THEN 1 WHEN 'Silver' THEN 2 WHEN 'Brons' THEN 3 ELSE 4 END;
