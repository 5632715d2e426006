-- SLO aggregates: each SLO's good and bad counts in minute and hour buckets, updated incrementally
-- from the observation log (the "slos" work cursor), so an evaluation pass never re-reads a window.
-- One set of SQL for H2 2.x and PostgreSQL.

CREATE TABLE slo_bucket (
    slo_name       VARCHAR(1000) NOT NULL,
    width_seconds  INTEGER       NOT NULL, -- 60 for a minute bucket, 3600 for an hour bucket
    bucket_number  BIGINT        NOT NULL, -- epoch seconds / width
    good           BIGINT        NOT NULL,
    bad            BIGINT        NOT NULL,
    PRIMARY KEY (slo_name, width_seconds, bucket_number),
    CONSTRAINT slo_bucket_width_known CHECK (width_seconds IN (60, 3600)),
    CONSTRAINT slo_bucket_counts_not_negative CHECK (good >= 0 AND bad >= 0)
);

CREATE INDEX slo_bucket_by_age ON slo_bucket (width_seconds, bucket_number);

-- What each SLO's buckets were built for: a changed SLI (or a new SLO) rebuilds them from history.
CREATE TABLE slo_aggregate (
    slo_name     VARCHAR(1000)            NOT NULL PRIMARY KEY,
    fingerprint  VARCHAR(2000)            NOT NULL,
    built_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The last evaluation of each SLO, read by `nines slo status` and /api/v1/slos.
CREATE TABLE slo_evaluation (
    slo_name      VARCHAR(1000)            NOT NULL PRIMARY KEY,
    evaluated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    alert_level   VARCHAR(8)               NOT NULL,
    status_json   TEXT                     NOT NULL,
    CONSTRAINT slo_evaluation_level_known CHECK (alert_level IN ('PAGE', 'TICKET', 'NONE'))
);
