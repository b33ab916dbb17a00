-- Intygstjänsten + Webcert simulator (shared/research/intyg.md): reference data, certificates and drafts,
-- statuses, relations, questions and answers, the event history and the notification outbox, recipients'
-- inboxes. Common subset of H2 (MODE=PostgreSQL) and PostgreSQL 15.
-- Columns ending in _at are UTC instants; columns ending in _local are Swedish local date-times (the
-- contracts' zone-less TimeStampType); DATE columns are Swedish dates.

-- Reference data (the seed; written by the control API) ----------------------------------------------

CREATE TABLE intyg_certificate_type (
    code                       VARCHAR(32)  NOT NULL PRIMARY KEY,
    name                       VARCHAR(200) NOT NULL,
    issuer_type_id             VARCHAR(32),
    default_recipient          VARCHAR(32)  NOT NULL,
    deprecated                 BOOLEAN      NOT NULL,
    protected_identity_allowed BOOLEAN      NOT NULL,
    messaging_blocked          BOOLEAN      NOT NULL
);

CREATE TABLE intyg_certificate_type_version (
    type_code VARCHAR(32) NOT NULL REFERENCES intyg_certificate_type (code) ON DELETE CASCADE,
    version   VARCHAR(16) NOT NULL,
    PRIMARY KEY (type_code, version)
);

CREATE TABLE intyg_recipient (
    id           VARCHAR(32)   NOT NULL PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    endpoint_url VARCHAR(2000),
    active       BOOLEAN       NOT NULL
);

CREATE TABLE intyg_recipient_type (
    recipient_id VARCHAR(32) NOT NULL REFERENCES intyg_recipient (id) ON DELETE CASCADE,
    type_code    VARCHAR(32) NOT NULL,
    PRIMARY KEY (recipient_id, type_code)
);

-- The population register (PU) as the simulator answers it; a person-id without a row is not found.
CREATE TABLE intyg_person (
    person_id          VARCHAR(12)  NOT NULL PRIMARY KEY,
    fornamn            VARCHAR(200) NOT NULL,
    mellannamn         VARCHAR(200),
    efternamn          VARCHAR(200) NOT NULL,
    postadress         VARCHAR(200),
    postnummer         VARCHAR(16),
    postort            VARCHAR(100),
    protected_identity BOOLEAN      NOT NULL,
    deceased           BOOLEAN      NOT NULL,
    test_indicated     BOOLEAN      NOT NULL,
    not_found          BOOLEAN      NOT NULL,
    unreachable        BOOLEAN      NOT NULL
);

CREATE TABLE intyg_setting (
    setting_name  VARCHAR(64)   NOT NULL PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL
);

-- HSA: care providers, units, users and their medarbetaruppdrag (MIU).
CREATE TABLE intyg_care_provider (
    hsa_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    name   VARCHAR(200) NOT NULL
);

CREATE TABLE intyg_care_unit (
    hsa_id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    care_provider_id VARCHAR(64)  NOT NULL REFERENCES intyg_care_provider (hsa_id) ON DELETE CASCADE,
    name             VARCHAR(200) NOT NULL
);

CREATE TABLE intyg_hsa_user (
    hsa_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    name   VARCHAR(200) NOT NULL
);

CREATE TABLE intyg_assignment (
    user_id VARCHAR(64) NOT NULL REFERENCES intyg_hsa_user (hsa_id) ON DELETE CASCADE,
    unit_id VARCHAR(64) NOT NULL,
    purpose VARCHAR(64) NOT NULL,
    PRIMARY KEY (user_id, unit_id, purpose)
);

-- Webcert registrations ------------------------------------------------------------------------------

-- Units that receive CertificateStatusUpdateForCare, per certificate type (IntegreradeEnheterRegistry).
CREATE TABLE intyg_integrated_unit (
    unit_id       VARCHAR(64) NOT NULL,
    type_code     VARCHAR(32) NOT NULL,
    registered_at TIMESTAMP   NOT NULL,
    PRIMARY KEY (unit_id, type_code)
);

CREATE TABLE intyg_notification_endpoint (
    unit_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    url           VARCHAR(2000) NOT NULL,
    registered_at TIMESTAMP     NOT NULL
);

-- Certificates: Webcert drafts and certificates registered in Intygstjänsten, one row per intygs-id
-- extension. An erased certificate keeps only its id, patient and care provider (a tombstone).

CREATE TABLE intyg_certificate (
    certificate_id        VARCHAR(128)  NOT NULL PRIMARY KEY,
    root                  VARCHAR(128)  NOT NULL,
    type_code             VARCHAR(32)   NOT NULL,
    type_version          VARCHAR(16)   NOT NULL,
    patient_id            VARCHAR(12)   NOT NULL,
    unit_id               VARCHAR(64)   NOT NULL,
    care_provider_id      VARCHAR(64)   NOT NULL,
    issuer_id             VARCHAR(64),
    issuer_name           VARCHAR(200),
    lifecycle             VARCHAR(8)    NOT NULL CHECK (lifecycle IN ('DRAFT', 'READY', 'SIGNED', 'DELETED', 'ERASED')),
    test_certificate      BOOLEAN       NOT NULL,
    signed_local          TIMESTAMP,
    created_at            TIMESTAMP     NOT NULL,
    registered_at         TIMESTAMP,
    erased_at             TIMESTAMP,
    ref                   VARCHAR(1000),
    svar_pa_meddelande_id VARCHAR(128),
    svar_pa_referens_id   VARCHAR(128),
    diagnosis_code        VARCHAR(16),
    xml                   TEXT
);
CREATE INDEX intyg_certificate_patient ON intyg_certificate (patient_id);
CREATE INDEX intyg_certificate_unit ON intyg_certificate (unit_id);
CREATE INDEX intyg_certificate_provider ON intyg_certificate (care_provider_id);

CREATE TABLE intyg_sick_leave_period (
    certificate_id VARCHAR(128) NOT NULL REFERENCES intyg_certificate (certificate_id) ON DELETE CASCADE,
    seq            INTEGER      NOT NULL,
    grade          VARCHAR(32)  NOT NULL,
    start_date     DATE         NOT NULL,
    end_date       DATE         NOT NULL,
    PRIMARY KEY (certificate_id, seq)
);

CREATE TABLE intyg_certificate_status (
    seq            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    certificate_id VARCHAR(128) NOT NULL REFERENCES intyg_certificate (certificate_id) ON DELETE CASCADE,
    status         VARCHAR(8)   NOT NULL CHECK (status IN ('RECEIV', 'SENTTO', 'CANCEL', 'DELETE', 'RESTOR')),
    part           VARCHAR(32)  NOT NULL,
    status_local   TIMESTAMP    NOT NULL
);
CREATE INDEX intyg_certificate_status_cert ON intyg_certificate_status (certificate_id, seq);

-- At most one relation per certificate: the one its RegisterCertificate carried.
CREATE TABLE intyg_relation (
    from_certificate_id VARCHAR(128) NOT NULL PRIMARY KEY
                        REFERENCES intyg_certificate (certificate_id) ON DELETE CASCADE,
    relation_type       VARCHAR(8)   NOT NULL,
    to_certificate_id   VARCHAR(128) NOT NULL,
    created_local       TIMESTAMP    NOT NULL
);
CREATE INDEX intyg_relation_to ON intyg_relation (to_certificate_id);

-- Questions and answers (ärenden). meddelande-id is globally unique: the primary key decides duplicates.
CREATE TABLE intyg_message (
    meddelande_id            VARCHAR(128) NOT NULL PRIMARY KEY,
    seq                      BIGINT GENERATED BY DEFAULT AS IDENTITY,
    certificate_id           VARCHAR(128) NOT NULL REFERENCES intyg_certificate (certificate_id) ON DELETE CASCADE,
    referens_id              VARCHAR(128),
    skickat_local            TIMESTAMP,
    patient_id               VARCHAR(12)  NOT NULL,
    logisk_adress_mottagare  VARCHAR(128),
    amne                     VARCHAR(8)   NOT NULL,
    rubrik                   VARCHAR(1000),
    meddelande               TEXT,
    paminnelse_meddelande_id VARCHAR(128),
    svar_pa_meddelande_id    VARCHAR(128),
    svar_pa_referens_id      VARCHAR(128),
    sent_by_side             VARCHAR(9)   NOT NULL CHECK (sent_by_side IN ('RECIPIENT', 'CARE')),
    sent_by                  VARCHAR(64)  NOT NULL,
    sent_by_name             VARCHAR(200),
    kontakt_info             TEXT,
    sista_datum_for_svar     DATE,
    handled                  BOOLEAN      NOT NULL,
    handled_by               VARCHAR(64),
    received_at              TIMESTAMP    NOT NULL
);
CREATE INDEX intyg_message_certificate ON intyg_message (certificate_id, seq);

CREATE TABLE intyg_complement (
    meddelande_id VARCHAR(128) NOT NULL REFERENCES intyg_message (meddelande_id) ON DELETE CASCADE,
    seq           INTEGER      NOT NULL,
    frage_id      VARCHAR(16)  NOT NULL,
    instans       INTEGER,
    text          TEXT         NOT NULL,
    PRIMARY KEY (meddelande_id, seq)
);

-- Events (Handelsekod) -----------------------------------------------------------------------------

-- Every event of every certificate, integrated unit or not (ListCertificatesForCareWithQA reads them).
CREATE TABLE intyg_event (
    seq                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    certificate_id       VARCHAR(128) NOT NULL REFERENCES intyg_certificate (certificate_id) ON DELETE CASCADE,
    unit_id              VARCHAR(64)  NOT NULL,
    code                 VARCHAR(8)   NOT NULL,
    amne                 VARCHAR(8),
    sista_datum_for_svar DATE,
    hanterat_av          VARCHAR(64),
    created_at           TIMESTAMP    NOT NULL
);
CREATE INDEX intyg_event_certificate ON intyg_event (certificate_id, seq);

-- The outbox of CertificateStatusUpdateForCare: one row per event of an integrated unit, written in the
-- transaction of the change; the notification sender delivers it.
CREATE TABLE intyg_notification (
    seq                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    event_id             VARCHAR(36)  NOT NULL UNIQUE,
    certificate_id       VARCHAR(128) NOT NULL,
    unit_id              VARCHAR(64)  NOT NULL,
    type_code            VARCHAR(32)  NOT NULL,
    code                 VARCHAR(8)   NOT NULL,
    amne                 VARCHAR(8),
    sista_datum_for_svar DATE,
    hanterat_av          VARCHAR(64),
    certificate_xml      TEXT,
    ref                  VARCHAR(1000),
    skickade_totalt      INTEGER      NOT NULL,
    skickade_ej_besvarade INTEGER     NOT NULL,
    skickade_besvarade   INTEGER      NOT NULL,
    skickade_hanterade   INTEGER      NOT NULL,
    mottagna_totalt      INTEGER      NOT NULL,
    mottagna_ej_besvarade INTEGER     NOT NULL,
    mottagna_besvarade   INTEGER      NOT NULL,
    mottagna_hanterade   INTEGER      NOT NULL,
    created_at           TIMESTAMP    NOT NULL,
    delivery_state       VARCHAR(9)   NOT NULL CHECK (delivery_state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts             INTEGER      NOT NULL,
    next_attempt_at      TIMESTAMP    NOT NULL,
    last_attempt_at      TIMESTAMP,
    last_outcome         VARCHAR(2000),
    finished_at          TIMESTAMP
);
CREATE INDEX intyg_notification_due ON intyg_notification (delivery_state, next_attempt_at, seq);
CREATE INDEX intyg_notification_certificate ON intyg_notification (certificate_id, seq);

-- Recipients' inboxes: what a simulated recipient (FKASSA, TRANSP) received --------------------------

CREATE TABLE intyg_recipient_inbox (
    seq             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    recipient_id    VARCHAR(32)  NOT NULL,
    operation       VARCHAR(24)  NOT NULL
                    CHECK (operation IN ('RegisterCertificate', 'RevokeCertificate', 'SendMessageToRecipient')),
    certificate_id  VARCHAR(128) NOT NULL,
    patient_id      VARCHAR(12),
    certificate_xml TEXT,
    meddelande_id   VARCHAR(128),
    amne            VARCHAR(8),
    svar_pa_meddelande_id VARCHAR(128),
    text            TEXT,
    sent_by         VARCHAR(64),
    received_at     TIMESTAMP    NOT NULL
);
CREATE INDEX intyg_recipient_inbox_recipient ON intyg_recipient_inbox (recipient_id, seq);
