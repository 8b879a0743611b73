CREATE TABLE "intake_api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"rate_limit_per_minute" integer DEFAULT 60 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	CONSTRAINT "intake_api_keys_prefix_unique" UNIQUE("prefix")
);
--> statement-breakpoint
CREATE TABLE "intake_rate_windows" (
	"api_key_id" uuid PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"created_by" uuid,
	"api_key_id" uuid,
	"file_name" text,
	"file_sha256" text,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"duration_ms" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_pickup_items" (
	"pickup_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"dossier_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_pickups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"courier_id" uuid NOT NULL,
	"record_year" integer NOT NULL,
	"record_seq" integer NOT NULL,
	"record_no" text NOT NULL,
	"agency_name" text NOT NULL,
	"clerk_name" text NOT NULL,
	"clerk_signature_id" uuid,
	"flagged" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"idempotency_key" text
);
--> statement-breakpoint
CREATE TABLE "unit_service_wards" (
	"ward_code" text PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "citizen_addresses" ADD COLUMN "location_source" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "location_source" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "unit_override_reason" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "result_ready_date" date;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "postal_charge_payer" text DEFAULT 'citizen' NOT NULL;--> statement-breakpoint
ALTER TABLE "intake_api_keys" ADD CONSTRAINT "intake_api_keys_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_api_keys" ADD CONSTRAINT "intake_api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_api_keys" ADD CONSTRAINT "intake_api_keys_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_rate_windows" ADD CONSTRAINT "intake_rate_windows_api_key_id_intake_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."intake_api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_imports" ADD CONSTRAINT "result_imports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_imports" ADD CONSTRAINT "result_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_imports" ADD CONSTRAINT "result_imports_api_key_id_intake_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."intake_api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_pickup_items" ADD CONSTRAINT "result_pickup_items_pickup_id_result_pickups_id_fk" FOREIGN KEY ("pickup_id") REFERENCES "public"."result_pickups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_pickup_items" ADD CONSTRAINT "result_pickup_items_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_pickups" ADD CONSTRAINT "result_pickups_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_pickups" ADD CONSTRAINT "result_pickups_courier_id_users_id_fk" FOREIGN KEY ("courier_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_pickups" ADD CONSTRAINT "result_pickups_clerk_signature_id_documents_id_fk" FOREIGN KEY ("clerk_signature_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_service_wards" ADD CONSTRAINT "unit_service_wards_ward_code_admin_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."admin_wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_service_wards" ADD CONSTRAINT "unit_service_wards_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_service_wards" ADD CONSTRAINT "unit_service_wards_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intake_api_keys_unit_idx" ON "intake_api_keys" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "result_imports_unit_created_idx" ON "result_imports" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "result_imports_sha_idx" ON "result_imports" USING btree ("file_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "result_pickup_items_job_uq" ON "result_pickup_items" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "result_pickup_items_p_idx" ON "result_pickup_items" USING btree ("pickup_id");--> statement-breakpoint
CREATE UNIQUE INDEX "result_pickups_no_uq" ON "result_pickups" USING btree ("unit_id","record_year","record_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "result_pickups_idem_uq" ON "result_pickups" USING btree ("courier_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "unit_service_wards_unit_idx" ON "unit_service_wards" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_result_dossier_uq" ON "jobs" USING btree ("dossier_code") WHERE "jobs"."type" = 'result_delivery' and "jobs"."dossier_code" is not null and "jobs"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "jobs_unplaced_idx" ON "jobs" USING btree ("unit_id","created_at") WHERE "jobs"."lat" is null;