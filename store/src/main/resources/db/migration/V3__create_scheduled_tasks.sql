-- Scheduled checks. One set of SQL for H2 2.x and PostgreSQL.
--
-- scheduled_tasks is db-scheduler's table: one row per dataset with its next execution time. Replicas
-- sharing the database pick a due row by bumping its version, so only one of them runs it.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100)             NOT NULL,
    task_instance        VARCHAR(1000)            NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(200),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- One row per scheduled evaluation of a dataset's checks: which replica took it and the check run it
-- saved. The key makes a second evaluation of the same tick impossible, even after a crash.
CREATE TABLE scheduled_check (
    dataset       VARCHAR(1000)            NOT NULL,
    scheduled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by    VARCHAR(200)             NOT NULL,
    claimed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts      INTEGER                  NOT NULL,
    run_id        UUID,                              -- the check_run saved; null until finished
    finished_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (dataset, scheduled_at)
);

CREATE INDEX scheduled_check_claimed ON scheduled_check (claimed_at);
