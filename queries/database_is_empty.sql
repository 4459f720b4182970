-- True for a database that has never received data: nothing imported or edited, no systems.
-- The app loads the demo data into such a database on its first start.
SELECT NOT EXISTS (SELECT 1 FROM change_log) AND NOT EXISTS (SELECT 1 FROM systems) AS empty;
