CREATE SEQUENCE "public"."case_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1001 CACHE 1;
--> statement-breakpoint
-- Databases that already hold cases continue after their highest number.
SELECT setval('"public"."case_number_seq"', greatest(1001, (SELECT coalesce(max("number"), 0) + 1 FROM "cases")), false);
