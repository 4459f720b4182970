-- Incidents per cause in the selected year and the year before, most common first.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities).
-- Only causes with incidents in either year have a row.
SELECT
    cause,
    count(*) FILTER (WHERE reported_at >= make_date($year::INTEGER, 1, 1)) AS incidents,
    count(*) FILTER (WHERE reported_at < make_date($year::INTEGER, 1, 1))  AS previous_incidents
FROM incidents
WHERE reported_at >= make_date($year::INTEGER - 1, 1, 1)
  AND reported_at < make_date($year::INTEGER + 1, 1, 1)
  AND ($municipality::VARCHAR IS NULL OR municipality = $municipality::VARCHAR)
GROUP BY cause
ORDER BY incidents DESC, previous_incidents DESC, cause COLLATE sv;
