-- Information classification coverage at the reference date of the selected year and of
-- the year before, for the overview.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities).
--
-- The reference date of a year is its last day, or today while the year is running.
-- A system's classification in force at that date is its newest one made on or before it.
-- It is current when its next review has not yet passed; without a review date, when it
-- is less than twelve months old (KLASSA asks for a yearly review).
-- The systems table has no start date, so every system counts in both years.
WITH reference AS (
    SELECT year, reference_date(year) AS reference_date
    FROM (SELECT unnest([$year::INTEGER - 1, $year::INTEGER]) AS year)
),
scoped_systems AS (
    SELECT system_id
    FROM systems
    WHERE $municipality::VARCHAR IS NULL OR municipality = $municipality::VARCHAR
),
in_force AS (
    SELECT
        reference.year,
        reference.reference_date,
        scoped_systems.system_id,
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
        CASE
            WHEN classified_on IS NULL THEN 'never'
            WHEN next_review >= reference_date THEN 'current'
            WHEN next_review IS NULL
                 AND classified_on > reference_date - INTERVAL 12 MONTH THEN 'current'
            ELSE 'overdue'
        END AS state
    FROM in_force
)
SELECT
    reference.year,
    reference.reference_date,
    count(judged.system_id)                          AS systems,
    count(*) FILTER (WHERE judged.state = 'current') AS classified_current,
    count(*) FILTER (WHERE judged.state = 'overdue') AS overdue,
    count(*) FILTER (WHERE judged.state = 'never')   AS never_classified,
    100.0 * count(*) FILTER (WHERE judged.state = 'current')
        / nullif(count(judged.system_id), 0)         AS coverage_pct
FROM reference
LEFT JOIN judged USING (year)
GROUP BY reference.year, reference.reference_date
ORDER BY reference.year;
