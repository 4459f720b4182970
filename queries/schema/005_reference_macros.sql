-- A year's reference date: its last day, or today while the year is running. The one
-- definition every query uses for "at the end of the year" (lagesbild.sections.reference_date
-- says the same for the page texts).
CREATE MACRO reference_date(year) AS least(make_date(year::INTEGER, 12, 31), current_date);

-- Each risk's state on a day: its newest assessment on or before that day, with its level
-- (likelihood × consequence) as score.
CREATE MACRO risks_at(day) AS TABLE
    SELECT *, (likelihood * consequence)::INTEGER AS score
    FROM risks
    WHERE assessed_on <= day
    QUALIFY row_number() OVER (PARTITION BY risk_id ORDER BY assessed_on DESC) = 1;
