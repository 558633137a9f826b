-- ingest-service owns this database: which documents were already ingested, by content hash.
create table ingested_documents (
    document_id text primary key,          -- SHA-256 of the document's bytes
    name        text,
    format      text        not null,
    paper_keys  text[]      not null,
    ingested_at timestamptz not null
);
