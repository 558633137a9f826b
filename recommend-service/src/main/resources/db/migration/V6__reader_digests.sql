-- Email digests (issue 20): where and how often a reader gets the newest recommendations by email. last_sent_at is
-- both the window's start for the next digest and the claim: a round sends only after moving it with a conditional
-- update, so two instances (or a restart mid-round) never send the same window twice.
create table reader_digests (
    reader_id    text        primary key references readers (reader_id) on delete cascade,
    email        text        not null,
    frequency    text        not null check (frequency in ('daily', 'weekly', 'off')),
    updated_at   timestamptz not null,
    last_sent_at timestamptz
);
create index reader_digests_due on reader_digests (frequency, last_sent_at) where frequency <> 'off';

-- The unsubscribe links of sent digests: each digest carries a random token of its own, kept only as its SHA-256,
-- so a database dump cannot turn anyone's digest off. A reader's older tokens are pruned after a year.
create table digest_unsubscribe_tokens (
    token_sha256 text        primary key,
    reader_id    text        not null references readers (reader_id) on delete cascade,
    issued_at    timestamptz not null
);
create index digest_unsubscribe_tokens_reader on digest_unsubscribe_tokens (reader_id, issued_at);
