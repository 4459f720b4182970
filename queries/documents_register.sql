-- The register of governing documents and where each stands at the reference date of the
-- selected year. Parameters: $year (INTEGER); $document_due_soon_days (INTEGER, the rule
-- lagesbild.rules.DOCUMENT_DUE_SOON_DAYS). Governing documents belong to the whole
-- association, so there is no municipality filter.
--
-- The reference date of a year is its last day, or today while the year is running.
-- next_review = decided_on + review_months. review_state at the reference date:
--   'repealed'    status Upphävd: no longer in force, so never due for review;
--   'not_decided' no decision date, or decided only after the reference date;
--   'overdue'     the next review lies before the reference date;
--   'due_soon'    the next review falls within $document_due_soon_days days from the reference date;
--   'ok'          the next review lies further ahead.
-- The register keeps one row per document, not its history: status and decision date are
-- today's, also when an earlier year is selected.
-- Order: most urgent first, the repealed documents last.
WITH reference AS (
    SELECT reference_date($year::INTEGER) AS reference_date
),
register AS (
    SELECT
        documents.*,
        (documents.decided_on + to_months(documents.review_months))::DATE AS next_review,
        reference.reference_date
    FROM documents
    CROSS JOIN reference
),
judged AS (
    SELECT
        *,
        CASE
            WHEN status = 'Upphävd' THEN 'repealed'
            WHEN decided_on IS NULL OR decided_on > reference_date THEN 'not_decided'
            WHEN next_review < reference_date THEN 'overdue'
            WHEN next_review <= reference_date + $document_due_soon_days::INTEGER THEN 'due_soon'
            ELSE 'ok'
        END AS review_state
    FROM register
)
SELECT
    doc_id,
    title,
    type,
    decided_by,
    decided_on,
    review_months,
    next_review,
    review_state,
    status,
    owner,
    reference_date
FROM judged
ORDER BY
    list_position(['overdue', 'due_soon', 'ok', 'not_decided', 'repealed'], review_state),
    next_review NULLS LAST,
    title COLLATE sv;
