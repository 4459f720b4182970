-- The change log, newest first: every import, edit, freezing of a year and role change.
-- Parameters, each NULL for "any":
--   $kind       VARCHAR  the kind changed (systems, risks, ...)
--   $action     VARCHAR  import, edit, freeze or role
--   $changed_by VARCHAR  who made the change
--   $date_from  DATE     first day to include
--   $date_to    DATE     last day to include (the whole day)
SELECT
    change_id, changed_at, changed_by, action, kind, file_name, file_sha256,
    rows_inserted, rows_updated, rows_unchanged
FROM change_log
WHERE ($kind::VARCHAR IS NULL OR kind = $kind::VARCHAR)
  AND ($action::VARCHAR IS NULL OR action = $action::VARCHAR)
  AND ($changed_by::VARCHAR IS NULL OR changed_by = $changed_by::VARCHAR)
  AND ($date_from::DATE IS NULL OR changed_at >= $date_from::DATE)
  AND ($date_to::DATE IS NULL OR changed_at < $date_to::DATE + INTERVAL 1 DAY)
ORDER BY changed_at DESC, change_id DESC
