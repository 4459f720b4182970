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
matches AS (
    SELECT
        active.risk_id,
        incidents.incident_id,
        incidents.reported_at,
        coalesce(incidents.system_id = active.system_id, false) AS by_system,
        (active.system_id IS NULL OR incidents.system_id IS NULL)
            AND list_contains(active.threat_categories, incidents.category) AS by_threat
    FROM active
    JOIN incidents
      ON incidents.reported_at::DATE > active.assessed_on
     AND incidents.reported_at::DATE <= active.reference_date
     AND incidents.severity >= $flagging_severity
),
flagging AS (
    SELECT * FROM matches WHERE by_system OR by_threat
),
counted AS (
    SELECT
        risk_id,
        count(*)::INTEGER                              AS incidents,
        count(*) FILTER (WHERE by_system)::INTEGER     AS incidents_in_system,
        count(*) FILTER (WHERE by_threat)::INTEGER     AS incidents_of_threat,
        max(reported_at)                               AS newest_incident_at
    FROM flagging
    GROUP BY risk_id
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
