-- The first year that holds any dated data; the year filter starts there.
-- NULL when the database holds no dated rows.
SELECT min(first_year) AS first_year
FROM (
    SELECT min(year(reported_at)) AS first_year FROM incidents
    UNION ALL SELECT min(year(month)) FROM sla
    UNION ALL SELECT min(year(classified_on)) FROM classifications
    UNION ALL SELECT min(year(assessed_on)) FROM risks
    UNION ALL SELECT min(year(assessed_on)) FROM followups
);
