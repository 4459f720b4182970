-- The register of governing documents as stored (every column), for the edit form.
-- No parameters.
SELECT doc_id, title, type, decided_by, decided_on, review_months, status, owner
FROM documents
ORDER BY doc_id COLLATE sv
