-- Who called (issue 5): caller holds the calling system's HSA-id as the simulator established it, and
-- caller_kind how: AUTHENTICATED (client certificate) or DECLARED (RIV-TA header, quickstart only);
-- NULL for anonymous and outbound calls. A vendor's view of the journal filters on caller.
ALTER TABLE journal_entry ADD COLUMN caller_kind VARCHAR(16);
CREATE INDEX journal_entry_caller ON journal_entry (caller, seq);
