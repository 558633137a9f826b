-- Passage vectors by (model version, hash of the passage as the model sees it), so that no passage is embedded twice:
-- a paper's second summary repeats its title, a redelivered or re-ingested document and a re-embed of unchanged text
-- repeat everything. A row is only read under its own model version.
create table passage_vectors (
    model_version text        not null,
    passage_hash  text        not null,
    vector        real[]      not null,
    created_at    timestamptz not null default now(),
    primary key (model_version, passage_hash)
);

-- Which passages each stored summary vector was made of. The links go with their summary vector (and so with the
-- summary); passage vectors no summary links to any more are dropped by PassageVectorStore.dropUnreferenced.
create table summary_passages (
    summary_id    text not null,
    model_version text not null,
    passage_hash  text not null,
    primary key (summary_id, model_version, passage_hash),
    foreign key (summary_id, model_version) references summary_vectors (summary_id, model_version) on delete cascade
);
create index summary_passages_passage on summary_passages (model_version, passage_hash);
