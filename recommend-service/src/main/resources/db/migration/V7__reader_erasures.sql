-- A reader who erased their data (issue 20): the time of the erasure, nothing else. Reading events still on
-- ronbun.reading-events.v1 (the topic keeps records until its retention ends) that happened at or before it are
-- ignored when they are consumed late or replayed, so an erased history never comes back.
create table reader_erasures (
    reader_id text        primary key,
    erased_at timestamptz not null
);
