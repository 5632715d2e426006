-- Pipeline runs reported by OpenLineage events, the REST API or `nines run`.
-- One set of SQL for H2 2.x and PostgreSQL. Timestamps are instants (UTC) truncated to milliseconds.

-- Every accepted event, raw, with the fields a run's state is derived from.
-- event_key is the SHA-256 of what makes an event unique (run, type, time): a duplicate is refused here.
CREATE TABLE lineage_event (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_key      VARCHAR(64)              NOT NULL,
    event_kind     VARCHAR(8)               NOT NULL,
    run_id         UUID,
    event_type     VARCHAR(16),
    event_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    job_namespace  VARCHAR(1000),
    job_name       VARCHAR(1000),
    parent_run_id  UUID,
    nominal_start  TIMESTAMP WITH TIME ZONE,
    nominal_end    TIMESTAMP WITH TIME ZONE,
    error_message  TEXT,
    stack_trace    TEXT,
    rows_written   BIGINT,
    producer       VARCHAR(2000),
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    payload        TEXT                     NOT NULL,
    CONSTRAINT lineage_event_key_unique UNIQUE (event_key),
    CONSTRAINT lineage_event_kind_known CHECK (event_kind IN ('RUN', 'DATASET', 'JOB')),
    CONSTRAINT lineage_event_run_has_id CHECK (event_kind <> 'RUN' OR run_id IS NOT NULL)
);

CREATE INDEX lineage_event_by_run ON lineage_event (run_id, event_time);

-- A run's state as derived from all of its events; rewritten whenever one of them arrives.
CREATE TABLE pipeline_run (
    run_id         UUID                     NOT NULL PRIMARY KEY,
    job_namespace  VARCHAR(1000)            NOT NULL,
    job_name       VARCHAR(1000)            NOT NULL,
    parent_run_id  UUID,
    state          VARCHAR(16)              NOT NULL,
    nominal_start  TIMESTAMP WITH TIME ZONE,
    nominal_end    TIMESTAMP WITH TIME ZONE,
    started_at     TIMESTAMP WITH TIME ZONE,
    ended_at       TIMESTAMP WITH TIME ZONE,
    duration_ms    BIGINT,
    error_message  TEXT,
    stack_trace    TEXT,
    rows_written   BIGINT,
    event_count    INTEGER                  NOT NULL,
    last_event_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pipeline_run_state_known
        CHECK (state IN ('UNKNOWN', 'RUNNING', 'COMPLETE', 'FAIL', 'ABORT')),
    CONSTRAINT pipeline_run_duration_not_negative CHECK (duration_ms IS NULL OR duration_ms >= 0)
);

CREATE INDEX pipeline_run_by_job ON pipeline_run (job_name, job_namespace, last_event_at);
CREATE INDEX pipeline_run_by_start ON pipeline_run (started_at);

-- Measurements, observations and schema snapshots may come from a pipeline run's events rather
-- than from a check run: either run id may be set.
ALTER TABLE measurement ALTER COLUMN run_id DROP NOT NULL;
ALTER TABLE measurement ADD COLUMN pipeline_run_id UUID;
ALTER TABLE observation ALTER COLUMN run_id DROP NOT NULL;
ALTER TABLE observation ADD COLUMN pipeline_run_id UUID;
ALTER TABLE schema_snapshot ADD COLUMN pipeline_run_id UUID;

CREATE INDEX observation_by_time ON observation (observed_at);
CREATE INDEX observation_by_pipeline_run ON observation (pipeline_run_id);

-- What a pipeline watcher last concluded under each finding key (pipeline/rule/slot or run):
-- a new observation is kept only when the conclusion changed, whichever replica evaluated.
CREATE TABLE pipeline_finding (
    finding_hash     VARCHAR(64)              NOT NULL PRIMARY KEY, -- SHA-256 of finding_key
    finding_key      TEXT                     NOT NULL,
    observation_hash VARCHAR(64)              NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
