-- Every risk analysis, newest first, with how many assessments it has made so far.
-- No parameters.
SELECT
    analyses.analysis_id,
    analyses.title,
    analyses.scope,
    analyses.started_on,
    analyses.finished_on,
    analyses.participants,
    analyses.scales,
    count(risks.risk_id)::INTEGER AS assessments
FROM analyses
LEFT JOIN risks ON risks.analysis_id = analyses.analysis_id
GROUP BY ALL
ORDER BY analyses.started_on DESC, analyses.analysis_id DESC;
