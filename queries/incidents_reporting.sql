-- Personal data breaches and significant incidents reported in the selected year, and
-- whether they were reported to the authority in time. One row per incident, oldest first.
-- Parameters: $year (INTEGER); $municipality (VARCHAR, NULL = all municipalities);
-- $significant_warning_hours and $breach_notification_hours (INTEGER, lagesbild.rules).
--
-- Deadlines, counted from reported_at:
--   significant incident: early warning within $significant_warning_hours hours
--     (cybersäkerhetslagen). The data holds one time of reporting to an authority, so that
--     time is judged against it; an incident that is both significant and a breach is
--     judged against the early-warning deadline;
--   personal data breach: notification to IMY within $breach_notification_hours hours
--     (GDPR art. 33).
-- Exactly on the deadline is in time. on_time is NULL while an unreported incident's
-- deadline is still running, false once it has run out. The deadline is compared with
-- now rather than the reference date: for the last days of a past year it ends in the
-- next year, and a report that never came is late all the same.
WITH judged AS (
    SELECT
        incident_id,
        title,
        reported_at,
        municipality,
        category,
        severity,
        personal_data_breach,
        significant,
        reported_to_authority_at,
        epoch(reported_to_authority_at - reported_at) / 3600.0 AS hours_to_report,
        CASE WHEN significant THEN $significant_warning_hours::INTEGER
             ELSE $breach_notification_hours::INTEGER END      AS deadline_hours
    FROM incidents
    WHERE (personal_data_breach OR significant)
      AND reported_at >= make_date($year::INTEGER, 1, 1)
      AND reported_at < make_date($year::INTEGER + 1, 1, 1)
      AND ($municipality::VARCHAR IS NULL OR municipality = $municipality::VARCHAR)
)
SELECT
    *,
    CASE
        WHEN reported_to_authority_at IS NOT NULL THEN hours_to_report <= deadline_hours
        WHEN reported_at + deadline_hours * INTERVAL 1 HOUR <= current_localtimestamp() THEN false
    END AS on_time
FROM judged
ORDER BY reported_at, incident_id;
