-- The journal or conference and the year of publication a summary's citation gives, as its event carried them; the
-- paper's are its newest summary's that has them. Summaries stored before this migration have none.
alter table summaries
    add column venue text,
    add column year  integer;
