-- Information classification coverage at the reference date of every year from $first_year
-- to $year: for all systems, for infrastructure systems and for systems at SLA tier Guld.
-- Parameters: $first_year (INTEGER, NULL = only $year); $year (INTEGER);
-- $municipality (VARCHAR, NULL = all municipalities).
--
-- A system's state is the schema's classification_state_by_year, as on the overview, so
-- this query's row for a year equals the overview's for that year. A share is NULL when its
-- group has no systems (no systems is not 0 %).
WITH years AS (
    SELECT unnest(range(least(coalesce($first_year::INTEGER, $year::INTEGER), $year::INTEGER),
                        $year::INTEGER + 1)) AS year
),
judged AS (
    SELECT *, state = 'current' AS current
    FROM classification_state_by_year((SELECT list(year) FROM years), $municipality::VARCHAR,
                                      $classification_valid_months::INTEGER)
)
SELECT
    years.year,
    reference_date(years.year)                                      AS reference_date,
    count(judged.system_id)                                         AS systems,
    count(*) FILTER (WHERE judged.current)                          AS classified_current,
    100.0 * count(*) FILTER (WHERE judged.current)
        / nullif(count(judged.system_id), 0)                        AS coverage_pct,
    count(*) FILTER (WHERE judged.infrastructure)                   AS infrastructure_systems,
    count(*) FILTER (WHERE judged.infrastructure AND judged.current) AS infrastructure_current,
    100.0 * count(*) FILTER (WHERE judged.infrastructure AND judged.current)
        / nullif(count(*) FILTER (WHERE judged.infrastructure), 0)  AS infrastructure_coverage_pct,
    count(*) FILTER (WHERE judged.gold)                             AS gold_systems,
    count(*) FILTER (WHERE judged.gold AND judged.current)          AS gold_current,
    100.0 * count(*) FILTER (WHERE judged.gold AND judged.current)
        / nullif(count(*) FILTER (WHERE judged.gold), 0)            AS gold_coverage_pct
FROM years
LEFT JOIN judged USING (year)
GROUP BY years.year
ORDER BY years.year;
