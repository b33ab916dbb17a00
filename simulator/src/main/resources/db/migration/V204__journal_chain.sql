-- The journal's hash chain (JournalChain): each entry stores the SHA-256 of the previous entry's hash
-- and of a canonical encoding of its own fields, so a removed, altered or inserted entry is detected.
ALTER TABLE journal_entry ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE journal_entry ADD COLUMN entry_hash VARCHAR(64);

-- The chain's one head row, updated in the transaction that stores each batch of entries: the last
-- entry's seq and hash (so a removed tail is detected too) and where the chain starts. Entries up to
-- base_seq are outside the chain: those stored before this migration, and those a DELETE of the
-- journal removed (the chain goes on from the last removed entry's hash, base_hash).
CREATE TABLE journal_chain (
    id        INTEGER     PRIMARY KEY,
    base_seq  BIGINT      NOT NULL,
    base_hash VARCHAR(64) NOT NULL,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO journal_chain (id, base_seq, base_hash, last_seq, last_hash)
SELECT 1, COALESCE(MAX(seq), 0), '0000000000000000000000000000000000000000000000000000000000000000',
       COALESCE(MAX(seq), 0), '0000000000000000000000000000000000000000000000000000000000000000'
FROM journal_entry;
