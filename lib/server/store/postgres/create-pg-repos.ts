import type { StoreRepos } from "@/lib/server/store/contract/store-contract";
import { createPgAccountEventsRepo } from "@/lib/server/store/postgres/pg-account-events-repo";
import { createPgAccountSyncStateRepo } from "@/lib/server/store/postgres/pg-account-sync-state-repo";
import { createPgAffectedEntitiesRepo } from "@/lib/server/store/postgres/pg-affected-entities-repo";
import { createPgCatalogRepo } from "@/lib/server/store/postgres/pg-catalog-repo";
import { createPgCurrentEventsRepo } from "@/lib/server/store/postgres/pg-current-events-repo";
import { createPgHttpValidatorsRepo } from "@/lib/server/store/postgres/pg-http-validators-repo";
import { createPgIngestPagesRepo } from "@/lib/server/store/postgres/pg-ingest-pages-repo";
import { createPgJournalRepo } from "@/lib/server/store/postgres/pg-journal-repo";
import { createPgOutboxRepo } from "@/lib/server/store/postgres/pg-outbox-repo";
import { createPgAuditLogRepo, createPgAuthTokensRepo } from "@/lib/server/store/postgres/pg-auth-repos";
import { createPgMetaRepo } from "@/lib/server/store/postgres/pg-meta-repo";
import { createPgPublicEventsRepo } from "@/lib/server/store/postgres/pg-public-events-repo";
import { createPgPublicUpdatesRepo } from "@/lib/server/store/postgres/pg-public-updates-repo";
import { createPgSourceStateRepo } from "@/lib/server/store/postgres/pg-source-state-repo";
import type { Queryable } from "@/lib/server/store/postgres/queryable";

/** Every repository bound to one Queryable: the pool (autocommit) or the client of one transaction. */
export function createPgRepos(db: Queryable): StoreRepos {
  return {
    sources: createPgSourceStateRepo(db),
    validators: createPgHttpValidatorsRepo(db),
    catalog: createPgCatalogRepo(db),
    updates: createPgPublicUpdatesRepo(db),
    currentEvents: createPgCurrentEventsRepo(db),
    events: createPgPublicEventsRepo(db),
    accountEvents: { ...createPgAccountEventsRepo(db), ...createPgAffectedEntitiesRepo(db) },
    accountSync: createPgAccountSyncStateRepo(db),
    ingestPages: createPgIngestPagesRepo(db),
    meta: createPgMetaRepo(db),
    journal: createPgJournalRepo(db),
    outbox: createPgOutboxRepo(db),
    authTokens: createPgAuthTokensRepo(db),
    audit: createPgAuditLogRepo(db),
  };
}
