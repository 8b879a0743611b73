CREATE TABLE "job_milestones" (
	"job_id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"assigned_at" timestamp with time zone,
	"pickup_at" timestamp with time zone,
	"handed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "job_milestones" ADD CONSTRAINT "job_milestones_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_milestones_created_idx" ON "job_milestones" USING btree ("created_at","unit_id","started_at","assigned_at","pickup_at","handed_at");