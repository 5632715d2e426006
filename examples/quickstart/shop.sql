-- Sample shop data for the Nines quickstart, with deliberate faults.
-- H2 runs this script on every new connection (INIT=RUNSCRIPT in the url), so each statement
-- is idempotent: CREATE TABLE IF NOT EXISTS ... AS SELECT creates and fills a table in one step.
-- Times are relative to CURRENT_TIMESTAMP, so the faults look the same whenever it runs.

-- 20 customers; customer 7 has 'N/A' as email (a missing value that is not NULL).
CREATE TABLE IF NOT EXISTS customers AS
SELECT
  CAST(n AS INT) AS customer_id,
  CAST(CASE WHEN n = 7 THEN 'N/A' ELSE 'customer' || n || '@example.com' END AS VARCHAR(120))
    AS email,
  CAST(CASE MOD(n, 3) WHEN 0 THEN 'DE' WHEN 1 THEN 'FR' ELSE 'US' END AS VARCHAR(2)) AS country,
  CAST(DATEADD('DAY', -n * 10, CURRENT_TIMESTAMP) AS TIMESTAMP WITH TIME ZONE) AS signed_up_at
FROM SYSTEM_RANGE(1, 20) AS seq(n);

-- 40 orders. Fault 1: the last load was 2 days ago (freshness).
-- Fault 2: rows 39 and 40 repeat order ids 3 and 5 (duplicates).
CREATE TABLE IF NOT EXISTS orders AS
SELECT
  CAST(CASE n WHEN 39 THEN 3 WHEN 40 THEN 5 ELSE n END AS INT) AS order_id,
  CAST(MOD(n, 20) + 1 AS INT) AS customer_id,
  CAST(12 + MOD(n * 37, 180) + 0.99 AS DECIMAL(10, 2)) AS amount,
  CAST(CASE MOD(n, 4) WHEN 0 THEN 'shipped' WHEN 1 THEN 'paid' WHEN 2 THEN 'shipped' ELSE 'new' END
    AS VARCHAR(20)) AS status,
  CAST(DATEADD('HOUR', -(50 + n), CURRENT_TIMESTAMP) AS TIMESTAMP WITH TIME ZONE) AS ordered_at,
  CAST(DATEADD('HOUR', -(48 + n), CURRENT_TIMESTAMP) AS TIMESTAMP WITH TIME ZONE) AS loaded_at
FROM SYSTEM_RANGE(1, 40) AS seq(n);

-- 30 payments, the newest one 20 minutes old: this table is fresh and clean.
CREATE TABLE IF NOT EXISTS payments AS
SELECT
  CAST(n AS INT) AS payment_id,
  CAST(n AS INT) AS order_id,
  CAST(12 + MOD(n * 37, 180) + 0.99 AS DECIMAL(10, 2)) AS amount,
  CAST(CASE MOD(n, 3) WHEN 0 THEN 'card' WHEN 1 THEN 'transfer' ELSE 'voucher' END AS VARCHAR(20))
    AS method,
  CAST(DATEADD('MINUTE', -(20 + n * 30), CURRENT_TIMESTAMP) AS TIMESTAMP WITH TIME ZONE) AS paid_at
FROM SYSTEM_RANGE(1, 30) AS seq(n);

-- What the recommender served: one row per answer and how long it took. No checks read it; the
-- recommender's SLO is on a metric it reports (answer latency), see nines.yml.
CREATE TABLE IF NOT EXISTS recommendations AS
SELECT
  CAST(n AS INT) AS answer_id,
  CAST(DATEADD('MINUTE', -n, CURRENT_TIMESTAMP) AS TIMESTAMP WITH TIME ZONE) AS answered_at,
  CAST(200 + MOD(n * 37, 900) AS INT) AS latency_ms
FROM SYSTEM_RANGE(1, 60) AS seq(n);
