-- The audit recommendations' status at every year-end from the year of the first follow-up
-- to the selected year: how many were fully met (Ja), partly (Delvis), not (Nej), or not yet
-- assessed. Parameter: $year (INTEGER). Recommendations belong to the whole association.
--
-- The status is the schema's recommendation_status_by_year, as on the overview. The years
-- start with the year of the first follow-up (before it nothing had been assessed), or with
-- the year before $year if that is earlier, so the selected year always has its comparison.
SELECT *
FROM recommendation_status_by_year((
    SELECT range(least(coalesce(min(year(assessed_on)), $year::INTEGER - 1), $year::INTEGER - 1),
                 $year::INTEGER + 1)
    FROM followups))
ORDER BY year;
