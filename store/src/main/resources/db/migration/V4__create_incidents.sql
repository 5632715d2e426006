-- Incidents: failing observations grouped into problems, with their timelines.
-- One set of SQL for H2 2.x and PostgreSQL. Timestamps are instants (UTC) truncated to milliseconds.

CREATE TABLE incident (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_key      VARCHAR(2000)            NOT NULL, -- subject and cause: groups failures while open
    title             TEXT                     NOT NULL,
    subject_kind      VARCHAR(16)              NOT NULL,
    subject           VARCHAR(1000)            NOT NULL,
    cause             VARCHAR(1000)            NOT NULL,
    kind              VARCHAR(8)               NOT NULL,
    severity          VARCHAR(8)               NOT NULL,
    severity_rule     TEXT                     NOT NULL,
    status            VARCHAR(16)              NOT NULL,
    resolution        VARCHAR(32),
    owner             VARCHAR(1000),
    consumers         TEXT                     NOT NULL, -- JSON array of consumer names
    agreements        TEXT                     NOT NULL, -- JSON array of promises
    impact            TEXT                     NOT NULL, -- JSON array of {kind, name}
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    detected_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at   TIMESTAMP WITH TIME ZONE,
    resolved_at       TIMESTAMP WITH TIME ZONE,
    last_failure_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    consecutive_passes INTEGER                 NOT NULL, -- passes of the cause in a row since its last failure
    observation_count INTEGER                  NOT NULL,
    last_message      TEXT                     NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    severity_since    TIMESTAMP WITH TIME ZONE NOT NULL, -- escalation counts from here
    CONSTRAINT incident_subject_kind_known CHECK (subject_kind IN ('DATASET', 'PIPELINE', 'SOURCE')),
    CONSTRAINT incident_kind_known CHECK (kind IN ('DATA', 'SYSTEM')),
    CONSTRAINT incident_severity_known CHECK (severity IN ('SEV1', 'SEV2', 'SEV3', 'INFO')),
    CONSTRAINT incident_status_known CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    CONSTRAINT incident_resolution_known
        CHECK (resolution IS NULL OR resolution IN ('FIXED', 'EXPECTED', 'FALSE_POSITIVE', 'NO_ACTION_NEEDED')),
    CONSTRAINT incident_resolved_has_time CHECK ((status = 'RESOLVED') = (resolved_at IS NOT NULL))
);

CREATE INDEX incident_by_key ON incident (incident_key, status);
CREATE INDEX incident_by_status ON incident (status, detected_at);
CREATE INDEX incident_by_detected ON incident (detected_at);
CREATE INDEX incident_by_subject ON incident (subject, detected_at);

-- The observations an incident groups: its causes, and downstream failures that joined it as impact.
CREATE TABLE incident_observation (
    incident_id    BIGINT      NOT NULL REFERENCES incident (id),
    observation_id BIGINT      NOT NULL,
    role           VARCHAR(8)  NOT NULL,
    PRIMARY KEY (incident_id, observation_id),
    CONSTRAINT incident_observation_role_known CHECK (role IN ('CAUSE', 'IMPACT'))
);

CREATE INDEX incident_observation_by_observation ON incident_observation (observation_id);

-- Every change of every incident, in the order written: the notifier tails it by id.
CREATE TABLE incident_timeline (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id  BIGINT                   NOT NULL REFERENCES incident (id),
    happened_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    entry_kind   VARCHAR(32)              NOT NULL,
    actor        VARCHAR(200)             NOT NULL,
    entry_text   TEXT                     NOT NULL
);

CREATE INDEX incident_timeline_by_incident ON incident_timeline (incident_id, id);

-- How far a log-tailing worker got (the incident manager over observation ids, the notifier over
-- timeline ids). Locked FOR UPDATE while a batch is processed, so replicas take turns.
CREATE TABLE work_cursor (
    name       VARCHAR(100)             NOT NULL PRIMARY KEY,
    last_position BIGINT                 NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
