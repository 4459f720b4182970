-- Availability against target per system in the selected year, worst first.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities).
-- One row per system with service-level rows in the year. The municipality filter, as in
-- overview_sla, selects the member municipality a row is measured for, so a shared system
-- appears under each member it serves; municipality here is the system's own.
--
-- availability_pct is the mean of the monthly availability figures (over the months and
-- the selected members). The monthly figure is what the target is set against (availability
-- within service hours); outage minutes may include time outside service hours, so a yearly
-- figure computed from them would not be comparable with the target.
-- target_pct is the mean of the monthly targets (normally the same all year).
-- months counts calendar months with rows; months_below_target the months in which the
-- system missed its target for at least one selected member.
WITH per_system AS (
    SELECT
        sla.system_id,
        coalesce(systems.name, sla.system_id)                          AS name,
        systems.sla_tier,
        systems.municipality,
        count(DISTINCT sla.month)                                      AS months,
        count(DISTINCT sla.month) FILTER (
            WHERE sla.availability_pct < sla.availability_target_pct)  AS months_below_target,
        avg(sla.availability_pct)                                      AS availability_pct,
        avg(sla.availability_target_pct)                               AS target_pct,
        sum(sla.outage_minutes)                                        AS outage_minutes,
        sum(sla.tickets)::BIGINT                                       AS tickets,
        sum(sla.tickets_within_target)::BIGINT                         AS tickets_within_target
    FROM sla
    -- A LEFT JOIN keeps rows of a system missing from the systems table, so the totals here
    -- add up to the overview's.
    LEFT JOIN systems ON systems.system_id = sla.system_id
    WHERE sla.month >= make_date($year::INTEGER, 1, 1)
      AND sla.month < make_date($year::INTEGER + 1, 1, 1)
      AND ($municipality::VARCHAR IS NULL OR sla.municipality = $municipality::VARCHAR)
    GROUP BY sla.system_id, systems.name, systems.sla_tier, systems.municipality
)
-- Worst first: furthest below (or least above) its own target, since targets differ by tier.
SELECT *
FROM per_system
ORDER BY availability_pct - target_pct, months_below_target DESC, name COLLATE sv, system_id;
