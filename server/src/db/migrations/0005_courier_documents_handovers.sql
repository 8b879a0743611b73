CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"page_order" integer DEFAULT 0 NOT NULL,
	"signer" text,
	"note" text,
	"uploaded_by" uuid NOT NULL,
	"idempotency_key" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "agency_handover_items" (
	"handover_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"slip_no" text NOT NULL,
	"complete" boolean NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "agency_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"courier_id" uuid NOT NULL,
	"record_year" integer NOT NULL,
	"record_seq" integer NOT NULL,
	"record_no" text NOT NULL,
	"agency_name" text NOT NULL,
	"clerk_name" text NOT NULL,
	"clerk_signature_id" uuid,
	"signed_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"idempotency_key" text
);
--> statement-breakpoint
CREATE TABLE "delivery_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"courier_id" uuid NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient_name" text NOT NULL,
	"proxy_relation" text,
	"id_type" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_last4" text NOT NULL,
	"id_matches_file" boolean,
	"signature_id" uuid,
	"photo_id" uuid,
	"authorisation_id" uuid,
	"papers_taken_back" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"idempotency_key" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lat" double precision,
	"lng" double precision
);
--> statement-breakpoint
CREATE TABLE "dossier_slips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"slip_year" integer NOT NULL,
	"slip_seq" integer NOT NULL,
	"slip_no" text NOT NULL,
	"papers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"missing" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"complete" boolean NOT NULL,
	"citizen_signature_id" uuid,
	"courier_signature_id" uuid,
	"created_by" uuid NOT NULL,
	"idempotency_key" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"filed_at" timestamp with time zone,
	"agency_handover_id" uuid,
	"dossier_code" text,
	"result_due_date" date,
	CONSTRAINT "dossier_slips_job_id_unique" UNIQUE("job_id")
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "collection_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_handover_items" ADD CONSTRAINT "agency_handover_items_handover_id_agency_handovers_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."agency_handovers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_handover_items" ADD CONSTRAINT "agency_handover_items_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_handovers" ADD CONSTRAINT "agency_handovers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_handovers" ADD CONSTRAINT "agency_handovers_courier_id_users_id_fk" FOREIGN KEY ("courier_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_handovers" ADD CONSTRAINT "agency_handovers_clerk_signature_id_documents_id_fk" FOREIGN KEY ("clerk_signature_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_handovers" ADD CONSTRAINT "delivery_handovers_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_handovers" ADD CONSTRAINT "delivery_handovers_courier_id_users_id_fk" FOREIGN KEY ("courier_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_handovers" ADD CONSTRAINT "delivery_handovers_signature_id_documents_id_fk" FOREIGN KEY ("signature_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_handovers" ADD CONSTRAINT "delivery_handovers_photo_id_documents_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_handovers" ADD CONSTRAINT "delivery_handovers_authorisation_id_documents_id_fk" FOREIGN KEY ("authorisation_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_slips" ADD CONSTRAINT "dossier_slips_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_slips" ADD CONSTRAINT "dossier_slips_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_slips" ADD CONSTRAINT "dossier_slips_citizen_signature_id_documents_id_fk" FOREIGN KEY ("citizen_signature_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_slips" ADD CONSTRAINT "dossier_slips_courier_signature_id_documents_id_fk" FOREIGN KEY ("courier_signature_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_slips" ADD CONSTRAINT "dossier_slips_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_job_idx" ON "documents" USING btree ("job_id","kind","page_order");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_idem_uq" ON "documents" USING btree ("uploaded_by","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_handover_items_job_uq" ON "agency_handover_items" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "agency_handover_items_h_idx" ON "agency_handover_items" USING btree ("handover_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_handovers_no_uq" ON "agency_handovers" USING btree ("unit_id","record_year","record_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_handovers_idem_uq" ON "agency_handovers" USING btree ("courier_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "delivery_handovers_job_idx" ON "delivery_handovers" USING btree ("job_id");--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_handovers_idem_uq" ON "delivery_handovers" USING btree ("courier_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_slips_no_uq" ON "dossier_slips" USING btree ("unit_id","slip_year","slip_seq");--> statement-breakpoint
CREATE INDEX "payments_collection_idx" ON "payments" USING btree ("collection_id");