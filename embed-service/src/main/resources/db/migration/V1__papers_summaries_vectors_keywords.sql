-- embed-service owns this database: every paper, every summary of it, their vectors and keywords.

create table papers (
    paper_id      uuid primary key,
    paper_key     text not null unique,
    title         text,
    title_ja      text,
    arxiv_id      text,
    kind          text not null,
    first_seen_at timestamptz not null,
    updated_at    timestamptz not null
);
create index papers_arxiv_id on papers (arxiv_id);

create table paper_authors (
    paper_id uuid not null references papers (paper_id) on delete cascade,
    position int  not null,
    name     text not null,
    primary key (paper_id, position)
);

create table paper_urls (
    paper_id uuid not null references papers (paper_id) on delete cascade,
    position int  not null,
    url      text not null,
    primary key (paper_id, position)
);

-- One row per (document, position): a redelivered event finds its row and changes nothing.
create table summaries (
    summary_id    text primary key,
    paper_id      uuid not null references papers (paper_id) on delete cascade,
    document_id   text not null,
    document_name text,
    position      int  not null,
    format        text not null,
    presenter     text,
    source_date   date,
    summary       text,
    sections      jsonb not null default '[]',
    body          text not null,
    ingested_at   timestamptz not null,
    stored_at     timestamptz not null
);
create index summaries_paper_id on summaries (paper_id);
create index summaries_document_id on summaries (document_id);

-- Vectors are kept per model version, so a new model can be filled in while the old one keeps serving.
create table summary_vectors (
    summary_id    text    not null references summaries (summary_id) on delete cascade,
    model_version text    not null,
    model_id      text    not null,
    vector        real[]  not null,
    token_count   int     not null,
    chunk_count   int     not null,
    created_at    timestamptz not null,
    primary key (summary_id, model_version)
);

create table paper_vectors (
    paper_id      uuid   not null references papers (paper_id) on delete cascade,
    model_version text   not null,
    model_id      text   not null,
    vector        real[] not null,
    updated_at    timestamptz not null,
    primary key (paper_id, model_version)
);

-- Term frequencies per paper give the corpus document frequencies behind TF-IDF keywords.
create table paper_terms (
    paper_id uuid not null references papers (paper_id) on delete cascade,
    term     text not null,
    tf       int  not null,
    primary key (paper_id, term)
);
create index paper_terms_term on paper_terms (term);

create table paper_keywords (
    paper_id uuid             not null references papers (paper_id) on delete cascade,
    rank     int              not null,
    term     text             not null,
    weight   double precision not null,
    primary key (paper_id, rank)
);
