-- In the order the run saved them.
SELECT dataset, check_name AS "check", check_type, status, kind, error_category,
       metric_value AS "value", expectation, message, details, queries, observed_at,
       elapsed_ms AS elapsed
FROM observation
WHERE run_id = :runId
ORDER BY id
