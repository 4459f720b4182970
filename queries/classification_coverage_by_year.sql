-- Information classification coverage at the reference date of every year from $first_year
-- to $year: for all systems, for infrastructure systems and for systems at SLA tier Guld.
-- Parameters: $first_year (INTEGER, NULL = only $year); $year (INTEGER);
-- $municipality (VARCHAR, NULL = all municipalities).
--
-- The reference date of a year is its last day, or today while the year is running.
-- "Current" is the rule of overview_classification.sql (newest classification made on or
-- before the reference date, next review not yet passed, or without a review date less than
-- twelve months old), so this query's row for a year equals the overview's for that year.
-- The systems table has no start date, so every system counts in every year.
-- A share is NULL when its group has no systems (no systems is not 0 %).
WITH reference AS (
    SELECT year, reference_date(year) AS reference_date
    FROM (SELECT unnest(range(least(coalesce($first_year::INTEGER, $year::INTEGER), $year::INTEGER),
                              $year::INTEGER + 1)) AS year)
),
scoped_systems AS (
    SELECT system_id, infrastructure, sla_tier = 'Guld' AS gold
    FROM systems
    WHERE $municipality::VARCHAR IS NULL OR municipality = $municipality::VARCHAR
),
in_force AS (
    SELECT
        reference.year,
        reference.reference_date,
        scoped_systems.system_id,
        scoped_systems.infrastructure,
        coalesce(scoped_systems.gold, false) AS gold,
        classifications.classified_on,
        classifications.next_review
    FROM reference
    CROSS JOIN scoped_systems
    LEFT JOIN classifications
        ON classifications.system_id = scoped_systems.system_id
       AND classifications.classified_on <= reference.reference_date
    QUALIFY row_number() OVER (
        PARTITION BY reference.year, scoped_systems.system_id
        ORDER BY classifications.classified_on DESC NULLS LAST) = 1
),
judged AS (
    SELECT
        year,
        system_id,
        infrastructure,
        gold,
        classified_on IS NOT NULL
            AND (next_review >= reference_date
                 OR (next_review IS NULL
                     AND classified_on > reference_date - INTERVAL 12 MONTH)) AS current
    FROM in_force
)
SELECT
    reference.year,
    reference.reference_date,
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
FROM reference
LEFT JOIN judged USING (year)
GROUP BY reference.year, reference.reference_date
ORDER BY reference.year;
