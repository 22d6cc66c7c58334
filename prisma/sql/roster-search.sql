-- The roster's two-letter search (docs/decisions/0004-roster-sql.md): the two-character
-- pieces of Person."searchText" in the generated column Person."searchBigrams", under a
-- GIN index (people.ts asks `p."searchBigrams" @> search_bigrams(q)` beside the LIKE).
-- Current text; a migration changing it copies the statement (docs/decisions/0018-database-objects.md).
-- Last changed by 20261129140000_person_bigram_index.

CREATE OR REPLACE FUNCTION search_bigrams(value text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ARRAY(SELECT DISTINCT substr(value, i, 2) FROM generate_series(1, length(value) - 1) AS i);

ALTER TABLE "Person" ALTER COLUMN "searchBigrams" SET EXPRESSION AS (search_bigrams("searchText"));
