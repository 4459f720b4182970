-- The audit recommendations' follow-up status at the reference date of the selected year
-- and of the year before, for the overview. Parameter: $year (INTEGER). Recommendations
-- belong to the whole association, so there is no municipality filter. The status is the
-- schema's recommendation_status_by_year (queries/schema/006_status_macros.sql).
SELECT * EXCLUDE (done_pct)
FROM recommendation_status_by_year([$year::INTEGER - 1, $year::INTEGER])
ORDER BY year;
