-- Search for every script: the dispute id, buyer name, both transaction ids and the invoice numbers
-- of the disputed transactions, each case-folded, accent-folded and NFKC-normalised by the
-- application (SQLite's lower() folds ASCII only), one field a line; /disputes search and the Home
-- tab's search match a LIKE pattern folded the same way against it. Null until the application
-- fills it: every write of a dispute sets it, and a start fills the rows written before (each row
-- once, only while still null, so replicas filling together agree); the unfilled index finds those.
ALTER TABLE disputes ADD COLUMN search_text TEXT;
CREATE INDEX disputes_search_unfilled ON disputes (dispute_id) WHERE search_text IS NULL;
