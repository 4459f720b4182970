-- SLA breaches and tickets resolved within the target time per SLA tier (Guld, Silver,
-- Brons), in the selected year and the year before.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities).
-- The tier is the system's (systems.sla_tier); sla_tier is NULL for rows of a system
-- without one. A breach is a system-month below its availability target, as in
-- sla_by_municipality. tickets_within_target_pct sums tickets rather than averaging months,
-- as overview_sla does, and is NULL without tickets. Only tiers with rows in either year
-- have a row per year.
WITH system_months AS (
    SELECT
        year(sla.month)::INTEGER                           AS year,
        systems.sla_tier,
        sla.availability_pct < sla.availability_target_pct AS breach,
        sla.tickets,
        sla.tickets_within_target
    FROM sla
    LEFT JOIN systems ON systems.system_id = sla.system_id
    WHERE sla.month >= make_date($year::INTEGER - 1, 1, 1)
      AND sla.month < make_date($year::INTEGER + 1, 1, 1)
      AND ($municipality::VARCHAR IS NULL OR sla.municipality = $municipality::VARCHAR)
),
grid AS (
    SELECT years.year, tiers.sla_tier
    FROM (SELECT unnest([$year::INTEGER - 1, $year::INTEGER]) AS year) AS years
    CROSS JOIN (SELECT DISTINCT sla_tier FROM system_months) AS tiers
)
SELECT
    grid.year,
    grid.sla_tier,
    count(system_months.year)                              AS system_months,
    count(*) FILTER (WHERE system_months.breach)           AS breaches,
    coalesce(sum(system_months.tickets), 0)::BIGINT        AS tickets,
    coalesce(sum(system_months.tickets_within_target), 0)::BIGINT AS tickets_within_target,
    100.0 * sum(system_months.tickets_within_target)
        / nullif(sum(system_months.tickets), 0)            AS tickets_within_target_pct
FROM grid
LEFT JOIN system_months
    ON system_months.year = grid.year
   AND system_months.sla_tier IS NOT DISTINCT FROM grid.sla_tier
GROUP BY grid.year, grid.sla_tier
ORDER BY grid.year,
         CASE grid.sla_tier WHEN 'Guld' THEN 1 WHEN 'Silver' THEN 2 WHEN 'Brons' THEN 3 ELSE 4 END;
