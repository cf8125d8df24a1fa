import path from "node:path";
import Database from "better-sqlite3";
import { deriveAccountEventId } from "@/lib/server/domain/derive-record-ids";
import { MIGRATIONS } from "@/lib/server/store/sqlite/migrations";
import { DATABASE_FILE_NAME } from "@/lib/server/store/sqlite/open-database";

export const ARN = "arn:aws:health:us-east-1::event/EC2/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED_1";
export const ACCOUNT = "123456789012";
export const EVENT_ID = deriveAccountEventId(ARN, ACCOUNT);
export const UPDATE = { key: "ec2-us-east-1", at: 1_765_000_000, status: "degraded", resolved: false, summary: "Increased API error rates", message: "We are investigating.", origin: "rss" };

/** A database as an older Healthdeck left it: the first `version` migrations, and rows that version could write. */
export function seedAtVersion(dir: string, version: number): void {
  const db = new Database(path.join(dir, DATABASE_FILE_NAME));
  for (const sql of MIGRATIONS.slice(0, version)) db.exec(sql);
  db.pragma(`user_version = ${version}`);
  db.prepare("INSERT INTO source_state (id, last_attempt_at, last_success_at, last_error, last_error_at, note) VALUES (?, ?, ?, ?, ?, ?)").run("public-rss", 2000, 1000, "HTTP 503", 2000, null);
  db.prepare("INSERT INTO http_validators (url, etag, last_modified) VALUES (?, ?, ?)").run("https://status.aws.amazon.com/rss/all.rss", '"abc"', null);
  db.prepare("INSERT INTO catalog_entries (key, service, region, name, region_name) VALUES (?, ?, ?, ?, ?)").run("ec2-us-east-1", "ec2", "us-east-1", "Amazon EC2", "N. Virginia");
  db.prepare("INSERT INTO public_updates (key, at, status, resolved, summary, message, origin, first_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").run(UPDATE.key, UPDATE.at, UPDATE.status, 0, UPDATE.summary, UPDATE.message, UPDATE.origin, UPDATE.at);
  db.prepare(
    "INSERT INTO public_events (id, arn, key, service, region, status, summary, resolved, started_at, ended_at, last_update_at, impacted_json, updates_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  ).run("ec2-us-east-1_1765000000", null, UPDATE.key, "ec2", "us-east-1", "degraded", UPDATE.summary, 0, UPDATE.at, null, UPDATE.at, "[]", JSON.stringify([{ ...UPDATE }]));
  db.prepare("INSERT INTO meta (name, value) VALUES (?, ?)").run("public.currentevents.checkedAt", "1765000000");
  if (version >= 2) {
    db.prepare(
      `INSERT INTO account_events (id, arn, account_id, service, event_type_code, category, region, availability_zone, status, scope, start_time,
        end_time, last_updated_time, description, metadata_json, actionability, personas_json, origins, entity_counts_json, first_seen_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(EVENT_ID, ARN, ACCOUNT, "EC2", "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", "scheduledChange", "us-east-1", null, "upcoming", "ACCOUNT_SPECIFIC", 5000, null, 4000, "Your instance will be retired.", "{}", null, "[]", "api", JSON.stringify({ total: 1, byStatus: { IMPAIRED: 1 } }), 3000, 3000);
    db.prepare("INSERT INTO account_event_updates (event_id, seq, at, status, description) VALUES (?, ?, ?, ?, ?)").run(EVENT_ID, 1, 4000, "upcoming", "Your instance will be retired.");
    db.prepare("INSERT INTO account_entities (event_id, entity_key, entity_arn, entity_value, entity_url, account_id, status, last_updated_time, metadata_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").run(EVENT_ID, `${ACCOUNT}|i-0abc`, null, "i-0abc", null, ACCOUNT, "IMPAIRED", 4000, "{}");
    db.prepare("INSERT INTO ingest_receipts (account_id, event_arn, communication_id, received_at) VALUES (?, ?, ?, ?)").run(ACCOUNT, ARN, "comm-1", 3000);
  }
  if (version >= 3) {
    db.prepare("INSERT INTO ingest_communications (account_id, event_arn, communication_base, event_id, total_pages, first_received_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?)").run(ACCOUNT, ARN, "comm", EVENT_ID, 2, 3000, null);
    db.prepare("INSERT INTO ingest_pages (account_id, event_arn, communication_base, page, is_backup, envelope_id, delivery_region, entity_count, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").run(ACCOUNT, ARN, "comm", 1, 0, "env-1", "us-east-1", 1, 3000);
  }
  if (version >= 4) {
    db.prepare("INSERT INTO account_sync_targets (target_key, cursor_ms, last_sweep_at) VALUES (?, ?, ?)").run(`account:${ACCOUNT}`, 6000, 5000);
    db.prepare("INSERT INTO account_sync_events (target_key, arn, last_updated_time, status, is_complete, synced_at) VALUES (?, ?, ?, ?, ?, ?)").run(`account:${ACCOUNT}`, ARN, 4000, "upcoming", 1, 6000);
    db.prepare("INSERT INTO account_sync_org_status (account_id, status, checked_at) VALUES (?, ?, ?)").run(ACCOUNT, "ENABLED", 6000);
  }
  if (version >= 6) db.prepare("UPDATE account_events SET entities_version = 3 WHERE id = ?").run(EVENT_ID);
  if (version >= 8) {
    db.prepare(
      `INSERT INTO notify_deliveries (idempotency_key, channel, kind, event_id, journal_id, status, attempts, next_attempt_at, deadline_at, created_at, message_json)
       VALUES ('ops:e:opened', 'ops', 'opened', ?, 1, 'queued', 0, 7000, 99000, 7000, '{"body":{"text":"hi"}}')`,
    ).run(EVENT_ID);
  }
  db.close();
}

