-- The relay deletes what it published, so outbox_message churns: every event is one insert and one delete. With the
-- default thresholds (20 % of the table) autovacuum waits for tens of thousands of dead rows, and the relay's poll walks
-- them all in the pending index (measured: up to 3 ms a poll under the imaging bench). Vacuum after 1,000 dead rows.
alter table outbox_message set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0, autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
