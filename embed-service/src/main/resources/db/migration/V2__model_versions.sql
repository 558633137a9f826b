-- Which model version's vectors are published (serving), which one a re-embed is filling in (building), and how far
-- it has come: done of total summaries have a vector of that version. At most one version serves and one builds.
create table model_versions (
    version      text        primary key,
    model_id     text        not null,
    state        text        not null check (state in ('building', 'serving', 'retired')),
    from_version text,
    started_at   timestamptz not null,
    completed_at timestamptz,
    done         bigint      not null default 0,
    total        bigint      not null default 0
);
create unique index model_versions_one_serving on model_versions (state) where state = 'serving';
create unique index model_versions_one_building on model_versions (state) where state = 'building';

-- The titles the summary's own document gave, so that a re-embed feeds a new model exactly the text the consumer
-- would have. Summaries stored before this migration take their paper's titles, the best record there is.
alter table summaries add column title text, add column title_ja text;
update summaries s set title = p.title, title_ja = p.title_ja from papers p where p.paper_id = s.paper_id;

-- A database filled before this migration serves the version most of its summaries have vectors of.
insert into model_versions (version, model_id, state, started_at, completed_at, done, total)
select v.model_version, min(v.model_id), 'serving', min(v.created_at), max(v.created_at), count(*),
       (select count(*) from summaries)
from summary_vectors v
group by v.model_version
order by count(*) desc, v.model_version
limit 1;

-- Progress counts a version's vectors.
create index summary_vectors_model_version on summary_vectors (model_version);
