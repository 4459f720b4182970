-- A frozen year (fastställd lägesbild): the query results behind that year's report,
-- stored so the report given to the board can be reproduced exactly after data is
-- corrected. A year is frozen again only by a new version; old versions are kept.
CREATE TABLE frozen_years (
    year           INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    version        INTEGER NOT NULL CHECK (version >= 1),
    frozen_at      TIMESTAMP NOT NULL,
    frozen_by      VARCHAR NOT NULL,
    note           VARCHAR,
    content        VARCHAR NOT NULL,       -- JSON: the recorded query results
    content_sha256 VARCHAR NOT NULL CHECK (length(content_sha256) = 64),
    PRIMARY KEY (year, version)
);

-- The change log also records freezing a year and changing someone's role.
CREATE TABLE change_log_new (
    change_id      BIGINT PRIMARY KEY DEFAULT nextval('change_log_seq'),
    changed_at     TIMESTAMP NOT NULL,
    changed_by     VARCHAR NOT NULL,
    action         VARCHAR NOT NULL CHECK (action IN ('import', 'edit', 'freeze', 'role')),
    kind           VARCHAR NOT NULL,
    file_name      VARCHAR,
    file_sha256    VARCHAR CHECK (file_sha256 IS NULL OR length(file_sha256) = 64),
    rows_inserted  INTEGER NOT NULL CHECK (rows_inserted >= 0),
    rows_updated   INTEGER NOT NULL CHECK (rows_updated >= 0),
    rows_unchanged INTEGER NOT NULL CHECK (rows_unchanged >= 0)
);
INSERT INTO change_log_new SELECT * FROM change_log;
DROP TABLE change_log;
ALTER TABLE change_log_new RENAME TO change_log;

-- Who has which role, kept by administrators in the app. Configuration (secrets.toml)
-- names the first administrators; this table adds to it.
CREATE TABLE user_roles (
    email      VARCHAR PRIMARY KEY CHECK (email = lower(trim(email)) AND email LIKE '%_@_%'),
    role       VARCHAR NOT NULL CHECK (role IN ('läsare', 'redaktör', 'admin')),
    granted_by VARCHAR NOT NULL,
    granted_at TIMESTAMP NOT NULL
);
