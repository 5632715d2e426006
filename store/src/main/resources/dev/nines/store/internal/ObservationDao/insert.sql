INSERT INTO observation (
    run_id, dataset, check_name, check_type, status, kind, error_category, metric_value,
    expectation, message, details, queries, observed_at, elapsed_ms)
VALUES (
    :runId, :dataset, :check, :checkType, :status, :kind, :errorCategory, :value,
    :expectation, :message, :details, :queries, :observedAt, :elapsedMillis)
