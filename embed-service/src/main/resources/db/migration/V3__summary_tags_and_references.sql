-- The writer's tags and the papers a summary names as next to read, as its event carried them. Each summary keeps its
-- own, so the paper's union is rebuilt from what is stored; summaries stored before this migration have none.
alter table summaries
    add column tags           jsonb not null default '[]',
    add column reference_list jsonb not null default '[]';
