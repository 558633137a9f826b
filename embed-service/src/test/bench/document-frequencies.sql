-- Document frequencies and the number of papers for a paper's keywords at corpus scale: counting them from paper_terms
-- and papers (before V8 and V9) against reading what V8 and V9 keep. Run from the repository root against a scratch
-- database of any PostgreSQL 15+:
--   psql -X -q -v papers=100000 [-v terms=60] -f embed-service/src/test/bench/document-frequencies.sql <connection>
-- It creates its own schema (df_bench) under the service's own schema (its migrations V1–V9 applied) and fills it
-- with :papers papers of :terms terms each (60 unless given; 1 times the number of papers at a million papers in
-- minutes), drawn log-uniformly from a vocabulary of 50,000 (a few terms in most papers, most terms in few, as with
-- real keywords). Then it times both term queries on the terms of ten papers (about 50 distinct terms each) and both
-- ways of knowing the number of papers ten times each, the kept one with as many changes unfolded as PaperCount ever
-- leaves. It drops the schema at the end.
\set ON_ERROR_STOP on
\if :{?terms}
\else
\set terms 60
\endif
set client_min_messages = warning;
drop schema if exists df_bench cascade;
create schema df_bench;
set search_path = df_bench;
-- The service's own schema: every migration, in order.
\i embed-service/src/main/resources/db/migration/V1__papers_summaries_vectors_keywords.sql
\i embed-service/src/main/resources/db/migration/V2__model_versions.sql
\i embed-service/src/main/resources/db/migration/V3__summary_tags_and_references.sql
\i embed-service/src/main/resources/db/migration/V4__one_work_once.sql
\i embed-service/src/main/resources/db/migration/V5__summary_venue_and_year.sql
\i embed-service/src/main/resources/db/migration/V6__document_retractions.sql
\i embed-service/src/main/resources/db/migration/V7__passage_vector_cache.sql
\i embed-service/src/main/resources/db/migration/V8__term_document_frequencies.sql
\i embed-service/src/main/resources/db/migration/V9__paper_count.sql
\timing on
insert into papers (paper_id, paper_key, kind, first_seen_at, updated_at)
select gen_random_uuid(), 'bench:' || n, 'paper', now(), now() from generate_series(1, :papers) n;
insert into paper_terms
select paper_id, 't' || floor(exp(random() * ln(50000)))::int, 1 from papers, generate_series(1, :terms)
on conflict do nothing;
-- The most changes PaperCount leaves unfolded (FOLD_AFTER): what a read may have to add up.
insert into paper_count_changes (papers) select 0 from generate_series(1, 256);
\timing off
analyze;
select (select count(*) from papers) as papers, (select sum(papers) from paper_count_changes) as papers_kept;
select count(*) as paper_terms, (select count(*) from term_document_frequencies) as terms,
       (select count(*) from (select term, count(*) from paper_terms group by term) c
        full join term_document_frequencies k using (term) where c.count is distinct from k.papers) as out_of_step
from paper_terms;
prepare counted(text[]) as
    select term, count(*) from paper_terms where term = any($1) group by term;
prepare kept(text[]) as
    select t.term, (select f.papers from term_document_frequencies f where f.term = t.term) from unnest($1) as t (term);
create temporary table probes as
select paper_id, array_agg(term) as terms from paper_terms
where paper_id in (select paper_id from papers order by paper_key limit 10) group by 1;
\timing on
\echo counted from paper_terms, ten papers:
\o /dev/null
select format('execute counted(%L)', terms) from probes \gexec
\o
\echo kept in term_document_frequencies, ten papers:
\o /dev/null
select format('execute kept(%L)', terms) from probes \gexec
\o
\echo the number of papers counted, ten times:
\o /dev/null
select 'select count(*) from papers' from generate_series(1, 10) \gexec
\o
\echo the number of papers kept, ten times:
\o /dev/null
select 'select coalesce(sum(papers), 0), count(*) from paper_count_changes' from generate_series(1, 10) \gexec
\o
\timing off
drop schema df_bench cascade;
