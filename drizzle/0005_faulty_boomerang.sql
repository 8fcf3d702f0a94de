ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_shop_id_shops_id_fk";
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_policy_version_id_policy_versions_id_fk";
--> statement-breakpoint
DROP INDEX "cases_shop_responds_by_idx";--> statement-breakpoint
ALTER TABLE "mail_outbox" ALTER COLUMN "subject" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ALTER COLUMN "text" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ALTER COLUMN "html" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "payload" jsonb;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_rendered_whole" CHECK (("mail_outbox"."subject" is null) = ("mail_outbox"."text" is null) and ("mail_outbox"."text" is null) = ("mail_outbox"."html" is null));