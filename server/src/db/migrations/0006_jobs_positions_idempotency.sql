CREATE TABLE "courier_positions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"courier_id" uuid NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"accuracy" double precision,
	"at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"speed_kmh" double precision,
	"flagged" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courier_status" (
	"courier_id" uuid PRIMARY KEY NOT NULL,
	"on_duty" boolean DEFAULT false NOT NULL,
	"on_duty_since" timestamp with time zone,
	"shift_end" text,
	"last_lat" double precision,
	"last_lng" double precision,
	"last_accuracy" double precision,
	"last_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_scope_key_pk" PRIMARY KEY("user_id","scope","key")
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "status_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "courier_positions" ADD CONSTRAINT "courier_positions_courier_id_users_id_fk" FOREIGN KEY ("courier_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courier_status" ADD CONSTRAINT "courier_status_courier_id_users_id_fk" FOREIGN KEY ("courier_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "courier_positions_courier_at_idx" ON "courier_positions" USING btree ("courier_id","at");--> statement-breakpoint
CREATE INDEX "courier_positions_at_idx" ON "courier_positions" USING btree ("at");--> statement-breakpoint
CREATE INDEX "jobs_code_fold_idx" ON "jobs" USING gin (vn_fold("code" || ' ' || coalesce("dossier_code", '')) gin_trgm_ops);