-- Service levels in the selected year and the year before, for the overview.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities).
-- A system-month is one system in one member municipality in one month: a row of the
-- sla_months macro (schema 011), which every SLA query reads, with whether it met its target.
-- availability_met_pct: share of system-months whose availability reached the target.
-- tickets_within_target_pct: share of the tickets resolved within the target time, summed
-- over tickets rather than averaged over months so busy months weigh more, and only over the
-- system-months whose ticket counts are known (months_with_counts of system_months).
-- tickets and tickets_within_target are NULL when no system-month has counts (unknown is
-- not 0); months_with_computed_counts counts those whose counts come from the incidents.
-- The shares are NULL when the year has no rows or no counts (no data is not 0 %).
WITH years AS (
    SELECT unnest([$year::INTEGER - 1, $year::INTEGER]) AS year
),
system_months AS (
    SELECT year, target_met, tickets, tickets_within_target, counts_known,
           tickets_source = 'computed' AS computed
    FROM sla_months($year::INTEGER - 1, $year::INTEGER, $municipality::VARCHAR)
)
SELECT
    years.year,
    count(system_months.year)                                  AS system_months,
    count(*) FILTER (WHERE system_months.target_met)           AS system_months_met,
    100.0 * count(*) FILTER (WHERE system_months.target_met)
        / nullif(count(system_months.year), 0)                 AS availability_met_pct,
    count(*) FILTER (WHERE system_months.counts_known)         AS months_with_counts,
    count(*) FILTER (WHERE system_months.counts_known AND system_months.computed)
                                                               AS months_with_computed_counts,
    sum(system_months.tickets) FILTER (WHERE system_months.counts_known)::BIGINT
                                                               AS tickets,
    sum(system_months.tickets_within_target) FILTER (WHERE system_months.counts_known)::BIGINT
                                                               AS tickets_within_target,
    100.0 * sum(system_months.tickets_within_target) FILTER (WHERE system_months.counts_known)
        / nullif(sum(system_months.tickets) FILTER (WHERE system_months.counts_known), 0)
                                                               AS tickets_within_target_pct
FROM years
LEFT JOIN system_months USING (year)
GROUP BY years.year
ORDER BY years.year;
