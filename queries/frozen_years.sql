-- The years that have been frozen, with their newest version.
SELECT year, max(version) AS version, max(frozen_at) AS frozen_at
FROM frozen_years
GROUP BY year
ORDER BY year
