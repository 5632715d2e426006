-- The history of check runs. Written once per run; read by checks that compare with earlier runs.
-- One set of SQL for H2 2.x and PostgreSQL: keep to types and syntax both accept unchanged.
-- Timestamps are stored as instants (UTC) truncated to milliseconds.

CREATE TABLE check_run (
    id            UUID                     NOT NULL PRIMARY KEY,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    spec_files    TEXT                     NOT NULL, -- JSON array of paths
    passed        INTEGER                  NOT NULL,
    warned        INTEGER                  NOT NULL,
    failed        INTEGER                  NOT NULL,
    errors        INTEGER                  NOT NULL,
    exit_code     INTEGER                  NOT NULL,
    CONSTRAINT check_run_counts_not_negative
        CHECK (passed >= 0 AND warned >= 0 AND failed >= 0 AND errors >= 0)
);

CREATE INDEX check_run_started ON check_run (started_at);

CREATE TABLE measurement (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id        UUID                     NOT NULL REFERENCES check_run (id),
    dataset       VARCHAR(1000)            NOT NULL,
    check_name    VARCHAR(1000)            NOT NULL,
    metric        VARCHAR(1000)            NOT NULL,
    metric_value  DOUBLE PRECISION         NOT NULL,
    measured_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX measurement_by_metric ON measurement (dataset, metric, measured_at);
CREATE INDEX measurement_by_check ON measurement (dataset, check_name, metric, measured_at);
CREATE INDEX measurement_by_run ON measurement (run_id);

CREATE TABLE observation (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id         UUID                     NOT NULL REFERENCES check_run (id),
    dataset        VARCHAR(1000)            NOT NULL,
    check_name     VARCHAR(1000)            NOT NULL,
    check_type     VARCHAR(100)             NOT NULL,
    status         VARCHAR(8)               NOT NULL,
    kind           VARCHAR(8)               NOT NULL,
    error_category VARCHAR(32),
    metric_value   DOUBLE PRECISION,
    expectation    TEXT,                             -- JSON object, null when the check expects no range
    message        TEXT                     NOT NULL,
    details        TEXT                     NOT NULL, -- JSON array of lines
    queries        TEXT                     NOT NULL, -- JSON array of SQL texts
    observed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    elapsed_ms     BIGINT,
    CONSTRAINT observation_status_known CHECK (status IN ('PASS', 'WARN', 'FAIL', 'ERROR')),
    CONSTRAINT observation_kind_known CHECK (kind IN ('DATA', 'SYSTEM')),
    CONSTRAINT observation_error_is_system CHECK (status <> 'ERROR' OR kind = 'SYSTEM'),
    CONSTRAINT observation_category_only_on_error
        CHECK (error_category IS NULL OR status = 'ERROR'),
    CONSTRAINT observation_elapsed_not_negative CHECK (elapsed_ms IS NULL OR elapsed_ms >= 0)
);

CREATE INDEX observation_by_dataset ON observation (dataset, observed_at);
CREATE INDEX observation_by_run ON observation (run_id);

-- A snapshot outlives its run under retention (the newest one per dataset is kept), hence SET NULL.
CREATE TABLE schema_snapshot (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id        UUID                     REFERENCES check_run (id) ON DELETE SET NULL,
    dataset       VARCHAR(1000)            NOT NULL,
    columns_json  TEXT                     NOT NULL, -- JSON array of {name, type, jdbcType, position, nullable}
    taken_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX schema_snapshot_by_dataset ON schema_snapshot (dataset, taken_at);
CREATE INDEX schema_snapshot_by_run ON schema_snapshot (run_id);
