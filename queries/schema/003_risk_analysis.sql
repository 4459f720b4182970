-- The risk-analysis method: a dated analysis of a scope, the threat catalogue it walks,
-- and on each risk assessment which analysis made it, which threat it concerns, and who
-- accepted it, why and until when.

-- A risk analysis (riskanalys): what was analysed, when, by whom, on which scales.
CREATE TABLE analyses (
    analysis_id  VARCHAR PRIMARY KEY,
    title        VARCHAR NOT NULL,
    scope        VARCHAR NOT NULL,
    started_on   DATE NOT NULL,
    finished_on  DATE,                  -- empty while the analysis is in progress
    participants VARCHAR NOT NULL,
    scales       VARCHAR NOT NULL,
    CHECK (finished_on IS NULL OR finished_on >= started_on)
);

-- The threats an analysis walks for each component; kept by editors.
CREATE TABLE threats (
    threat_id           VARCHAR PRIMARY KEY,
    name                VARCHAR NOT NULL,
    description         VARCHAR,
    -- Incident categories (as in incidents.category, ';'-separated) whose incidents point to
    -- this threat: a new such incident flags the threat's risks for re-assessment.
    incident_categories VARCHAR,
    active              BOOLEAN NOT NULL
);

ALTER TABLE risks ADD COLUMN analysis_id VARCHAR;
ALTER TABLE risks ADD COLUMN threat_id VARCHAR;
ALTER TABLE risks ADD COLUMN accepted_by VARCHAR;
ALTER TABLE risks ADD COLUMN acceptance_reason VARCHAR;
ALTER TABLE risks ADD COLUMN accepted_until DATE;
