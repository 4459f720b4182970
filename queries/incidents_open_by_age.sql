-- Incidents open at the reference date of the selected year and of the year before, by age.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities);
-- $open_incident_old_days (INTEGER, lagesbild.rules): older than that, an open incident is old.
--
-- The reference date of a year is its last day, or today while the year is running; the
-- picture is taken at the end of that day, or now. An incident is open then when it was
-- reported before that moment and not resolved by it (resolved later, or not yet), so a
-- past year shows what was open at its end, not only what is still open today.
-- Its age is counted in whole days (dygn): 0 is "under 1 dygn", 1–7, 8 to
-- $open_incident_old_days (bucket '8_30'), and older (bucket 'over_30').
-- Every year and age bucket has a row, zero when nothing was open.
WITH reference AS (
    SELECT
        year,
        reference_date(year) AS reference_date,
        least(make_date(year + 1, 1, 1)::TIMESTAMP, current_localtimestamp()::TIMESTAMP) AS as_of
    FROM (SELECT unnest([$year::INTEGER - 1, $year::INTEGER]) AS year)
),
buckets AS (
    SELECT * FROM (VALUES (1, 'under_1'), (2, '1_7'), (3, '8_30'), (4, 'over_30'))
        AS buckets(bucket_order, age_bucket)
),
open_incidents AS (
    SELECT
        reference.year,
        floor(epoch(reference.as_of - incidents.reported_at) / 86400)::INTEGER AS age_days
    FROM reference
    JOIN incidents
        ON incidents.reported_at < reference.as_of
       AND (incidents.resolved_at IS NULL OR incidents.resolved_at >= reference.as_of)
    WHERE $municipality::VARCHAR IS NULL OR incidents.municipality = $municipality::VARCHAR
),
bucketed AS (
    SELECT
        year,
        CASE WHEN age_days < 1 THEN 'under_1'
             WHEN age_days <= 7 THEN '1_7'
             WHEN age_days <= $open_incident_old_days::INTEGER THEN '8_30'
             ELSE 'over_30' END AS age_bucket
    FROM open_incidents
)
SELECT
    reference.year,
    reference.reference_date,
    buckets.age_bucket,
    count(bucketed.year) AS incidents
FROM reference
CROSS JOIN buckets
LEFT JOIN bucketed
    ON bucketed.year = reference.year AND bucketed.age_bucket = buckets.age_bucket
GROUP BY reference.year, reference.reference_date, buckets.bucket_order, buckets.age_bucket
ORDER BY reference.year, buckets.bucket_order;
