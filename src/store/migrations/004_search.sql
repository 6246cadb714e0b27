-- Finding people at a city's scale without reading every row: readings and names by
-- prefix through indexes (a search of one or two characters), and any part of a name
-- through an FTS5 trigram index (three characters or more), kept by triggers.
-- Each holds what the results are ordered by (serving first, then staff number), so a
-- common prefix (ヤ) is sorted from the index alone.
CREATE INDEX staff_reading ON staff(family_kana || given_kana, status, staff_no);
CREATE INDEX staff_given_kana ON staff(given_kana, status, staff_no);
CREATE INDEX staff_family_name ON staff(family_name, status, staff_no);
CREATE INDEX staff_given_name ON staff(given_name, status, staff_no);

CREATE VIRTUAL TABLE staff_names USING fts5(name, tokenize = 'trigram');
INSERT INTO staff_names(rowid, name) SELECT id, family_name || given_name FROM staff;

CREATE TRIGGER staff_names_insert AFTER INSERT ON staff BEGIN
    INSERT INTO staff_names(rowid, name) VALUES (new.id, new.family_name || new.given_name);
END;
CREATE TRIGGER staff_names_delete AFTER DELETE ON staff BEGIN
    DELETE FROM staff_names WHERE rowid = old.id;
END;
CREATE TRIGGER staff_names_update AFTER UPDATE OF family_name, given_name ON staff BEGIN
    UPDATE staff_names SET name = new.family_name || new.given_name WHERE rowid = new.id;
END;
