-- Incidents per municipality in the selected year and the year before.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities).
-- Only municipalities with incidents in either year have a row.
SELECT
    municipality,
    count(*) FILTER (WHERE reported_at >= make_date($year::INTEGER, 1, 1)) AS incidents,
    count(*) FILTER (WHERE reported_at < make_date($year::INTEGER, 1, 1))  AS previous_incidents
FROM incidents
WHERE reported_at >= make_date($year::INTEGER - 1, 1, 1)
  AND reported_at < make_date($year::INTEGER + 1, 1, 1)
  AND ($municipality::VARCHAR IS NULL OR municipality = $municipality::VARCHAR)
GROUP BY municipality
ORDER BY municipality COLLATE sv;
