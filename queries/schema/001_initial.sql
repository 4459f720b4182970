-- Lägesbild schema, version 1.
-- One table per import kind (lagesbild/contracts.py), history kept as rows:
-- a risk per assessment date, a classification per classification date, a follow-up
-- per assessment date. References between tables (system_id, rec_id) are checked by the
-- importer, not by FOREIGN KEY: DuckDB cannot update a row that a foreign key points at,
-- and upserting systems must stay possible.

CREATE TABLE systems (
    system_id            VARCHAR PRIMARY KEY,
    name                 VARCHAR NOT NULL,
    municipality         VARCHAR NOT NULL
        CHECK (municipality IN ('Arboga', 'Köping', 'Kungsör', 'Surahammar', 'Gemensam')),
    owner                VARCHAR,
    category             VARCHAR NOT NULL
        CHECK (category IN ('Ekonomi', 'HR och lön', 'Skola', 'Vård och omsorg', 'Ärendehantering',
                            'Kommunikation', 'Infrastruktur', 'Webb', 'Samhällsbyggnad', 'Övrigt')),
    sla_tier             VARCHAR CHECK (sla_tier IN ('Guld', 'Silver', 'Brons')),
    infrastructure       BOOLEAN NOT NULL,
    continuity_plan_date DATE,
    management_plan_date DATE
);

CREATE TABLE incidents (
    incident_id              VARCHAR PRIMARY KEY,
    title                    VARCHAR NOT NULL,
    reported_at              TIMESTAMP NOT NULL,
    resolved_at              TIMESTAMP CHECK (resolved_at >= reported_at),
    municipality             VARCHAR NOT NULL
        CHECK (municipality IN ('Arboga', 'Köping', 'Kungsör', 'Surahammar', 'Gemensam')),
    system_id                VARCHAR,
    category                 VARCHAR NOT NULL
        CHECK (category IN ('Otillåtet innehåll', 'Skadlig kod', 'Informationsinsamling',
                            'Intrångsförsök', 'Intrång', 'Tillgänglighet', 'Informationssäkerhet',
                            'Bedrägeri', 'Sårbarhet', 'Övrigt')),
    cause                    VARCHAR NOT NULL
        CHECK (cause IN ('Handhavandefel', 'Angrepp', 'Störning i extern infrastruktur',
                         'Störning i driftmiljön', 'Fel i mjuk- eller hårdvara', 'Okänd')),
    severity                 TINYINT NOT NULL CHECK (severity BETWEEN 1 AND 4),
    personal_data_breach     BOOLEAN NOT NULL,
    significant              BOOLEAN NOT NULL,
    reported_to_authority_at TIMESTAMP CHECK (reported_to_authority_at >= reported_at)
);

CREATE TABLE sla (
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
    CHECK (outages > 0 OR outage_minutes = 0),
    PRIMARY KEY (month, system_id, municipality)
);

CREATE TABLE classifications (
    system_id        VARCHAR NOT NULL,
    classified_on    DATE NOT NULL,
    confidentiality  TINYINT NOT NULL CHECK (confidentiality BETWEEN 0 AND 4),
    integrity        TINYINT NOT NULL CHECK (integrity BETWEEN 0 AND 4),
    availability     TINYINT NOT NULL CHECK (availability BETWEEN 0 AND 4),
    traceability     TINYINT NOT NULL CHECK (traceability BETWEEN 0 AND 4),
    next_review      DATE CHECK (next_review > classified_on),
    measures_met_pct DOUBLE CHECK (measures_met_pct BETWEEN 0 AND 100),
    PRIMARY KEY (system_id, classified_on)
);

CREATE TABLE risks (
    risk_id              VARCHAR NOT NULL,
    title                VARCHAR NOT NULL,
    description          VARCHAR,
    area                 VARCHAR NOT NULL
        CHECK (area IN ('IT-infrastruktur', 'Informationssäkerhet', 'Verksamhetssystem',
                        'Organisation', 'Leverantörer', 'Fysisk säkerhet')),
    system_id            VARCHAR,
    owner                VARCHAR,
    assessed_on          DATE NOT NULL,
    likelihood           TINYINT NOT NULL CHECK (likelihood BETWEEN 1 AND 4),
    consequence          TINYINT NOT NULL CHECK (consequence BETWEEN 1 AND 4),
    treatment            VARCHAR CHECK (treatment IN ('Reducera', 'Acceptera', 'Undvika', 'Överföra')),
    action               VARCHAR,
    action_owner         VARCHAR,
    due_date             DATE,
    action_status        VARCHAR CHECK (action_status IN ('Ej påbörjad', 'Pågår', 'Klar', 'Försenad')),
    residual_likelihood  TINYINT CHECK (residual_likelihood BETWEEN 1 AND 4),
    residual_consequence TINYINT CHECK (residual_consequence BETWEEN 1 AND 4),
    status               VARCHAR NOT NULL CHECK (status IN ('Aktiv', 'Stängd')),
    CHECK ((residual_likelihood IS NULL) = (residual_consequence IS NULL)),
    CHECK (residual_likelihood * residual_consequence <= likelihood * consequence),
    PRIMARY KEY (risk_id, assessed_on)
);

CREATE TABLE recommendations (
    rec_id   VARCHAR PRIMARY KEY,
    audit    VARCHAR NOT NULL,
    text     VARCHAR NOT NULL,
    owner    VARCHAR,
    due_date DATE
);

CREATE TABLE followups (
    rec_id      VARCHAR NOT NULL,
    assessed_on DATE NOT NULL,
    assessed_by VARCHAR NOT NULL,
    status      VARCHAR NOT NULL CHECK (status IN ('Ja', 'Delvis', 'Nej')),
    comment     VARCHAR,
    PRIMARY KEY (rec_id, assessed_on)
);

CREATE TABLE documents (
    doc_id        VARCHAR PRIMARY KEY,
    title         VARCHAR NOT NULL,
    type          VARCHAR NOT NULL
        CHECK (type IN ('Policy', 'Riktlinje', 'Anvisning', 'Instruktion', 'Rutin', 'Plan')),
    decided_by    VARCHAR,
    decided_on    DATE,
    review_months INTEGER NOT NULL CHECK (review_months BETWEEN 1 AND 120),
    status        VARCHAR NOT NULL
        CHECK (status IN ('Gällande', 'Under revidering', 'Utkast', 'Upphävd')),
    owner         VARCHAR
);

-- Every import and edit: who, when, what, from which file, and what it changed.
CREATE SEQUENCE change_log_seq START 1;
CREATE TABLE change_log (
    change_id      BIGINT PRIMARY KEY DEFAULT nextval('change_log_seq'),
    changed_at     TIMESTAMP NOT NULL,
    changed_by     VARCHAR NOT NULL,
    action         VARCHAR NOT NULL CHECK (action IN ('import', 'edit')),
    kind           VARCHAR NOT NULL,
    file_name      VARCHAR,
    file_sha256    VARCHAR CHECK (file_sha256 IS NULL OR length(file_sha256) = 64),
    rows_inserted  INTEGER NOT NULL CHECK (rows_inserted >= 0),
    rows_updated   INTEGER NOT NULL CHECK (rows_updated >= 0),
    rows_unchanged INTEGER NOT NULL CHECK (rows_unchanged >= 0)
);

-- Facts about the database itself, e.g. whether it holds the demo data.
CREATE TABLE meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- Risk level = likelihood × consequence, banded as in MSB's method support.
-- The one definition of the bands: every query and the heat map use this macro.
CREATE MACRO risk_band(score) AS
    CASE WHEN score >= 16 THEN 'Extremt hög'
         WHEN score >= 8 THEN 'Hög'
         WHEN score >= 3 THEN 'Medelhög'
         ELSE 'Låg' END;
