-- Each risk's state on a day, as defined in 005 (its newest assessment on or before that day,
-- with its level as score), found by key: the newest date per risk from the two key columns,
-- then that assessment's row by its primary key. Numbering every wide row of the register in
-- a window, as before, was most of the time of the risk queries on a large register.
CREATE OR REPLACE MACRO risks_at(day) AS TABLE
    SELECT risks.*, (risks.likelihood * risks.consequence)::INTEGER AS score
    FROM (
        SELECT risk_id, max(assessed_on) AS assessed_on
        FROM risks
        WHERE assessed_on <= day
        GROUP BY risk_id
    ) AS newest
    JOIN risks USING (risk_id, assessed_on);
