-- SLA months keep their key, (month, system_id, municipality), without a declared PRIMARY KEY.
-- DuckDB's index on that key of a date and two texts made up most of an SLA import: about
-- 7 of 12 seconds for the 3.5 million rows of the million-incident benchmark, and 300 MB of
-- the database file. The importer, the table's only writer, keeps the key unique instead:
-- it refuses a file that repeats a key, updates a stored key in place, inserts only keys not
-- stored yet, and writes one import at a time (lagesbild/ingest.py; tests/test_ingest.py
-- checks that a re-import of an overlapping file leaves every key once and that no other
-- code writes the table). NOT NULL and the CHECKs stay declared.
CREATE TABLE sla_without_index (
    month                   DATE NOT NULL CHECK (day(month) = 1),
    system_id               VARCHAR NOT NULL,
    municipality            VARCHAR NOT NULL
        CHECK (municipality IN ('Arboga', 'Köping', 'Kungsör', 'Surahammar')),
    availability_target_pct DOUBLE NOT NULL CHECK (availability_target_pct BETWEEN 0 AND 100),
    availability_pct        DOUBLE NOT NULL CHECK (availability_pct BETWEEN 0 AND 100),
    outages                 INTEGER NOT NULL CHECK (outages >= 0),
    outage_minutes          DOUBLE NOT NULL CHECK (outage_minutes BETWEEN 0 AND 44640),
    tickets                 INTEGER NOT NULL CHECK (tickets >= 0),
    tickets_within_target   INTEGER NOT NULL
        CHECK (tickets_within_target >= 0 AND tickets_within_target <= tickets),
    CHECK (outages > 0 OR outage_minutes = 0)
);

INSERT INTO sla_without_index SELECT * FROM sla;
DROP TABLE sla;
ALTER TABLE sla_without_index RENAME TO sla;
