-- Documents a curator retracted (issue 20). Retractions and summaries travel on different topics, so they are not
-- ordered: a summary of a retracted document ingested at or before retracted_at is ignored when it arrives late (or
-- when the summaries topic is replayed), while the same bytes ingested again later have a newer ingested_at and count.
create table retracted_documents (
    document_id  text        primary key,
    retracted_at timestamptz not null
);
