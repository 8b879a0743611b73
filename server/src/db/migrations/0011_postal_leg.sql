ALTER TABLE "jobs" ADD COLUMN "postal_leg_tier" text DEFAULT 'province' NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "leg_due_date" date;