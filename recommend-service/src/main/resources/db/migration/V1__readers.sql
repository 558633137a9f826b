-- recommend-service owns this database: who the readers are and what they read.
create table readers (
    reader_id  text primary key,
    created_at timestamptz not null
);

create table reading_events (
    event_id      text primary key,
    reader_id     text not null references readers (reader_id) on delete cascade,
    paper_id      text not null,
    type          text not null,
    dwell_seconds int,
    occurred_at   timestamptz not null
);
create index reading_events_reader on reading_events (reader_id, occurred_at desc);
create index reading_events_paper on reading_events (paper_id);
