-- The roster page's list item, kept written (docs/decisions/0011-roster-list-item.md):
-- Person."listItem" (JSON text, written by a trigger on every insert and update of a person and
-- rewritten when what it shows of the school, class or category changes) and Guardian."listFields"
-- (a generated column: the guardian's part, inserted before the item's closing brace).
-- Current text; a migration changing it copies the statement (docs/decisions/0018-database-objects.md).

-- Phone masking as in maskPhone (packages/shared/src/phone.ts): 138****5678 for a
-- mobile; area code and last four digits for a landline. An API test compares them.
CREATE OR REPLACE FUNCTION mask_phone(phone text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE
    WHEN phone ~ '^1[3-9][0-9]{9}$' THEN left(phone, 3) || '****' || substr(phone, 8)
    WHEN length(phone) <= 4 THEN repeat('*', length(phone))
    ELSE left(replace(phone, '-', ''), least(4, length(replace(phone, '-', '')) - 4)) || '****' || right(replace(phone, '-', ''), 4)
  END;

-- A string as JSON text. to_json is only STABLE (other types print per setting); for
-- text it is fixed, so this may serve a generated column.
CREATE OR REPLACE FUNCTION json_string(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN to_json(value)::text;

-- A person's list item: the fields of PersonListItem (packages/shared/src/people.ts) but the
-- guardian's, never the ID number. The roster query adds the first guardian's fields
-- (Guardian."listFields" below) before the closing brace; API tests check the result key
-- for key. Written on every insert and update of a person.
CREATE OR REPLACE FUNCTION person_write_list_item() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    school_name text;
    class_grade integer;
    class_name text;
    category jsonb;
  BEGIN
    SELECT s.name INTO school_name FROM "School" s WHERE s.id = NEW."schoolId";
    SELECT c.grade, c.name INTO class_grade, class_name FROM "SchoolClass" c WHERE c.id = NEW."classId";
    SELECT jsonb_build_object('id', cat.id, 'code', cat.code, 'label', cat.label, 'labelEn', cat."labelEn") INTO category
      FROM "CensusCategory" cat WHERE cat.id = NEW."categoryId";
    NEW."listItem" := jsonb_build_object(
      'id', NEW.id, 'kind', NEW.kind, 'name', NEW.name, 'gender', NEW.gender,
      'schoolId', NEW."schoolId", 'schoolName', school_name,
      'classId', NEW."classId", 'grade', class_grade, 'className', class_name, 'studentNumber', NEW."studentNumber",
      'category', category, 'whereabouts', NEW.whereabouts, 'leftBehind', NEW."leftBehind",
      'deviceAccess', NEW."deviceAccess", 'status', NEW.status)::text;
    RETURN NEW;
  END
  $$;
CREATE OR REPLACE TRIGGER person_list_item BEFORE INSERT OR UPDATE ON "Person"
  FOR EACH ROW EXECUTE FUNCTION person_write_list_item();

-- A guardian's part of the list item, as the text to insert before the item's closing brace.
-- A generated column's expression. SET EXPRESSION needs PostgreSQL 17; the migrations run on 14+, so a
-- migration changing it drops the column and adds it again (GENERATED ALWAYS AS (…) STORED), with its indexes.
ALTER TABLE "Guardian" ALTER COLUMN "listFields"
  SET EXPRESSION AS (', "guardianName": ' || json_string(name) || ', "guardianPhone": ' || coalesce(json_string(mask_phone(phone)), 'null'));

-- Rewritten (by touching the person, which runs the trigger above) when what it shows
-- changes elsewhere: the school's name, the class's grade or name, the category's
-- labels. One UPDATE per statement, however many rows it changed.
-- Arguments: the person's column pointing at the changed table, then the changed
-- table's columns the item shows.
CREATE OR REPLACE FUNCTION rewrite_list_items() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    shown text := (SELECT string_agg(format('n.%1$I IS DISTINCT FROM o.%1$I', name), ' OR ') FROM unnest(TG_ARGV[1:]) AS name);
  BEGIN
    EXECUTE format('UPDATE "Person" p SET "listItem" = NULL FROM changed_new n JOIN changed_old o ON o.id = n.id WHERE p.%I = n.id AND (%s)', TG_ARGV[0], shown);
    RETURN NULL;
  END
  $$;
CREATE OR REPLACE TRIGGER school_list_items AFTER UPDATE ON "School"
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION rewrite_list_items('schoolId', 'name');
CREATE OR REPLACE TRIGGER class_list_items AFTER UPDATE ON "SchoolClass"
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION rewrite_list_items('classId', 'grade', 'name');
CREATE OR REPLACE TRIGGER category_list_items AFTER UPDATE ON "CensusCategory"
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION rewrite_list_items('categoryId', 'code', 'label', 'labelEn');
