-- One definition of an SLA system-month, read by every SLA query: whether it met its target,
-- which member municipalities a shared system's row counts for, and its ticket counts where
-- they were not imported but can be computed from the incident register.

-- A shared system (municipality Gemensam) serves the members listed in "Används av"
-- (used_by, comma-separated member names); empty means all four.
ALTER TABLE systems ADD COLUMN used_by VARCHAR;

-- An SLA row may now be measured for the shared services as a whole (municipality Gemensam):
-- a monitoring export has one row per service and month, not one per member.
CREATE TABLE sla_with_shared_rows (
    month                   DATE NOT NULL CHECK (day(month) = 1),
    system_id               VARCHAR NOT NULL,
    municipality            VARCHAR NOT NULL
        CHECK (municipality IN ('Arboga', 'Köping', 'Kungsör', 'Surahammar', 'Gemensam')),
    availability_target_pct DOUBLE NOT NULL CHECK (availability_target_pct BETWEEN 0 AND 100),
    availability_pct        DOUBLE NOT NULL CHECK (availability_pct BETWEEN 0 AND 100),
    outages                 INTEGER CHECK (outages >= 0),
    outage_minutes          DOUBLE NOT NULL CHECK (outage_minutes BETWEEN 0 AND 44640),
    tickets                 INTEGER CHECK (tickets >= 0),
    tickets_within_target   INTEGER
        CHECK (tickets_within_target >= 0 AND tickets_within_target <= tickets),
    CHECK (outages > 0 OR outage_minutes = 0)
);

INSERT INTO sla_with_shared_rows SELECT * FROM sla;
DROP TABLE sla;
ALTER TABLE sla_with_shared_rows RENAME TO sla;

-- The resolution-time targets (åtgärdstid) in hours, per SLA tier and priority: Brådskande
-- is severity Kritisk (4), Hög is Hög (3), Normal is Medel and Låg (2, 1). The one place
-- these targets are written; a system without a tier has none (NULL).
CREATE MACRO resolution_target_hours(sla_tier, severity) AS
    CASE sla_tier
        WHEN 'Guld'   THEN CASE WHEN severity >= 4 THEN 4  WHEN severity = 3 THEN 6  ELSE 12 END
        WHEN 'Silver' THEN CASE WHEN severity >= 4 THEN 6  WHEN severity = 3 THEN 12 ELSE 24 END
        WHEN 'Brons'  THEN CASE WHEN severity >= 4 THEN 12 WHEN severity = 3 THEN 24 ELSE 40 END
    END;

-- The member municipalities a shared system serves, from its "Används av" (names compared
-- without regard to case or spaces), in the members' order; all four when it is empty.
CREATE MACRO served_members(used_by) AS
    CASE WHEN nullif(trim(used_by), '') IS NULL
         THEN ['Arboga', 'Köping', 'Kungsör', 'Surahammar']
         ELSE list_filter(['Arboga', 'Köping', 'Kungsör', 'Surahammar'],
                          lambda member: list_contains(
                              list_transform(string_split(lower(used_by), ','), lambda x: trim(x)),
                              lower(member)))
    END;

-- Tickets per system, reporting municipality and month of first_year..last_year, counted
-- from the incidents of the listed systems (those with an SLA tier): a ticket counts in the
-- month it was reported, and within target when it was resolved within
-- resolution_target_hours of its system's tier and its severity; one still open is not.
CREATE MACRO incident_ticket_counts(first_year, last_year, system_ids) AS TABLE
    SELECT
        date_trunc('month', incidents.reported_at)::DATE AS month,
        incidents.system_id,
        incidents.municipality,
        count(*)                                         AS tickets,
        count(*) FILTER (WHERE incidents.resolved_at <= incidents.reported_at
            + to_hours(resolution_target_hours(systems.sla_tier, incidents.severity)))
                                                         AS tickets_within_target
    FROM incidents
    JOIN systems ON systems.system_id = incidents.system_id
    -- A semi join rather than list_contains: with no systems listed it ends before reading
    -- the incidents.
    WHERE incidents.system_id IN (SELECT unnest(system_ids))
      AND systems.sla_tier IS NOT NULL
      AND incidents.reported_at >= make_date(first_year::INTEGER, 1, 1)
      AND incidents.reported_at < make_date(last_year::INTEGER + 1, 1, 1)
    GROUP BY ALL;

-- The system-months of first_year..last_year for scope (a member municipality; NULL = all):
-- one row per system, member and month, with
--   target_met      availability reached the target: availability_pct >= target. The only
--                   place this comparison is written; every SLA figure reads it here.
--   shared          the row comes from a shared row (municipality Gemensam) of a system that
--                   serves this member. A member's own row for the same system and month
--                   takes the shared row's place for that member.
--   tickets, tickets_within_target
--                   imported counts where the row has them (imported wins); else computed
--                   from the incidents of that system, member and month (a ticket counts in
--                   the month it was reported, within target when resolved within
--                   resolution_target_hours of its tier and severity; one still open is not);
--                   else unknown (NULL), never 0.
--                   A shared row's imported counts are the system's as a whole: with all
--                   members selected they count once (on the first member it serves, 0 on the
--                   others), for a single member they are not known. Incidents reported by the
--                   association itself on a shared system count the same way.
--   tickets_source  'imported', 'computed' or NULL (unknown).
--   counts_known    both ticket counts are known: shares over tickets use only these rows.
-- Outages and outage minutes of a shared row hit every member it serves, as availability does.
CREATE MACRO sla_months(first_year, last_year, scope) AS TABLE
    WITH stored AS NOT MATERIALIZED (
        SELECT *
        FROM sla
        WHERE month >= make_date(first_year::INTEGER, 1, 1)
          AND month < make_date(last_year::INTEGER + 1, 1, 1)
    ),
    -- A shared row once per member it serves, except a member with its own row for the
    -- system and month.
    shared_served AS MATERIALIZED (
        SELECT stored.* EXCLUDE (municipality),
               unnest(served_members(systems.used_by)) AS municipality,
               generate_subscripts(served_members(systems.used_by), 1) = 1 AS first_served
        FROM stored
        LEFT JOIN systems ON systems.system_id = stored.system_id
        WHERE stored.municipality = 'Gemensam'
    ),
    -- Ticket counts from the incidents, for the systems of the rows that may need them: rows
    -- without imported counts, and shared rows.
    computed AS MATERIALIZED (
        SELECT * FROM incident_ticket_counts(first_year, last_year,
            coalesce((SELECT list(DISTINCT system_id) FROM stored WHERE tickets IS NULL), [])
            || coalesce((SELECT list(DISTINCT system_id) FROM shared_served), []))
    ),
    -- Rows without imported counts: DuckDB finds none without reading a row group that has
    -- no NULL tickets, so the common case (every count imported) costs almost nothing here,
    -- and the incidents are not read at all.
    own_unknown AS (
        SELECT stored.* EXCLUDE (tickets, tickets_within_target),
               computed.tickets, computed.tickets_within_target,
               CASE WHEN computed.tickets IS NOT NULL THEN 'computed' END AS tickets_source
        FROM stored
        LEFT JOIN computed
            ON computed.month = stored.month
           AND computed.system_id = stored.system_id
           AND computed.municipality = stored.municipality
        WHERE stored.tickets IS NULL AND stored.municipality <> 'Gemensam'
          AND (scope IS NULL OR stored.municipality = scope)
    ),
    shared AS (
        SELECT
            s.* EXCLUDE (tickets, tickets_within_target, first_served),
            CASE
                WHEN scope IS NULL AND s.tickets IS NOT NULL
                    THEN CASE WHEN s.first_served THEN s.tickets ELSE 0 END
                WHEN scope IS NULL AND s.first_served
                     AND coalesce(by_member.tickets, by_association.tickets) IS NOT NULL
                    THEN coalesce(by_member.tickets, 0) + coalesce(by_association.tickets, 0)
                ELSE by_member.tickets
            END AS tickets,
            CASE
                WHEN scope IS NULL AND s.tickets IS NOT NULL
                    THEN CASE WHEN s.first_served THEN s.tickets_within_target ELSE 0 END
                WHEN scope IS NULL AND s.first_served
                     AND coalesce(by_member.tickets, by_association.tickets) IS NOT NULL
                    THEN coalesce(by_member.tickets_within_target, 0)
                         + coalesce(by_association.tickets_within_target, 0)
                ELSE by_member.tickets_within_target
            END AS tickets_within_target,
            CASE
                WHEN scope IS NULL AND s.tickets IS NOT NULL THEN 'imported'
                WHEN by_member.tickets IS NOT NULL
                     OR (scope IS NULL AND s.first_served AND by_association.tickets IS NOT NULL)
                    THEN 'computed'
            END AS tickets_source
        FROM shared_served AS s
        LEFT JOIN computed AS by_member
            ON by_member.month = s.month
           AND by_member.system_id = s.system_id
           AND by_member.municipality = s.municipality
        LEFT JOIN computed AS by_association
            ON by_association.month = s.month
           AND by_association.system_id = s.system_id
           AND by_association.municipality = 'Gemensam'
        -- Only the own rows of shared systems are looked at: none without shared rows.
        ANTI JOIN (SELECT month, system_id, municipality FROM stored
                   WHERE municipality <> 'Gemensam'
                     AND system_id IN (SELECT system_id FROM shared_served)) AS own
            ON own.month = s.month
           AND own.system_id = s.system_id
           AND own.municipality = s.municipality
        WHERE scope IS NULL OR s.municipality = scope
    ),
    months AS (
        SELECT *, 'imported' AS tickets_source, false AS shared
        FROM stored
        WHERE tickets IS NOT NULL AND municipality <> 'Gemensam'
          AND (scope IS NULL OR municipality = scope)
        UNION ALL BY NAME SELECT *, false AS shared FROM own_unknown
        UNION ALL BY NAME SELECT *, true AS shared FROM shared
    )
    SELECT
        month,
        year(month)::INTEGER                                        AS year,
        system_id,
        municipality,
        availability_target_pct,
        availability_pct,
        availability_pct >= availability_target_pct                 AS target_met,
        outages,
        outage_minutes,
        tickets,
        tickets_within_target,
        tickets_source,
        tickets IS NOT NULL AND tickets_within_target IS NOT NULL   AS counts_known,
        shared
    FROM months;
