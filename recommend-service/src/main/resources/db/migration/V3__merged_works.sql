-- One work, once (issue 19): a paper record merged into another as the same work leaves its id here, so that a reading
-- event that still names it lands on the surviving paper; readers' rows on it are moved when the merge arrives.
create table paper_aliases (
    former_id text        primary key,
    paper_id  text        not null,
    merged_at timestamptz not null
);
create index paper_aliases_paper on paper_aliases (paper_id);
