-- How many papers there are, kept as papers come and go. Ranking a paper's keywords needs the corpus size (idf), and
-- counting the papers table for it on every summary stored was a scan of every paper per summary: O(n) again, as the
-- document frequencies were before V8.
--
-- Kept as changes, not as one counter row: a counter row would be locked by every transaction that adds a paper until
-- it commits, putting the two consumers' transactions one after the other. An insert locks nothing another writer
-- needs, and the sum over the changes a transaction sees is exactly the count it would have seen (its own inserts
-- included). PaperCount folds the changes into one row now and then, so the sum stays short.
create table paper_count_changes (
    change_id bigint generated always as identity primary key,
    papers    bigint not null
);

insert into paper_count_changes (papers) select count(*) from papers;

create function count_inserted_papers() returns trigger language plpgsql as $$
begin
    insert into paper_count_changes (papers) select count(*) from inserted having count(*) > 0;
    return null;
end $$;

create function count_deleted_papers() returns trigger language plpgsql as $$
begin
    insert into paper_count_changes (papers) select -count(*) from deleted having count(*) > 0;
    return null;
end $$;

create function forget_paper_count() returns trigger language plpgsql as $$
begin
    delete from paper_count_changes;
    return null;
end $$;

create trigger papers_counted_on_insert after insert on papers
    referencing new table as inserted for each statement execute function count_inserted_papers();
create trigger papers_counted_on_delete after delete on papers
    referencing old table as deleted for each statement execute function count_deleted_papers();
create trigger papers_counted_on_truncate after truncate on papers
    for each statement execute function forget_paper_count();
