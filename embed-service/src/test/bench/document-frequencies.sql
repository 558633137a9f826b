-- Document frequencies for a paper's keywords at corpus scale: counting them from paper_terms (before V8) against
-- reading the counts V8 keeps. Run from the repository root against a scratch database of any PostgreSQL 15+:
--   psql -X -q -v papers=100000 -f embed-service/src/test/bench/document-frequencies.sql <connection options>
-- It creates its own schema (df_bench), fills it with :papers papers of 60 terms each drawn log-uniformly from a
-- vocabulary of 50,000 (a few terms in most papers, most terms in few, as with real keywords) under the service's
-- own schema (its migrations V1–V8 applied), then times both queries on the terms of ten papers (about 50 distinct
-- terms each). It drops the schema at the end.
\set ON_ERROR_STOP on
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
\timing on
insert into papers (paper_id, paper_key, kind, first_seen_at, updated_at)
select gen_random_uuid(), 'bench:' || n, 'paper', now(), now() from generate_series(1, :papers) n;
insert into paper_terms
select paper_id, 't' || floor(exp(random() * ln(50000)))::int, 1 from papers, generate_series(1, 60)
on conflict do nothing;
\timing off
analyze;
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
\timing off
drop schema df_bench cascade;
