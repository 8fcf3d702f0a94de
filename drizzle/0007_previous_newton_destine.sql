CREATE TABLE "rate_limit_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limit_attempts_key_idx" ON "rate_limit_attempts" USING btree ("key","expires_at");--> statement-breakpoint
CREATE INDEX "rate_limit_attempts_expires_at_idx" ON "rate_limit_attempts" USING btree ("expires_at");