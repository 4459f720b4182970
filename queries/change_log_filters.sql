-- What the change log's filters can offer: each kind, action and person that occurs in the
-- log (field = 'kind', 'action' or 'changed_by'), sorted. No parameters.
SELECT DISTINCT 'kind' AS field, kind AS value FROM change_log
UNION ALL
SELECT DISTINCT 'action', action FROM change_log
UNION ALL
SELECT DISTINCT 'changed_by', changed_by FROM change_log
ORDER BY field, value COLLATE sv
