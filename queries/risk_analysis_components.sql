-- The systems an analysis can take as components, infrastructure first, each with its owner
-- and the KLASSA levels (K/R/T/S) of its newest classification (NULL when never classified).
-- No parameters.
SELECT
    systems.system_id,
    systems.name,
    systems.owner,
    systems.infrastructure,
    classifications.classified_on,
    classifications.confidentiality,
    classifications.integrity,
    classifications.availability,
    classifications.traceability
FROM systems
LEFT JOIN classifications USING (system_id)
QUALIFY row_number() OVER (
    PARTITION BY systems.system_id ORDER BY classifications.classified_on DESC NULLS LAST) = 1
ORDER BY systems.infrastructure DESC, systems.system_id;
