-- One work, once (issue 19): the title keys each paper is known by (PaperIdentity.workTitleKeys), so that a summary
-- with an arXiv id finds the title-keyed record of the same paper, and the records merged into another as the same
-- work, so that their tombstones are published and their ids travel on the surviving paper's events.
create table paper_work_keys (
    work_key text not null,
    paper_id uuid not null references papers (paper_id) on delete cascade,
    primary key (work_key, paper_id)
);
create index paper_work_keys_paper on paper_work_keys (paper_id);

create table paper_merges (
    former_id  uuid        primary key,
    former_key text        not null,
    paper_id   uuid        not null references papers (paper_id) on delete cascade,
    merged_at  timestamptz not null,
    tombstoned boolean     not null default false
);
create index paper_merges_paper on paper_merges (paper_id);
