-- The risk register at the reference date of the selected year and of the year before,
-- for the overview. Parameter: $year (INTEGER). Risks belong to the whole association,
-- so there is no municipality filter.
--
-- The reference date of a year is its last day, or today while the year is running.
-- A risk's state at that date is its newest assessment made on or before it; a risk
-- closed by then is not active. Levels come from the schema's risk_band macro, the one
-- definition of the bands.
WITH reference AS (
    SELECT year, reference_date(year) AS reference_date
    FROM (SELECT unnest([$year::INTEGER - 1, $year::INTEGER]) AS year)
),
latest AS (
    SELECT
        reference.year,
        risks.risk_id,
        risks.status,
        risk_band(risks.likelihood * risks.consequence) AS band
    FROM reference
    JOIN risks ON risks.assessed_on <= reference.reference_date
    QUALIFY row_number() OVER (
        PARTITION BY reference.year, risks.risk_id ORDER BY risks.assessed_on DESC) = 1
)
SELECT
    reference.year,
    reference.reference_date,
    count(latest.risk_id)                                                  AS risks_assessed,
    count(*) FILTER (WHERE latest.status = 'Aktiv')                        AS active,
    count(*) FILTER (WHERE latest.status = 'Aktiv' AND latest.band = 'Låg')         AS low,
    count(*) FILTER (WHERE latest.status = 'Aktiv' AND latest.band = 'Medelhög')    AS medium,
    count(*) FILTER (WHERE latest.status = 'Aktiv' AND latest.band = 'Hög')         AS high,
    count(*) FILTER (WHERE latest.status = 'Aktiv' AND latest.band = 'Extremt hög') AS extreme
FROM reference
LEFT JOIN latest USING (year)
GROUP BY reference.year, reference.reference_date
ORDER BY reference.year;
