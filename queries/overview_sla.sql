-- Service levels in the selected year and the year before, for the overview.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities).
-- A row of the sla table is one system in one municipality in one month ("system-month").
-- availability_met_pct: share of system-months whose availability reached the target.
-- tickets_within_target_pct: share of all tickets resolved within the target time,
-- summed over tickets rather than averaged over months so busy months weigh more.
-- Both are NULL when the year has no rows (no data is not 0 %).
WITH years AS (
    SELECT unnest([$year::INTEGER - 1, $year::INTEGER]) AS year
),
system_months AS (
    SELECT
        year(month)                               AS year,
        availability_pct >= availability_target_pct AS target_met,
        tickets,
        tickets_within_target
    FROM sla
    WHERE month >= make_date($year::INTEGER - 1, 1, 1)
      AND month < make_date($year::INTEGER + 1, 1, 1)
      AND ($municipality::VARCHAR IS NULL OR municipality = $municipality::VARCHAR)
)
SELECT
    years.year,
    count(system_months.year)                                  AS system_months,
    count(*) FILTER (WHERE system_months.target_met)           AS system_months_met,
    100.0 * count(*) FILTER (WHERE system_months.target_met)
        / nullif(count(system_months.year), 0)                 AS availability_met_pct,
    coalesce(sum(system_months.tickets), 0)::BIGINT            AS tickets,
    coalesce(sum(system_months.tickets_within_target), 0)::BIGINT AS tickets_within_target,
    100.0 * sum(system_months.tickets_within_target)
        / nullif(sum(system_months.tickets), 0)                AS tickets_within_target_pct
FROM years
LEFT JOIN system_months USING (year)
GROUP BY years.year
ORDER BY years.year;
