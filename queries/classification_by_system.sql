-- One row per system with the information classification in force at the reference date
-- of the selected year: its state, its KLASSA levels, how much of its action plan is met,
-- and whether its service level and continuity planning match its availability needs.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities); the rules
-- $classification_valid_months, $continuity_plan_availability, $gold_tier_availability and
-- $silver_tier_availability (INTEGER, lagesbild.rules).
--
-- The reference date of a year is its last day, or today while the year is running.
-- A system's classification in force is its newest one made on or before that date.
-- state follows overview_classification.sql, so the two queries count alike: 'current'
-- while the next review has not passed (without a review date, while the classification is
-- less than $classification_valid_months months old), 'overdue' after that, 'never' without a
-- classification. review_due is the date the review falls due: next_review, or
-- $classification_valid_months months after the
-- classification when no review date was set; days_overdue counts from it (overdue only).
--
-- Availability needs (our own rule): availability (T) at $continuity_plan_availability or above
-- calls for a continuity plan dated on or before the reference date; from
-- $gold_tier_availability it calls for SLA tier Guld, from $silver_tier_availability for at
-- least Silver (required_tier). A system without a tier is below any such need.
-- A system with no classification in force is not judged: both flags are false.
WITH reference AS (
    SELECT reference_date($year::INTEGER) AS reference_date
),
-- The newest classification per system, as an aggregate: a window sorted over every
-- classification costs more on a million-incident database. (system_id, classified_on) is
-- the key, so it is one row, taken whole.
latest AS (
    SELECT system_id, arg_max(classifications, classified_on) AS made
    FROM classifications, reference
    WHERE classified_on <= reference.reference_date
    GROUP BY system_id
),
in_force AS (
    SELECT
        reference.reference_date,
        systems.system_id,
        systems.name,
        systems.municipality,
        systems.category,
        systems.sla_tier,
        systems.infrastructure,
        systems.continuity_plan_date,
        latest.made.classified_on,
        latest.made.next_review,
        latest.made.confidentiality,
        latest.made.integrity,
        latest.made.availability,
        latest.made.traceability,
        latest.made.measures_met_pct
    FROM systems
    CROSS JOIN reference
    LEFT JOIN latest ON latest.system_id = systems.system_id
    WHERE $municipality::VARCHAR IS NULL OR systems.municipality = $municipality::VARCHAR
),
judged AS (
    SELECT
        *,
        CASE
            WHEN classified_on IS NULL THEN 'never'
            WHEN next_review >= reference_date THEN 'current'
            WHEN next_review IS NULL
                 AND classified_on > reference_date - to_months($classification_valid_months::INTEGER) THEN 'current'
            ELSE 'overdue'
        END AS state,
        coalesce(next_review, (classified_on + to_months($classification_valid_months::INTEGER))::DATE) AS review_due,
        CASE WHEN availability >= $gold_tier_availability::INTEGER THEN 'Guld'
             WHEN availability >= $silver_tier_availability::INTEGER THEN 'Silver' END AS required_tier
    FROM in_force
)
SELECT
    system_id,
    name,
    municipality,
    category,
    sla_tier,
    infrastructure,
    continuity_plan_date,
    classified_on,
    next_review,
    review_due,
    state,
    CASE WHEN state = 'overdue' THEN date_diff('day', review_due, reference_date) END AS days_overdue,
    confidentiality,
    integrity,
    availability,
    traceability,
    measures_met_pct,
    coalesce(availability >= $continuity_plan_availability::INTEGER
             AND (continuity_plan_date IS NULL OR continuity_plan_date > reference_date),
             false)                                               AS needs_continuity_plan,
    required_tier,
    CASE required_tier
        WHEN 'Guld' THEN sla_tier IS DISTINCT FROM 'Guld'
        WHEN 'Silver' THEN sla_tier IS NULL OR sla_tier = 'Brons'
        ELSE false
    END                                                           AS tier_below_need,
    reference_date
FROM judged
ORDER BY name COLLATE sv, system_id;
