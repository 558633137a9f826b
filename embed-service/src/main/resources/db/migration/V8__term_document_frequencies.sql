-- How many papers contain each term, kept as paper_terms changes. Ranking a paper's keywords used to count these
-- rows in paper_terms for each of its terms on every summary stored: a scan of every paper's terms per summary
-- (the planner's choice, and for common terms inherent), so storing the n-th summary cost O(n).
create table term_document_frequencies (
    term   text   primary key,
    papers bigint not null check (papers >= 0)
);

insert into term_document_frequencies (term, papers)
select term, count(*) from paper_terms group by term;

-- Statement-level, from the transition tables: one upsert a statement. Terms are taken in order, so two transactions
-- adding overlapping terms lock their rows in the same order (PaperKeywords also inserts a paper's terms sorted).
create function count_inserted_paper_terms() returns trigger language plpgsql as $$
begin
    insert into term_document_frequencies as f (term, papers)
    select term, count(*) from inserted group by term order by term
    on conflict (term) do update set papers = f.papers + excluded.papers;
    return null;
end $$;

create function count_deleted_paper_terms() returns trigger language plpgsql as $$
begin
    update term_document_frequencies f set papers = f.papers - gone.papers
    from (select term, count(*) as papers from deleted group by term) gone
    where f.term = gone.term;
    delete from term_document_frequencies f using deleted gone where f.term = gone.term and f.papers = 0;
    return null;
end $$;

create function forget_paper_term_counts() returns trigger language plpgsql as $$
begin
    delete from term_document_frequencies;
    return null;
end $$;

-- Row updates change tf only (the key is the paper and the term), which leaves document frequencies as they are.
create trigger paper_terms_counted_on_insert after insert on paper_terms
    referencing new table as inserted for each statement execute function count_inserted_paper_terms();
create trigger paper_terms_counted_on_delete after delete on paper_terms
    referencing old table as deleted for each statement execute function count_deleted_paper_terms();
create trigger paper_terms_counted_on_truncate after truncate on paper_terms
    for each statement execute function forget_paper_term_counts();
