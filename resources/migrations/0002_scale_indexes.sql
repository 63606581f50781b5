-- Entente schema, version 2: indexes for a hundred thousand articles and a million events.

-- The whole SimHash beside each of its bands.
-- A near-duplicate lookup then checks its candidates from the band index alone. Before, it read every
-- candidate's article row to get its SimHash, and since `simhash` comes after the article texts in
-- that row, SQLite had to walk the texts' overflow pages for each of them: with a few hundred
-- candidates per lookup at 100,000 articles, importing slowed down with every article stored.
ALTER TABLE simhash_bands ADD COLUMN simhash INTEGER NOT NULL DEFAULT 0;
UPDATE simhash_bands SET simhash = IFNULL((SELECT a.simhash FROM articles a WHERE a.id = simhash_bands.article_id), 0);

-- Event queries by actor and time range read one index in date order per part (source actor, target
-- actor; events starting in the range or the year before, and the few that last longer than a year),
-- without touching a row until the page is known. The span indexes carry date_end (and for targets the
-- source actor) so that counting and paging need no row at all; they replace the date-only ones.
DROP INDEX events_date;
DROP INDEX events_source_date;
DROP INDEX events_target_date;
CREATE INDEX events_span ON events(date_start, date_end);
CREATE INDEX events_source_span ON events(source_actor, date_start, date_end);
CREATE INDEX events_target_span ON events(target_actor, date_start, date_end, source_actor);
CREATE INDEX events_long ON events(date_end) WHERE date_end > date(date_start, '+366 days');
CREATE INDEX events_long_source ON events(source_actor, date_end) WHERE date_end > date(date_start, '+366 days');
CREATE INDEX events_long_target ON events(target_actor, date_end) WHERE date_end > date(date_start, '+366 days');

-- The article list shows each article's event counts (all, and those still to review): with the status
-- in the article's index both counts come from the index instead of every event row.
DROP INDEX events_article;
CREATE INDEX events_article ON events(article_id, status);
