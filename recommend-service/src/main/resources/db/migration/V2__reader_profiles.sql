-- Reader profiles: what each reader did with each paper (the latest act and the strongest interest shown),
-- the keywords a reader chose, and when the reader last opened the feed.
alter table readers add column last_visit_at timestamptz;

create table reader_papers (
    reader_id text             not null references readers (reader_id) on delete cascade,
    paper_id  text             not null,
    weight    double precision not null,
    last_type text             not null,
    last_at   timestamptz      not null,
    primary key (reader_id, paper_id)
);
create index reader_papers_recent on reader_papers (last_at desc, paper_id);

create table reader_interests (
    reader_id text not null references readers (reader_id) on delete cascade,
    position  int  not null,
    keyword   text not null,
    primary key (reader_id, position)
);
