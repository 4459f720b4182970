-- The stored figures of a year's newest frozen version (no rows: the year is not frozen).
SELECT year, version, frozen_at, frozen_by, content, content_sha256
FROM frozen_years
WHERE year = $year
ORDER BY version DESC
LIMIT 1
