DELETE FROM observation
WHERE run_id IN (SELECT id FROM check_run WHERE started_at < :cutoff)
