-- The audit recommendations' follow-up status at the reference date of the selected year
-- and of the year before, for the overview. Parameter: $year (INTEGER). Recommendations
-- belong to the whole association, so there is no municipality filter.
--
-- The reference date of a year is its last day, or today while the year is running.
-- A recommendation's status at that date is its newest follow-up made on or before it;
-- without one it is not yet assessed. Recommendations carry no date of their own, so
-- every recommendation counts in both years.
WITH reference AS (
    SELECT year, reference_date(year) AS reference_date
    FROM (SELECT unnest([$year::INTEGER - 1, $year::INTEGER]) AS year)
),
latest AS (
    SELECT reference.year, recommendations.rec_id, followups.status
    FROM reference
    CROSS JOIN recommendations
    LEFT JOIN followups
        ON followups.rec_id = recommendations.rec_id
       AND followups.assessed_on <= reference.reference_date
    QUALIFY row_number() OVER (
        PARTITION BY reference.year, recommendations.rec_id
        ORDER BY followups.assessed_on DESC NULLS LAST) = 1
)
SELECT
    reference.year,
    reference.reference_date,
    count(latest.rec_id)                                                 AS recommendations,
    count(*) FILTER (WHERE latest.status = 'Ja')                         AS done,
    count(*) FILTER (WHERE latest.status = 'Delvis')                     AS partly,
    count(*) FILTER (WHERE latest.status = 'Nej')                        AS not_done,
    count(*) FILTER (WHERE latest.rec_id IS NOT NULL AND latest.status IS NULL) AS not_assessed
FROM reference
LEFT JOIN latest USING (year)
GROUP BY reference.year, reference.reference_date
ORDER BY reference.year;
