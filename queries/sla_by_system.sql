-- Availability against target per system in the selected year, worst first.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities).
-- One row per system with system-months (the sla_months macro) in the year. The
-- municipality filter, as in overview_sla, selects the member municipality a system-month
-- is measured for, so a shared system appears under each member it serves; municipality
-- here is the system's own.
--
-- availability_pct is the mean of the monthly availability figures (over the months and
-- the selected members). The monthly figure is what the target is set against (availability
-- within service hours); outage minutes may include time outside service hours, so a yearly
-- figure computed from them would not be comparable with the target.
-- target_pct is the mean of the monthly targets (normally the same all year).
-- months counts calendar months with rows; months_below_target the months in which the
-- system missed its target for at least one selected member. Both are counted as the bits
-- set in a twelve-bit mask of the year's months (bit m-1 for month m), not with
-- count(DISTINCT), which is several times slower on millions of rows; the systems table is
-- joined after the aggregation, so the grouping is on the id alone.
WITH per_system AS (
    SELECT
        system_id,
        bit_count(bit_or(1 << (month(month) - 1)))                      AS months,
        bit_count(bit_or(CASE WHEN NOT target_met
                              THEN 1 << (month(month) - 1) ELSE 0 END)) AS months_below_target,
        -- Rounded far below what is shown: DuckDB sums in parallel, so the last bits of a mean
        -- vary from run to run, and a mean on a rounding half (99,965) would be shown one
        -- step apart between runs.
        round(avg(availability_pct), 9)                                 AS availability_pct,
        round(avg(availability_target_pct), 9)                          AS target_pct,
        sum(outage_minutes)                                             AS outage_minutes,
        -- Over the system-months with known counts only; NULL when none has them.
        sum(tickets) FILTER (WHERE counts_known)::BIGINT                AS tickets,
        sum(tickets_within_target) FILTER (WHERE counts_known)::BIGINT  AS tickets_within_target
    FROM sla_months($year::INTEGER, $year::INTEGER, $municipality::VARCHAR)
    GROUP BY system_id
)
-- A LEFT JOIN keeps a system missing from the systems table, so the totals here add up to
-- the overview's.
SELECT
    per_system.system_id,
    coalesce(systems.name, per_system.system_id)                        AS name,
    systems.sla_tier,
    systems.municipality,
    per_system.months,
    per_system.months_below_target,
    per_system.availability_pct,
    per_system.target_pct,
    per_system.outage_minutes,
    per_system.tickets,
    per_system.tickets_within_target
FROM per_system
LEFT JOIN systems ON systems.system_id = per_system.system_id
-- Worst first: furthest below (or least above) its own target, since targets differ by tier.
-- The gap is rounded too: a difference of two means can carry floating-point noise, and
-- equal gaps would otherwise change places between runs.
ORDER BY round(per_system.availability_pct - per_system.target_pct, 9),
         per_system.months_below_target DESC, name COLLATE sv, per_system.system_id;
