CREATE TABLE "report_call_days" (
	"day" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_call_days_day_unit_id_dim_key_pk" PRIMARY KEY("day","unit_id","dim","key")
);
--> statement-breakpoint
CREATE TABLE "report_courier_days" (
	"courier_id" uuid NOT NULL,
	"day" date NOT NULL,
	"km" double precision DEFAULT 0 NOT NULL,
	"stops" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_courier_days_courier_id_day_pk" PRIMARY KEY("courier_id","day")
);
--> statement-breakpoint
CREATE TABLE "report_job_days" (
	"day" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_job_days_day_unit_id_dim_key_pk" PRIMARY KEY("day","unit_id","dim","key")
);
--> statement-breakpoint
CREATE TABLE "report_leg_days" (
	"day" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"n1" integer DEFAULT 0 NOT NULL,
	"s1" double precision DEFAULT 0 NOT NULL,
	"n2" integer DEFAULT 0 NOT NULL,
	"s2" double precision DEFAULT 0 NOT NULL,
	"n3" integer DEFAULT 0 NOT NULL,
	"s3" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "report_leg_days_day_unit_id_pk" PRIMARY KEY("day","unit_id")
);
--> statement-breakpoint
CREATE TABLE "report_money_days" (
	"day" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"method" text NOT NULL,
	"flow" text NOT NULL,
	"confirmed" boolean NOT NULL,
	"amount_vnd" bigint DEFAULT 0 NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_money_days_day_unit_id_method_flow_confirmed_pk" PRIMARY KEY("day","unit_id","method","flow","confirmed")
);
--> statement-breakpoint
CREATE TABLE "report_rating_days" (
	"day" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"courier_key" text NOT NULL,
	"stars" smallint NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_rating_days_day_unit_id_courier_key_stars_pk" PRIMARY KEY("day","unit_id","courier_key","stars")
);
--> statement-breakpoint
CREATE INDEX "report_courier_days_day_idx" ON "report_courier_days" USING btree ("day");--> statement-breakpoint
CREATE INDEX "jobs_courier_completed_idx" ON "jobs" USING btree ("courier_id","completed_at") WHERE "jobs"."status" = 'completed';--> statement-breakpoint
CREATE INDEX "jobs_open_due_idx" ON "jobs" USING btree ("due_date","created_at") WHERE "jobs"."status" not in ('completed', 'returned', 'cancelled');--> statement-breakpoint
CREATE INDEX "ratings_created_idx" ON "ratings" USING btree ("created_at");