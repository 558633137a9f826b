-- The reader's library (issue 20): papers a reader saved, with a note and tags of their own. A save is also a
-- 'saved' reading event (history and profiles see it); removing one publishes 'unsaved'.
create table library_entries (
    reader_id text        not null references readers (reader_id) on delete cascade,
    paper_id  text        not null,
    note      text,
    saved_at  timestamptz not null,
    primary key (reader_id, paper_id)
);
create index library_entries_recent on library_entries (reader_id, saved_at desc);

create table library_tags (
    reader_id text not null,
    paper_id  text not null,
    position  int  not null,
    tag       text not null,
    primary key (reader_id, paper_id, position),
    foreign key (reader_id, paper_id) references library_entries (reader_id, paper_id) on delete cascade
);
create index library_tags_tag on library_tags (reader_id, lower(tag));
