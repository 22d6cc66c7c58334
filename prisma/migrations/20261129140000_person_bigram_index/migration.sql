-- A two-letter search (pinyin initials such as "wx", or two digits) across a
-- district's roster: pg_trgm needs three characters, so LIKE '%wx%' read every
-- row (bench:roster at 100,000 people: ~24 ms of query time per count). The
-- two-character pieces of the search text, kept in a generated column (so a
-- recheck reads them instead of computing them) under a GIN index:
-- people.ts asks `p."searchBigrams" @> search_bigrams(q)` beside the LIKE,
-- which changes no result (every piece of q is a piece of a text containing q).
-- Not expressible in schema.prisma, which does not know the column
-- (docs/decisions/0004-roster-sql.md).
CREATE FUNCTION search_bigrams(value text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ARRAY(SELECT DISTINCT substr(value, i, 2) FROM generate_series(1, length(value) - 1) AS i);
ALTER TABLE "Person" ADD COLUMN "searchBigrams" text[] GENERATED ALWAYS AS (search_bigrams("searchText")) STORED;
CREATE INDEX "Person_searchBigrams_idx" ON "Person" USING gin ("searchBigrams");
