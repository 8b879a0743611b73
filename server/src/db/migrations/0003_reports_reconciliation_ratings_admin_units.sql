CREATE TABLE "call_callbacks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"citizen_id" uuid,
	"assigned_to" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"result_call_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cash_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"courier_id" uuid NOT NULL,
	"shift_date" date NOT NULL,
	"expected_vnd" bigint NOT NULL,
	"counted_vnd" bigint NOT NULL,
	"difference_vnd" bigint NOT NULL,
	"reason" text,
	"payment_count" bigint NOT NULL,
	"counted_by" uuid NOT NULL,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fee_remittance_items" (
	"remittance_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fee_remittances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"agency" text NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"reference" text,
	"notes" text,
	"handed_by" uuid NOT NULL,
	"handed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"courier_id" uuid,
	"stars" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_stars_range" CHECK ("ratings"."stars" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "admin_provinces" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"name_en" text,
	"kind" text NOT NULL,
	"effective_date" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_wards" (
	"code" text PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"name_en" text,
	"kind" text NOT NULL,
	"effective_date" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "caller_name" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "caller_address" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "twilio_status" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "out_of_hours" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "job_id" uuid;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "answered_feedback_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "call_callbacks" ADD CONSTRAINT "call_callbacks_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_callbacks" ADD CONSTRAINT "call_callbacks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_callbacks" ADD CONSTRAINT "call_callbacks_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_callbacks" ADD CONSTRAINT "call_callbacks_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_callbacks" ADD CONSTRAINT "call_callbacks_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_callbacks" ADD CONSTRAINT "call_callbacks_result_call_id_calls_id_fk" FOREIGN KEY ("result_call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_callbacks" ADD CONSTRAINT "call_callbacks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_handovers" ADD CONSTRAINT "cash_handovers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_handovers" ADD CONSTRAINT "cash_handovers_courier_id_users_id_fk" FOREIGN KEY ("courier_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_handovers" ADD CONSTRAINT "cash_handovers_counted_by_users_id_fk" FOREIGN KEY ("counted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_remittance_items" ADD CONSTRAINT "fee_remittance_items_remittance_id_fee_remittances_id_fk" FOREIGN KEY ("remittance_id") REFERENCES "public"."fee_remittances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_remittance_items" ADD CONSTRAINT "fee_remittance_items_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_remittances" ADD CONSTRAINT "fee_remittances_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_remittances" ADD CONSTRAINT "fee_remittances_handed_by_users_id_fk" FOREIGN KEY ("handed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_courier_id_users_id_fk" FOREIGN KEY ("courier_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_wards" ADD CONSTRAINT "admin_wards_province_code_admin_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."admin_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_callbacks_unit_status_due_idx" ON "call_callbacks" USING btree ("unit_id","status","due_at");--> statement-breakpoint
CREATE INDEX "call_callbacks_call_idx" ON "call_callbacks" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "cash_handovers_unit_shift_idx" ON "cash_handovers" USING btree ("unit_id","shift_date");--> statement-breakpoint
CREATE INDEX "cash_handovers_courier_idx" ON "cash_handovers" USING btree ("courier_id","shift_date");--> statement-breakpoint
CREATE UNIQUE INDEX "fee_remittance_items_payment_uq" ON "fee_remittance_items" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "fee_remittance_items_rem_idx" ON "fee_remittance_items" USING btree ("remittance_id");--> statement-breakpoint
CREATE INDEX "fee_remittances_unit_idx" ON "fee_remittances" USING btree ("unit_id","handed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_job_uq" ON "ratings" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "ratings_unit_created_idx" ON "ratings" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "ratings_courier_idx" ON "ratings" USING btree ("courier_id");--> statement-breakpoint
CREATE INDEX "admin_provinces_name_fold_idx" ON "admin_provinces" USING gin (vn_fold("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "admin_wards_province_idx" ON "admin_wards" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "admin_wards_name_fold_idx" ON "admin_wards" USING gin (vn_fold("name") gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calls_citizen_idx" ON "calls" USING btree ("citizen_id","started_at");--> statement-breakpoint
CREATE INDEX "calls_feedback_due_idx" ON "calls" USING btree ("feedback_due_date");