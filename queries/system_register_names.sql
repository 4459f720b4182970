-- Every system's id and name, for recognising a file's system column as names or ids.
SELECT system_id, name FROM systems ORDER BY system_id
