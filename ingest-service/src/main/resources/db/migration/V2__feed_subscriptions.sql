-- Feed subscriptions (RSS, Atom, JSON Feed) that ingest-service polls, with their status.
create table feeds (
    id                   bigint generated always as identity primary key,
    url                  text        not null unique,
    name                 text,
    added_at             timestamptz not null,
    etag                 text,           -- validators of the last 200, sent back as If-None-Match / If-Modified-Since
    last_modified        text,
    last_fetch_at        timestamptz,
    last_success_at      timestamptz,
    last_error           text,
    consecutive_failures integer     not null default 0,
    next_fetch_at        timestamptz not null,
    entries_ingested     bigint      not null default 0,
    entries_failed       bigint      not null default 0
);
create index feeds_next_fetch_at on feeds (next_fetch_at);

-- Entries already taken from a feed: an entry is ingested again only when its content changed (an edited post).
create table feed_entries (
    feed_id      bigint      not null references feeds (id) on delete cascade,
    entry_id     text        not null,  -- guid / id / link of the entry
    content_hash text        not null,  -- SHA-256 of the document built from the entry
    seen_at      timestamptz not null,
    primary key (feed_id, entry_id)
);

-- The dead-letter path of feed entries: each entry that could not be ingested, with the reason.
create table feed_failed_entries (
    id        bigint generated always as identity primary key,
    feed_id   bigint      not null references feeds (id) on delete cascade,
    entry_id  text        not null,
    title     text,
    reason    text        not null,
    failed_at timestamptz not null
);
create index feed_failed_entries_feed on feed_failed_entries (feed_id, failed_at desc);
