-- The rule a macro judges by is a parameter of the macro, passed by the query from
-- lagesbild.rules, instead of a number written into the schema: a classification without a
-- review date stays current for valid_months months (lagesbild.rules.CLASSIFICATION_VALID_MONTHS).
-- Otherwise the same definition as in 007: a system's newest classification made on or
-- before the year's reference date is 'current' while its next review has not passed
-- (without a review date: younger than valid_months), 'overdue' after, 'never' without one.
-- The systems table has no start date, so every system counts in every year.
CREATE OR REPLACE MACRO classification_state_by_year(years, scope, valid_months) AS TABLE
    WITH reference AS (
        SELECT year, reference_date(year) AS reference_date FROM (SELECT unnest(years) AS year)
    ),
    in_force AS (
        -- (system_id, classified_on) is the key, so the newest classification is one row;
        -- arg_max_null keeps its review date even when that is empty.
        SELECT
            reference.year,
            classifications.system_id,
            max(classifications.classified_on)                                      AS classified_on,
            arg_max_null(classifications.next_review, classifications.classified_on) AS next_review
        FROM reference
        JOIN classifications ON classifications.classified_on <= reference.reference_date
        GROUP BY reference.year, classifications.system_id
    )
    SELECT
        reference.year,
        reference.reference_date,
        systems.system_id,
        systems.infrastructure,
        coalesce(systems.sla_tier = 'Guld', false) AS gold,
        CASE
            WHEN in_force.classified_on IS NULL THEN 'never'
            WHEN in_force.next_review >= reference.reference_date THEN 'current'
            WHEN in_force.next_review IS NULL
                 AND in_force.classified_on > reference.reference_date - to_months(valid_months::INTEGER)
                THEN 'current'
            ELSE 'overdue'
        END AS state
    FROM reference
    CROSS JOIN systems
    LEFT JOIN in_force
        ON in_force.year = reference.year AND in_force.system_id = systems.system_id
    WHERE scope IS NULL OR systems.municipality = scope;
