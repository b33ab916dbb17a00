-- Intygstjänsten/Webcert: the vendor systems that may call for a care provider (issue 5). A known calling
-- system sees and changes only certificates, drafts and messages of the care providers it is registered for.

CREATE TABLE intyg_calling_system (
    hsa_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    name   VARCHAR(200) NOT NULL
);

CREATE TABLE intyg_calling_system_provider (
    system_id        VARCHAR(64) NOT NULL REFERENCES intyg_calling_system (hsa_id) ON DELETE CASCADE,
    care_provider_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (system_id, care_provider_id)
);
