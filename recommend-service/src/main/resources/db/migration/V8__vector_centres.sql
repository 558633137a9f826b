-- The mean each embedding model's vectors are centred on in the paper index (VectorCentre), shared by the service's
-- replicas: the first to take a model's mean from enough papers writes it here, every replica centres on this row, so
-- replicas give the same cosines whatever order each indexed the papers in. A mean taken from more papers replaces it.
create table vector_centres (
    model    text        primary key,
    basis    integer     not null,
    centre   text        not null,
    taken_at timestamptz not null
);
