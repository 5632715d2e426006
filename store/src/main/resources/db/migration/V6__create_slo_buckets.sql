-- SLO aggregates: each SLO's good, bad and no-data counts in minute and hour buckets, updated
-- incrementally from the observation log (the "slo" work cursor), so an evaluation pass never
-- re-reads a window; each SLO's last evaluation; incidents about SLOs (their burn-rate alerts).
-- One set of SQL for H2 2.x and PostgreSQL.

CREATE TABLE slo_bucket (
    slo_name       VARCHAR(1000) NOT NULL,
    width_seconds  INTEGER       NOT NULL, -- 60 for a minute bucket, 3600 for an hour bucket
    bucket_number  BIGINT        NOT NULL, -- epoch seconds / width
    good           BIGINT        NOT NULL, -- after the SLO's no-data policy
    bad            BIGINT        NOT NULL, -- after the SLO's no-data policy
    no_data        BIGINT        NOT NULL, -- events without data, whichever way they counted
    PRIMARY KEY (slo_name, width_seconds, bucket_number),
    CONSTRAINT slo_bucket_width_known CHECK (width_seconds IN (60, 3600)),
    CONSTRAINT slo_bucket_counts_not_negative CHECK (good >= 0 AND bad >= 0 AND no_data >= 0)
);

-- No index on (width, bucket_number): H2 would pick it for the per-bucket updates, which then scan
-- every SLO's bucket of that minute; old buckets are forgotten per SLO through the primary key.

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
    quiet_passes  INTEGER                  NOT NULL, -- passes in a row without an alert
    status_json   TEXT                     NOT NULL,
    CONSTRAINT slo_evaluation_level_known CHECK (alert_level IN ('PAGE', 'TICKET', 'NONE')),
    CONSTRAINT slo_evaluation_quiet_not_negative CHECK (quiet_passes >= 0)
);

-- Incidents may be about an SLO: its burn-rate alerts.
ALTER TABLE incident DROP CONSTRAINT incident_subject_kind_known;
ALTER TABLE incident ADD CONSTRAINT incident_subject_kind_known
    CHECK (subject_kind IN ('DATASET', 'PIPELINE', 'SOURCE', 'SLO'));
