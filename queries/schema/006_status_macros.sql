-- The status of the audit recommendations and of the systems' classifications at the
-- reference dates of a list of years: one definition each, for the overview and for the
-- pages' year-by-year charts.

-- Per year: how many recommendations there are and how many were, by their newest follow-up
-- made on or before the year's reference date, fully met (Ja), partly (Delvis), not (Nej), or
-- not yet assessed. Recommendations carry no date of their own, so all count in every year.
-- done_pct is NULL when there are none (none is not 0 %).
CREATE MACRO recommendation_status_by_year(years) AS TABLE
    WITH reference AS (
        SELECT year, reference_date(year) AS reference_date FROM (SELECT unnest(years) AS year)
    ),
    latest AS (
        SELECT reference.year, recommendations.rec_id, followups.status
        FROM reference
        CROSS JOIN recommendations
        LEFT JOIN followups
            ON followups.rec_id = recommendations.rec_id
           AND followups.assessed_on <= reference.reference_date
        QUALIFY row_number() OVER (
            PARTITION BY reference.year, recommendations.rec_id
            ORDER BY followups.assessed_on DESC NULLS LAST) = 1
    )
    SELECT
        reference.year,
        reference.reference_date,
        count(latest.rec_id)                                                        AS recommendations,
        count(*) FILTER (WHERE latest.status = 'Ja')                                AS done,
        count(*) FILTER (WHERE latest.status = 'Delvis')                            AS partly,
        count(*) FILTER (WHERE latest.status = 'Nej')                               AS not_done,
        count(*) FILTER (WHERE latest.rec_id IS NOT NULL AND latest.status IS NULL) AS not_assessed,
        100.0 * count(*) FILTER (WHERE latest.status = 'Ja')
            / nullif(count(latest.rec_id), 0)                                       AS done_pct
    FROM reference
    LEFT JOIN latest USING (year)
    GROUP BY reference.year, reference.reference_date;

-- Per year and system (of municipality scope; NULL = all): the state of the classification in
-- force at the year's reference date, its newest made on or before it: 'current' while its
-- next review has not passed (without a review date: less than twelve months old, as KLASSA
-- asks for a yearly review), 'overdue' after, 'never' without one. The systems table has no
-- start date, so every system counts in every year.
CREATE MACRO classification_state_by_year(years, scope) AS TABLE
    WITH reference AS (
        SELECT year, reference_date(year) AS reference_date FROM (SELECT unnest(years) AS year)
    ),
    in_force AS (
        SELECT
            reference.year,
            reference.reference_date,
            systems.system_id,
            systems.infrastructure,
            coalesce(systems.sla_tier = 'Guld', false) AS gold,
            classifications.classified_on,
            classifications.next_review
        FROM reference
        CROSS JOIN systems
        LEFT JOIN classifications
            ON classifications.system_id = systems.system_id
           AND classifications.classified_on <= reference.reference_date
        WHERE scope IS NULL OR systems.municipality = scope
        QUALIFY row_number() OVER (
            PARTITION BY reference.year, systems.system_id
            ORDER BY classifications.classified_on DESC NULLS LAST) = 1
    )
    SELECT
        year,
        reference_date,
        system_id,
        infrastructure,
        gold,
        CASE
            WHEN classified_on IS NULL THEN 'never'
            WHEN next_review >= reference_date THEN 'current'
            WHEN next_review IS NULL
                 AND classified_on > reference_date - INTERVAL 12 MONTH THEN 'current'
            ELSE 'overdue'
        END AS state
    FROM in_force;
