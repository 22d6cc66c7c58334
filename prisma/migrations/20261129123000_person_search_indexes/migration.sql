-- A centre-wide search by Chinese characters or a short student number
-- (measured by bench:roster at 100,000 people: a two-character name search
-- from ~70 ms to ~1 ms of query time). In the C locale pg_trgm does not count
-- 汉字 as letters and cannot serve a two-character search, so:
--  - the name's characters as an array (services/people/people.ts also asks a
--    search's Chinese characters of string_to_array(name, NULL));
--  - the student number for its `LIKE 'q%'` arm.
-- Not expressible in schema.prisma; kept here (docs/decisions/0004-roster-sql.md).
CREATE INDEX "Person_name_chars_idx" ON "Person" USING gin (string_to_array("name", NULL));
CREATE INDEX "Person_studentNumber_idx" ON "Person" ("studentNumber" text_pattern_ops);
