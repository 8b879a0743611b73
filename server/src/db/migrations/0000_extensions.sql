-- Diacritic-insensitive search (DOMAIN.md): unaccent maps đ→d, pg_trgm gives typo tolerance.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- IMMUTABLE wrapper so it can back an index; the dictionary is schema-qualified so the
-- function does not depend on search_path.
CREATE OR REPLACE FUNCTION vn_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, normalize(t, NFC))) $$;
