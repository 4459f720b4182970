-- Outages and ticket counts may be unknown (NULL): availability comes from monitoring, which
-- has no ticket counts, and the service desk's figures may come later or not at all. An
-- unknown count is shown as unknown, never as 0. Availability and its target stay required.
CREATE TABLE sla_counts_nullable (
    month                   DATE NOT NULL CHECK (day(month) = 1),
    system_id               VARCHAR NOT NULL,
    municipality            VARCHAR NOT NULL
        CHECK (municipality IN ('Arboga', 'Köping', 'Kungsör', 'Surahammar')),
    availability_target_pct DOUBLE NOT NULL CHECK (availability_target_pct BETWEEN 0 AND 100),
    availability_pct        DOUBLE NOT NULL CHECK (availability_pct BETWEEN 0 AND 100),
    outages                 INTEGER CHECK (outages >= 0),
    outage_minutes          DOUBLE NOT NULL CHECK (outage_minutes BETWEEN 0 AND 44640),
    tickets                 INTEGER CHECK (tickets >= 0),
    tickets_within_target   INTEGER
        CHECK (tickets_within_target >= 0 AND tickets_within_target <= tickets),
    CHECK (outages > 0 OR outage_minutes = 0)
);

INSERT INTO sla_counts_nullable SELECT * FROM sla;
DROP TABLE sla;
ALTER TABLE sla_counts_nullable RENAME TO sla;
