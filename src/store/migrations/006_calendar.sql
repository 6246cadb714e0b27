-- The office calendar: the days the ward closes its offices besides Saturdays, Sundays,
-- the holidays of the law and 年末年始 (those are computed by the program's rules and
-- never stored). One row a date; 開庁日 are counted without them.
CREATE TABLE ward_closed_days (
    id        INTEGER PRIMARY KEY,
    closed_on TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    version   INTEGER NOT NULL DEFAULT 1
) STRICT;
