-- Each risk's newest assessment (every column), for the edit form: a new assessment starts
-- from it. No parameters.
SELECT *
FROM risks
QUALIFY row_number() OVER (PARTITION BY risk_id ORDER BY assessed_on DESC) = 1
ORDER BY risk_id COLLATE sv
