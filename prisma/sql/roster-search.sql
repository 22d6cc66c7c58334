-- The roster's two-letter search (docs/decisions/0004-roster-sql.md): the two-character
-- pieces of Person."searchText" in the generated column Person."searchBigrams", under a
-- GIN index (people.ts asks `p."searchBigrams" @> search_bigrams(q)` beside the LIKE).
-- Current text; a migration changing it copies the statement (docs/decisions/0018-database-objects.md).

CREATE OR REPLACE FUNCTION search_bigrams(value text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ARRAY(SELECT DISTINCT substr(value, i, 2) FROM generate_series(1, length(value) - 1) AS i);

-- A generated column's expression. SET EXPRESSION needs PostgreSQL 17; the migrations run on 14+, so a
-- migration changing it drops the column and adds it again (GENERATED ALWAYS AS (…) STORED), with its indexes.
ALTER TABLE "Person" ALTER COLUMN "searchBigrams" SET EXPRESSION AS (search_bigrams("searchText"));
