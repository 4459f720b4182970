-- Information classification coverage at the reference date of the selected year and of
-- the year before, for the overview.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities).
-- A system's state (current, overdue, never classified) is the schema's
-- classification_state_by_year (queries/schema/012_rules_as_macro_parameters.sql), with the
-- rule $classification_valid_months (INTEGER, lagesbild.rules).
WITH years AS (
    SELECT unnest([$year::INTEGER - 1, $year::INTEGER]) AS year
),
judged AS (
    SELECT *
    FROM classification_state_by_year((SELECT list(year) FROM years), $municipality::VARCHAR,
                                      $classification_valid_months::INTEGER)
)
SELECT
    years.year,
    reference_date(years.year)                       AS reference_date,
    count(judged.system_id)                          AS systems,
    count(*) FILTER (WHERE judged.state = 'current') AS classified_current,
    count(*) FILTER (WHERE judged.state = 'overdue') AS overdue,
    count(*) FILTER (WHERE judged.state = 'never')   AS never_classified,
    100.0 * count(*) FILTER (WHERE judged.state = 'current')
        / nullif(count(judged.system_id), 0)         AS coverage_pct
FROM years
LEFT JOIN judged USING (year)
GROUP BY years.year
ORDER BY years.year;
