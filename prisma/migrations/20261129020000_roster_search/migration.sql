-- Roster search by name, pinyin or initials: a trigram index serves the
-- LIKE '%…%' of services/people/people.ts (searchPeople) on large rosters.
-- Not expressible in schema.prisma; kept here (docs/decisions/0004-roster-sql.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Person_searchText_trgm_idx" ON "Person" USING gin ("searchText" gin_trgm_ops);
