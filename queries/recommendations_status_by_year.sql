-- The audit recommendations' status at every year-end from the year of the first follow-up
-- to the selected year: how many were fully met (Ja), partly (Delvis), not (Nej), or not yet
-- assessed. Parameter: $year (INTEGER). Recommendations belong to the whole association.
--
-- The reference date of a year is its last day, or today while the year is running.
-- Status at that date is the newest follow-up made on or before it, the rule of
-- overview_recommendations.sql, so this query's rows equal the overview's. The years start
-- with the year of the first follow-up (before it nothing had been assessed), or with the
-- year before $year if that is earlier, so the selected year always has its comparison.
-- done_pct is NULL when there are no recommendations (none is not 0 %).
WITH first_followup AS (
    SELECT coalesce(min(year(assessed_on)), $year::INTEGER - 1) AS first_year FROM followups
),
reference AS (
    SELECT year, reference_date(year) AS reference_date
    FROM (SELECT unnest(range(least(first_year, $year::INTEGER - 1), $year::INTEGER + 1)) AS year
          FROM first_followup)
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
    count(latest.rec_id)                                                        AS recommendations,
    count(*) FILTER (WHERE latest.status = 'Ja')                                AS done,
    count(*) FILTER (WHERE latest.status = 'Delvis')                            AS partly,
    count(*) FILTER (WHERE latest.status = 'Nej')                               AS not_done,
    count(*) FILTER (WHERE latest.rec_id IS NOT NULL AND latest.status IS NULL) AS not_assessed,
    100.0 * count(*) FILTER (WHERE latest.status = 'Ja')
        / nullif(count(latest.rec_id), 0)                                       AS done_pct
FROM reference
LEFT JOIN latest USING (year)
GROUP BY reference.year, reference.reference_date
ORDER BY reference.year;
