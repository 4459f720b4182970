-- The active threats of the catalogue, in the order an analysis walks them. No parameters.
SELECT threat_id, name, description, incident_categories
FROM threats
WHERE active
ORDER BY threat_id;
