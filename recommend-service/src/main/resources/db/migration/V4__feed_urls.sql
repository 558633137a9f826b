-- A reader's secret feed URL: only the SHA-256 of its random token is kept, so a database dump cannot be used to read
-- anyone's feed. One URL per reader; a new one replaces the old, deleting the row revokes it.
create table reader_feed_urls (
    reader_id    text        primary key references readers (reader_id) on delete cascade,
    token_sha256 text        not null unique,
    created_at   timestamptz not null
);
