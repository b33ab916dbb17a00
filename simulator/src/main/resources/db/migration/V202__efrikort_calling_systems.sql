-- e-frikort: the vendor systems that may call for a care principal (issue 5, "Who may call").
-- A known calling system asking for a care principal it is not registered for is answered ACCESSDENIED.
-- care_provider_id: the care provider the system acts for (read consent shows it that provider's fees).

CREATE TABLE efk_calling_system (
    hsa_id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    name             VARCHAR(128) NOT NULL,
    care_provider_id VARCHAR(32)
);

CREATE TABLE efk_calling_system_principal (
    system_id         VARCHAR(64) NOT NULL REFERENCES efk_calling_system (hsa_id) ON DELETE CASCADE,
    care_principal_id VARCHAR(32) NOT NULL,
    PRIMARY KEY (system_id, care_principal_id)
);
