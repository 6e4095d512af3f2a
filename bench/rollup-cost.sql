-- Rollup maintenance per saved observation (scripts/bench.sh scale): 1,000 validated observations, picked at random
-- across the table, updated one statement at a time (the participants count, which every rollup carries), with the
-- rollup triggers on and then off (observatoire.skip_rollups, the import path), twice each. Every round is rolled back
-- (an exception caught in a sub-transaction), so the database is left as it was. Prints one JSON object.
CREATE TEMP TABLE rollup_cost (round int, skip text, ms float8);
DO $$
DECLARE
  ids int[];
  skip text;
  started timestamptz;
BEGIN
  SELECT array_agg(id) INTO ids FROM (
    SELECT o."Id" AS id
    FROM (SELECT DISTINCT (1 + random() * (SELECT max("Id") FROM "Observations"))::int AS id FROM generate_series(1, 5000)) r
    JOIN "Observations" o ON o."Id" = r.id
    WHERE o."Status" = 'Validee'
    LIMIT 1000) picked;
  FOR round IN 1..2 LOOP
    FOREACH skip IN ARRAY ARRAY['off', 'on'] LOOP
      BEGIN
        PERFORM set_config('observatoire.skip_rollups', skip, true);
        started := clock_timestamp();
        FOR i IN 1..array_length(ids, 1) LOOP
          UPDATE "Observations" SET "ParticipantsCount" = "ParticipantsCount" + 1 WHERE "Id" = ids[i];
        END LOOP;
        RAISE EXCEPTION USING ERRCODE = 'P0001',
          MESSAGE = (extract(epoch FROM clock_timestamp() - started) * 1000)::text;
      EXCEPTION WHEN raise_exception THEN
        INSERT INTO rollup_cost VALUES (round, skip, SQLERRM::float8);
      END;
    END LOOP;
  END LOOP;
END $$;
SELECT json_build_object(
  'kind', 'rollup-cost', 'observations', 1000,
  'with_rollups_ms', (SELECT json_agg(round(ms::numeric)) FROM rollup_cost WHERE skip = 'off'),
  'without_rollups_ms', (SELECT json_agg(round(ms::numeric)) FROM rollup_cost WHERE skip = 'on'),
  'rollup_ms_per_observation', (SELECT round(((min(ms) FILTER (WHERE skip = 'off')) - (min(ms) FILTER (WHERE skip = 'on')))::numeric / 1000, 2)
                                FROM rollup_cost));
