-- Active risks that new incidents flag for re-assessment, at the reference date of the
-- selected year. Parameters: $year (INTEGER) and $flagging_severity from
-- lagesbild/risk_review.py (query_params). Incidents of every municipality count: risks
-- belong to the whole association.
--
-- A risk's state is its newest assessment on or before the reference date (the year's last
-- day, or today while the year is running). A serious incident (severity $flagging_severity or
-- higher) reported on a later day than that assessment, and by the reference date, flags the
-- risk when
--   it concerns the risk's system (incidents.system_id = risks.system_id), or
--   the incident or the risk is tied to no system, and the incident's category is one of the
--   incident categories of the risk's threat (threats.incident_categories, ';'-separated).
-- (An incident in another system than the risk's says nothing new about that risk; without a
-- system on either side the category is what ties them.) A threat no longer active in the
-- catalogue still flags the risks that concern it.
WITH reference AS (
    SELECT reference_date($year::INTEGER) AS reference_date
),
latest AS (
    SELECT state.*, reference.reference_date
    FROM reference, risks_at(reference_date($year::INTEGER)) AS state
),
active AS (
    SELECT
        latest.*,
        list_transform(string_split(coalesce(threats.incident_categories, ''), ';'), lambda c: trim(c))
            AS threat_categories,
        threats.name AS threat_name
    FROM latest
    LEFT JOIN threats USING (threat_id)
    WHERE latest.status = 'Aktiv'
),
oldest AS (
    -- An incident on or before the day of the oldest active assessment flags no risk.
    SELECT min(assessed_on) AS assessed_on FROM active
),
serious AS (
    -- The serious incidents after that day and by the reference date, compared as timestamps
    -- so that the scan skips the stored blocks outside those days.
    SELECT system_id, category, reported_at, reported_at::DATE AS reported_on
    FROM incidents, reference, oldest
    WHERE severity >= $flagging_severity
      AND reported_at < (reference.reference_date + 1)::TIMESTAMP
      AND reported_at >= (oldest.assessed_on + 1)::TIMESTAMP
),
by_system AS (
    -- Serious incidents in the risk's own system since its assessment.
    SELECT active.risk_id, count(*)::INTEGER AS incidents, max(serious.reported_at) AS newest_incident_at
    FROM active
    JOIN serious ON serious.system_id = active.system_id
    WHERE serious.reported_on > active.assessed_on
    GROUP BY active.risk_id
),
-- By the threat's categories, counted without pairing every risk with every incident (a
-- million incidents): per category, how many serious incidents there were up to each day,
-- among all (for a risk tied to no system) and among those tied to no system (for a risk tied
-- to one); the count since an assessment is the total less the count up to its day.
daily AS (
    SELECT
        category,
        reported_on,
        count(*) AS all_incidents,
        count(*) FILTER (WHERE system_id IS NULL) AS without_system,
        max(reported_at) AS newest_at,
        max(reported_at) FILTER (WHERE system_id IS NULL) AS newest_without_system_at
    FROM serious
    GROUP BY category, reported_on
),
running AS (
    SELECT
        category,
        reported_on,
        sum(all_incidents) OVER up_to_the_day AS all_up_to,
        sum(without_system) OVER up_to_the_day AS without_system_up_to
    FROM daily
    WINDOW up_to_the_day AS (PARTITION BY category ORDER BY reported_on)
),
totals AS (
    SELECT
        category,
        sum(all_incidents) AS all_total,
        sum(without_system) AS without_system_total,
        max(newest_at) AS newest_at,
        max(newest_without_system_at) AS newest_without_system_at
    FROM daily
    GROUP BY category
),
risk_categories AS (
    SELECT DISTINCT risk_id, system_id, assessed_on, unnest(threat_categories) AS category
    FROM active
),
by_threat_category AS (
    SELECT
        risk_categories.risk_id,
        CASE WHEN risk_categories.system_id IS NULL
             THEN totals.all_total - coalesce(running.all_up_to, 0)
             ELSE totals.without_system_total - coalesce(running.without_system_up_to, 0)
        END AS incidents,
        CASE WHEN risk_categories.system_id IS NULL THEN totals.newest_at
             ELSE totals.newest_without_system_at END AS newest_incident_at
    FROM risk_categories
    JOIN totals USING (category)
    ASOF LEFT JOIN running
      ON running.category = risk_categories.category
     AND running.reported_on <= risk_categories.assessed_on
),
by_threat AS (
    SELECT
        risk_id,
        sum(incidents)::INTEGER AS incidents,
        max(newest_incident_at) FILTER (WHERE incidents > 0) AS newest_incident_at
    FROM by_threat_category
    GROUP BY risk_id
    HAVING sum(incidents) > 0
),
counted AS (
    -- An incident ties to a risk by its system or by the threat, never both: the first needs
    -- both to have a system, the second one of them to have none.
    SELECT
        risk_id,
        (coalesce(by_system.incidents, 0) + coalesce(by_threat.incidents, 0))::INTEGER AS incidents,
        coalesce(by_system.incidents, 0)::INTEGER AS incidents_in_system,
        coalesce(by_threat.incidents, 0)::INTEGER AS incidents_of_threat,
        greatest(by_system.newest_incident_at, by_threat.newest_incident_at) AS newest_incident_at
    FROM by_system
    FULL JOIN by_threat USING (risk_id)
)
SELECT
    active.risk_id,
    active.title,
    active.area,
    active.system_id,
    systems.name AS system_name,
    active.threat_id,
    active.threat_name,
    active.owner,
    active.assessed_on,
    active.score,
    risk_band(active.score) AS band,
    counted.incidents,
    counted.incidents_in_system,
    counted.incidents_of_threat,
    counted.newest_incident_at
FROM counted
JOIN active USING (risk_id)
LEFT JOIN systems USING (system_id)
ORDER BY counted.incidents DESC, active.score DESC, active.risk_id;
