ALTER TABLE "orders" ADD COLUMN "refunded_outside_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "tracking_url" text;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_refunded_outside_not_negative" CHECK ("orders"."refunded_outside_cents" >= 0);