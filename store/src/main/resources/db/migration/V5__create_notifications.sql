-- Notifications: the notifier's groups (what each channel heard about each incident, and when it
-- is next due), the durable outbox of rendered messages, and silences.
-- One set of SQL for H2 2.x and PostgreSQL. Timestamps are instants (UTC) truncated to milliseconds.

CREATE TABLE notify_group (
    incident_id   BIGINT                   NOT NULL REFERENCES incident (id),
    channel       VARCHAR(200)             NOT NULL,
    sent_state    VARCHAR(16)              NOT NULL,
    sent_severity VARCHAR(8),
    last_sent_at  TIMESTAMP WITH TIME ZONE,
    due_at        TIMESTAMP WITH TIME ZONE,            -- null: nothing pending
    sequence_no   INTEGER                  NOT NULL,   -- messages made so far: part of dedup keys
    held_until    TIMESTAMP WITH TIME ZONE,            -- a silence or maintenance window holds it
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (incident_id, channel),
    CONSTRAINT notify_group_sent_known CHECK (sent_state IN ('NONE', 'TRIGGERED', 'ACKNOWLEDGED', 'RESOLVED'))
);

CREATE INDEX notify_group_by_due ON notify_group (due_at);

-- Rendered messages waiting for delivery, delivered, or given up. The dedup key (incidents, action,
-- channel, sequence) is unique, so a batch redone after a crash cannot queue a message twice.
CREATE TABLE notify_outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dedup_key       VARCHAR(500)             NOT NULL,
    incident_ids    VARCHAR(4000)            NOT NULL, -- comma-separated: a digest covers several
    channel         VARCHAR(200)             NOT NULL,
    action          VARCHAR(16)              NOT NULL,
    transport       VARCHAR(16)              NOT NULL,
    target          TEXT                     NOT NULL,
    headers         TEXT                     NOT NULL, -- JSON object
    subject         TEXT,
    body            TEXT                     NOT NULL,
    text_body       TEXT,
    status          VARCHAR(16)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until   TIMESTAMP WITH TIME ZONE,          -- a worker is sending it until then
    finished_at     TIMESTAMP WITH TIME ZONE,
    last_error      TEXT,
    CONSTRAINT notify_outbox_dedup UNIQUE (dedup_key),
    CONSTRAINT notify_outbox_action_known CHECK (action IN ('TRIGGER', 'ACKNOWLEDGE', 'RESOLVE')),
    CONSTRAINT notify_outbox_transport_known CHECK (transport IN ('HTTP_POST', 'SMTP')),
    CONSTRAINT notify_outbox_status_known CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))
);

CREATE INDEX notify_outbox_by_due ON notify_outbox (status, next_attempt_at);

-- A person's instruction not to notify about some incidents for a while.
CREATE TABLE silence (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset     VARCHAR(1000),
    pipeline    VARCHAR(1000),
    source      VARCHAR(1000),
    severity    VARCHAR(8),
    owner       VARCHAR(1000),
    starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      TEXT                     NOT NULL,
    author      VARCHAR(200)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT silence_ends_after_start CHECK (ends_at > starts_at)
);

CREATE INDEX silence_by_end ON silence (ends_at);
