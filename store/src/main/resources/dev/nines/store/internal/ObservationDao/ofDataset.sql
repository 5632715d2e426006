-- Column labels match the parameters of dev.nines.observation.Observation.
SELECT dataset, check_name AS "check", check_type, status, kind, error_category,
       metric_value AS "value", expectation, message, details, queries, observed_at,
       elapsed_ms AS elapsed
FROM observation
WHERE dataset = :dataset
  AND (CAST(:status AS VARCHAR(8)) IS NULL OR status = :status)
  AND (CAST(:since AS TIMESTAMP WITH TIME ZONE) IS NULL OR observed_at >= :since)
ORDER BY observed_at DESC, id DESC
LIMIT :limit
