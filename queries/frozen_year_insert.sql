-- A new frozen version of a year: the next version number; earlier versions stay as they are.
INSERT INTO frozen_years
SELECT $year, coalesce(max(version), 0) + 1, $frozen_at, $frozen_by, $note, $content, $content_sha256
FROM frozen_years
WHERE year = $year
RETURNING version
