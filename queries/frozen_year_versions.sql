-- Every frozen version of a year, newest first, without the stored figures.
SELECT year, version, frozen_at, frozen_by, note, content_sha256
FROM frozen_years
WHERE year = $year
ORDER BY version DESC
