package se.conformance.simulator.intyg;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import se.conformance.simulator.caller.CallerIdentity;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.efrikort.identity.PersonIdRule;
import se.conformance.simulator.intyg.IntygCommands.CareMessage;
import se.conformance.simulator.intyg.IntygCommands.CertificateAction;
import se.conformance.simulator.intyg.IntygCommands.CreateDraftCertificate;
import se.conformance.simulator.intyg.IntygCommands.IntygId;
import se.conformance.simulator.intyg.IntygCommands.MessageEndpoint;
import se.conformance.simulator.intyg.IntygCommands.MessageRef;
import se.conformance.simulator.intyg.IntygCommands.RecipientMessage;
import se.conformance.simulator.intyg.IntygCommands.RegisterCertificate;
import se.conformance.simulator.intyg.IntygCommands.SendMessageToCare;
import se.conformance.simulator.intyg.IntygCommands.SendMessageToRecipient;
import se.conformance.simulator.intyg.IntygModel.CertificateRelations;
import se.conformance.simulator.intyg.IntygModel.CertificateView;
import se.conformance.simulator.intyg.IntygModel.CertificateWithQa;
import se.conformance.simulator.intyg.IntygModel.EventView;
import se.conformance.simulator.intyg.IntygModel.Lifecycle;
import se.conformance.simulator.intyg.IntygModel.MessageView;
import se.conformance.simulator.intyg.IntygModel.Relation;
import se.conformance.simulator.intyg.IntygModel.RelationView;
import se.conformance.simulator.intyg.IntygModel.SickLeave;
import se.conformance.simulator.intyg.IntygModel.TypeInfo;
import se.conformance.simulator.intyg.IntygSeed.CertificateType;
import se.conformance.simulator.intyg.IntygSeed.Person;
import se.conformance.simulator.intyg.IntygSeed.Recipient;
import se.conformance.simulator.intyg.RecipientGateway.CertificateDelivery;
import se.conformance.simulator.intyg.RecipientGateway.Delivery;
import se.conformance.simulator.intyg.RecipientGateway.MessageDelivery;
import se.conformance.simulator.intyg.RecipientGateway.RevocationDelivery;
import se.conformance.simulator.intyg.access.ProviderAccess;
import se.conformance.simulator.intyg.draft.DraftRequestRule;
import se.conformance.simulator.intyg.message.Amne;
import se.conformance.simulator.intyg.message.CareMessageValidator;
import se.conformance.simulator.intyg.message.QuestionCounts.Counts;
import se.conformance.simulator.intyg.message.RecipientMessageValidator;
import se.conformance.simulator.intyg.message.Side;
import se.conformance.simulator.intyg.message.SubjectRule;
import se.conformance.simulator.intyg.sickleave.SickLeaveMerger;
import se.conformance.simulator.intyg.status.CertificateStatus;
import se.conformance.simulator.intyg.status.Parts;
import se.conformance.simulator.intyg.status.StatusCode;
import se.conformance.simulator.intyg.status.StatusFilter;
import se.conformance.simulator.intyg.store.CertificateRepository;
import se.conformance.simulator.intyg.store.CertificateRepository.RelationRow;
import se.conformance.simulator.intyg.store.CertificateRow;
import se.conformance.simulator.intyg.store.CertificateRow.State;
import se.conformance.simulator.intyg.store.EventRepository;
import se.conformance.simulator.intyg.store.EventRepository.EventRow;
import se.conformance.simulator.intyg.store.InboxRecipientGateway;
import se.conformance.simulator.intyg.store.IntegratedUnits;
import se.conformance.simulator.intyg.store.IntygTransactions;
import se.conformance.simulator.intyg.store.MessageRepository;
import se.conformance.simulator.intyg.store.MessageRow;
import se.conformance.simulator.intyg.store.NotificationOutbox;
import se.conformance.simulator.intyg.store.RecipientInbox;
import se.conformance.simulator.intyg.store.ReferenceRepository;
import se.conformance.simulator.store.Database;
import se.conformance.simulator.store.StoreException;

/**
 * Intygstjänsten and Webcert over the simulator's database: the reference implementation behind the
 * intyg SOAP adapter and the control API. The rules are listed in {@code docs/intyg-rules.md}; this class
 * orders them.
 *
 * <p>RegisterCertificate checks, and answers the first failure of: type and version known → identity
 * number (personnummer or samordningsnummer: 12 digits, a real date, Luhn) → population register →
 * duplicate id → store (intyg.md §12.2; the type's Schematron rules ran in the adapter before).
 *
 * <p>Guarantees: every write runs in one database transaction that first locks the certificate's row, so
 * writes on one certificate are serialised; a duplicate certificate id or meddelande-id is decided by the
 * primary key and answered as the real service answers it, never as an exception; a refused call changes
 * nothing. Every change writes its events in its own transaction (history always, outbox notification
 * for integrated units), and calls the {@link RecipientGateway} inside it. Time comes only from the
 * {@link SimulatedClock}. A database failure the retries cannot cure is thrown as {@link StoreException}
 * (a SOAP fault for the adapter); no business outcome throws.
 */
public final class IntygService implements IntygOperations {

    private static final PersonIdRule PERSON_ID = new PersonIdRule("(?!)"); // no reservnummer in the contracts

    private final SimulatedClock clock;
    private final RecipientGateway gateway;
    private final IntygTransactions tx;
    private final ReferenceRepository reference = new ReferenceRepository();
    private final CertificateRepository certificates = new CertificateRepository();
    private final MessageRepository messages = new MessageRepository();
    private final EventRepository events = new EventRepository();
    private final IntegratedUnits integrated = new IntegratedUnits();
    private final PopulationRegister register = new PopulationRegister(reference);
    private final EventLog eventLog;
    private final CallerIdentity caller;
    /** Set for a service scoped to a fixed set of care providers (a tenant of the control API); else from {@link #caller}. */
    private final ProviderAccess fixedAccess;

    /** With {@code recipients} as the outbound port to recipients. */
    public IntygService(Database db, SimulatedClock clock, RecipientGateway recipients) {
        Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gateway = Objects.requireNonNull(recipients, "recipients");
        this.tx = new IntygTransactions(db);
        this.eventLog = new EventLog(certificates, messages, events, integrated, new NotificationOutbox(db), clock);
        this.caller = CallerIdentity.ANONYMOUS;
        this.fixedAccess = null;
    }

    private IntygService(IntygService shared, CallerIdentity caller, ProviderAccess fixedAccess) {
        this.clock = shared.clock;
        this.gateway = shared.gateway;
        this.tx = shared.tx;
        this.eventLog = shared.eventLog;
        this.caller = caller;
        this.fixedAccess = fixedAccess;
    }

    @Override
    public IntygOperations forCaller(CallerIdentity caller) {
        return new IntygService(this, Objects.requireNonNull(caller, "caller"), null);
    }

    @Override
    public IntygOperations forAccess(ProviderAccess access) {
        return new IntygService(this, CallerIdentity.ANONYMOUS, Objects.requireNonNull(access, "access"));
    }

    /** The care providers this service's caller may act for, read in the call's transaction. */
    private ProviderAccess access(Connection c) throws SQLException {
        if (fixedAccess != null) return fixedAccess;
        if (caller.anonymous()) return ProviderAccess.UNRESTRICTED;
        return ProviderAccess.of(caller, reference.callingSystemProviders(c, caller.hsaId()));
    }

    /** Refuses (APPLICATION_ERROR) a call on {@code row} when it belongs to a provider the caller may not act for. */
    private void requirePermitted(Connection c, CertificateRow row) throws SQLException {
        ProviderAccess access = access(c);
        if (!access.permits(row.careProviderId())) {
            throw Refusal.error(ErrorId.APPLICATION_ERROR, access.refusalForCertificate(row.certificateId()));
        }
    }

    /** With the simulated recipients only: deliveries are recorded in the {@link RecipientInbox}. */
    public IntygService(Database db, SimulatedClock clock) {
        this(db, clock, new InboxRecipientGateway(new RecipientInbox(db), clock));
    }

    // --- RegisterCertificate ------------------------------------------------------------------------

    @Override
    public Outcome<Void> registerCertificate(RegisterCertificate cmd, TypeRuleCheck typeRules) {
        return call(() -> tx.write(c -> register(c, cmd, null, cmd.issuerId(), typeRules)));
    }

    /** Registers {@code cmd}; {@code draft} is the Webcert draft being signed, or null. */
    private Outcome<Void> register(Connection c, RegisterCertificate cmd, CertificateRow draft, String hanteratAv,
            TypeRuleCheck typeRules) throws SQLException {
        String id = extension(cmd.id());
        ProviderAccess access = access(c);
        if (!access.permits(cmd.careProviderId())) {
            throw Refusal.error(ErrorId.APPLICATION_ERROR, access.refusalForProvider(cmd.careProviderId()));
        }
        String version = normalisedVersion(cmd.typeVersion());
        Optional<CertificateType> type = reference.certificateType(c, cmd.typeCode());
        if (type.isEmpty() || version == null || !type.get().versions().contains(version)) {
            throw Refusal.error(ErrorId.VALIDATION_ERROR, "Certificate with type: " + cmd.typeCode()
                    + " does not support version: " + cmd.typeVersion());
        }
        if (!validPersonId(cmd.patientId())) {
            throw Refusal.error(ErrorId.VALIDATION_ERROR, "Social security number is not of correct format.");
        }
        PopulationRegister.Lookup pu = register.lookup(c, cmd.patientId());
        if (pu.state() == PopulationRegister.State.UNREACHABLE) {
            throw Refusal.error(ErrorId.TECHNICAL_ERROR, "Error calling PU Service to validate social security number");
        }
        if (pu.state() == PopulationRegister.State.NOT_FOUND) {
            throw Refusal.error(ErrorId.VALIDATION_ERROR, "No person exists in PU Service with the social security number");
        }
        String ruleViolations = typeRules.violations();
        if (ruleViolations != null) throw Refusal.error(ErrorId.VALIDATION_ERROR, ruleViolations);
        if (id == null || id.isBlank()) throw Refusal.error(ErrorId.VALIDATION_ERROR, "intygs-id is required");
        Optional<CertificateRow> existing = certificates.lock(c, id);
        if (existing.isPresent() && (draft == null || !existing.get().draft())) {
            if (existing.get().patientId().equals(cmd.patientId()) && !existing.get().draft()) {
                return Outcome.info("Certificate already exists", null);
            }
            throw Refusal.error(ErrorId.VALIDATION_ERROR, "Certificate already exists");
        }
        LocalDateTime now = clock.localNow();
        CertificateRow row = new CertificateRow(id, cmd.id().root(), cmd.typeCode(), version, cmd.patientId(),
                cmd.unitId(), cmd.careProviderId(), cmd.issuerId(), cmd.issuerName(), State.SIGNED,
                pu.person().testIndicated(), cmd.signedAt() != null ? cmd.signedAt() : now,
                draft != null ? draft.createdAt() : clock.now(), clock.now(), draft != null ? draft.ref() : null,
                cmd.svarPa() == null ? null : cmd.svarPa().meddelandeId(),
                cmd.svarPa() == null ? null : cmd.svarPa().referensId(), cmd.diagnosisCode(), cmd.xml());
        if (draft != null) certificates.replace(c, row);
        else certificates.insert(c, row);
        certificates.addStatus(c, id, StatusCode.RECEIV, Parts.HSVARD, now);
        certificates.insertPeriods(c, id, cmd.periods());
        if (cmd.relation() != null && cmd.relation().certificateId() != null) {
            certificates.insertRelation(c, new RelationRow(id, cmd.relation().type(), cmd.relation().certificateId(), now));
        }
        eventLog.record(c, id, Handelsekod.SIGNAT, hanteratAv);
        if (cmd.relation() != null && cmd.relation().certificateId() != null) {
            afterRelatedSigning(c, row, cmd.relation(), hanteratAv);
        }
        return Outcome.ok(null);
    }

    /**
     * A signed KOMPLT, ERSATT or FRLANG certificate closes the open KOMPLT questions on the original
     * (HANFRFM each); a KOMPLT certificate is then sent to the original type's default recipient (§6.2, §7.3).
     */
    private void afterRelatedSigning(Connection c, CertificateRow row, IntygCommands.RelationRef relation,
            String hanteratAv) throws SQLException {
        String type = relation.type();
        if (!List.of("KOMPLT", "ERSATT", "FRLANG").contains(type)) return;
        Optional<CertificateRow> original = certificates.lock(c, relation.certificateId());
        if (original.isEmpty() || !original.get().signed()) return;
        for (MessageRow m : messages.forCertificate(c, original.get().certificateId())) {
            if (m.sentBySide() == Side.RECIPIENT && "KOMPLT".equals(m.amne()) && m.question() && !m.handled()) {
                messages.setHandled(c, m.meddelandeId(), true, hanteratAv);
                eventLog.record(c, original.get().certificateId(), Handelsekod.HANFRFM, hanteratAv);
            }
        }
        if ("KOMPLT".equals(type) && !row.testCertificate()) {
            Optional<CertificateType> originalType = reference.certificateType(c, original.get().typeCode());
            if (originalType.isPresent()) {
                // Webcert sends a complement on its own; a failed delivery leaves it signed and unsent.
                send(c, certificates.find(c, row.certificateId()).orElseThrow(), originalType.get().defaultRecipient(),
                        hanteratAv);
            }
        }
    }

    // --- GetCertificate ----------------------------------------------------------------------------

    @Override
    public Outcome<CertificateView> getCertificate(IntygCommands.GetCertificate query) {
        return call(() -> tx.read(c -> {
            String id = extension(query.id());
            Optional<CertificateRow> row = certificates.find(c, id);
            ProviderAccess access = access(c);
            if (row.isPresent() && !access.permits(row.get().careProviderId())) {
                throw Refusal.fault(access.refusalForCertificate(id));
            }
            if (row.isPresent() && row.get().state() == State.ERASED) {
                throw Refusal.fault("Certificate with id " + id + " is deleted from intygstjansten");
            }
            if (row.isEmpty() || !row.get().signed()
                    || row.get().testCertificate() && !Parts.HSVARD.equals(query.part())) {
                throw Refusal.fault("Certificate with id " + id + " is invalid or does not exist");
            }
            return Outcome.ok(view(c, row.get(), query.part()));
        }));
    }

    @Override
    public Optional<CertificateView> certificate(String certificateId) {
        return tx.read(c -> {
            Optional<CertificateRow> row = certificates.find(c, certificateId);
            if (row.isEmpty() || row.get().state() == State.ERASED) return Optional.empty();
            if (!access(c).permits(row.get().careProviderId())) return Optional.empty();
            return Optional.of(view(c, row.get(), Parts.INVANA));
        });
    }

    // --- SendCertificateToRecipient ----------------------------------------------------------------

    @Override
    public Outcome<Void> sendCertificateToRecipient(IntygCommands.SendCertificateToRecipient cmd) {
        return call(() -> tx.write(c -> {
            String id = extension(cmd.id());
            Optional<CertificateRow> row = certificates.lock(c, id);
            if (row.isPresent()) requirePermitted(c, row.get());
            if (row.isEmpty() || !row.get().signed() || !row.get().patientId().equals(cmd.patientId())) {
                throw Refusal.error(ErrorId.APPLICATION_ERROR, "Unknown certificate ID: " + id);
            }
            return send(c, row.get(), cmd.recipient(), cmd.sentByHsaId());
        }));
    }

    /** Sends a signed, locked certificate: the §9.1 checks in order, delivery, SENTTO and SKICKA. */
    private Outcome<Void> send(Connection c, CertificateRow row, String recipientId, String hanteratAv)
            throws SQLException {
        String id = row.certificateId();
        if (row.testCertificate()) {
            return Outcome.error(ErrorId.VALIDATION_ERROR, "Certificate '" + id
                    + "' couldn't be sent to recipient because it is a test certificate");
        }
        List<CertificateStatus> statuses = certificates.statuses(c, id);
        if (StatusFilter.revoked(statuses)) return Outcome.info("Certificate '" + id + "' has been revoked.", null);
        if (StatusFilter.sentTo(statuses, recipientId)) {
            return Outcome.info("Certificate '" + id + "' already sent to '" + recipientId + "'.", null);
        }
        String couldNotSend = "Certificate '" + id + "' couldn't be sent to recipient";
        Optional<Recipient> recipient = reference.recipient(c, recipientId);
        if (recipient.isEmpty() || !recipient.get().active() || !recipient.get().typeCodes().contains(row.typeCode())) {
            return Outcome.error(ErrorId.TECHNICAL_ERROR, couldNotSend);
        }
        Delivery delivery = gateway.registerCertificate(c, port(recipient.get()),
                new CertificateDelivery(id, row.typeCode(), row.patientId(), row.xml()));
        if (!delivery.accepted()) return Outcome.error(ErrorId.TECHNICAL_ERROR, couldNotSend);
        certificates.addStatus(c, id, StatusCode.SENTTO, recipientId, clock.localNow());
        eventLog.record(c, id, Handelsekod.SKICKA, hanteratAv);
        return Outcome.ok(null);
    }

    // --- RevokeCertificate -------------------------------------------------------------------------

    @Override
    public Outcome<Void> revokeCertificate(IntygCommands.RevokeCertificate cmd) {
        return call(() -> tx.write(c -> {
            String id = extension(cmd.id());
            Optional<CertificateRow> row = certificates.lock(c, id);
            if (row.isPresent()) requirePermitted(c, row.get());
            if (row.isEmpty() || !row.get().signed() || !row.get().patientId().equals(cmd.patientId())) {
                throw Refusal.error(ErrorId.APPLICATION_ERROR, "Certificate " + id + " does not exist for patient.");
            }
            return revoke(c, row.get(), cmd.meddelande(), cmd.revokedByHsaId(), cmd.skickatTidpunkt());
        }));
    }

    private Outcome<Void> revoke(Connection c, CertificateRow row, String reason, String revokedBy,
            LocalDateTime skickatTidpunkt) throws SQLException {
        String id = row.certificateId();
        List<CertificateStatus> statuses = certificates.statuses(c, id);
        if (StatusFilter.revoked(statuses)) return Outcome.info("Certificate " + id + " is already revoked.", null);
        certificates.addStatus(c, id, StatusCode.CANCEL, Parts.HSVARD, clock.localNow());
        if (!row.testCertificate()) {
            for (String recipientId : StatusFilter.recipients(statuses)) {
                Optional<Recipient> recipient = reference.recipient(c, recipientId);
                if (recipient.isEmpty() || !recipient.get().active()) continue;
                // the revocation stands whatever the recipient answers (our choice; the research does not say)
                gateway.revokeCertificate(c, port(recipient.get()), new RevocationDelivery(id, row.typeCode(),
                        row.patientId(), reason, revokedBy, skickatTidpunkt != null ? skickatTidpunkt : clock.localNow()));
            }
        }
        eventLog.record(c, id, Handelsekod.MAKULE, revokedBy);
        return Outcome.ok(null);
    }

    // --- SetCertificateStatus -------------------------------------------------------------------------

    @Override
    public Outcome<Void> setCertificateStatus(IntygCommands.SetCertificateStatus cmd) {
        return call(() -> tx.write(c -> {
            String id = extension(cmd.id());
            if (!Parts.known(cmd.part())) throw Refusal.error(ErrorId.VALIDATION_ERROR, "Unknown part: " + cmd.part());
            Optional<CertificateRow> row = certificates.lock(c, id);
            if (row.isPresent()) requirePermitted(c, row.get());
            if (row.isEmpty() || !row.get().signed()) {
                throw Refusal.error(ErrorId.VALIDATION_ERROR, "Certificate with id " + id + " is invalid or does not exist");
            }
            StatusCode status = StatusCode.parse(cmd.status()).orElseThrow(() -> Refusal.error(ErrorId.VALIDATION_ERROR,
                    "Unknown status: " + cmd.status()));
            if (status == StatusCode.SENTTO && row.get().testCertificate()) {
                throw Refusal.error(ErrorId.VALIDATION_ERROR,
                        "Cannot set the certificate to SENT as it is flagged as a test certificate");
            }
            certificates.addStatus(c, id, status, cmd.part(), cmd.tidpunkt() != null ? cmd.tidpunkt() : clock.localNow());
            if (status == StatusCode.SENTTO) eventLog.record(c, id, Handelsekod.SKICKA, null);
            if (status == StatusCode.CANCEL) eventLog.record(c, id, Handelsekod.MAKULE, null);
            return Outcome.ok(null);
        }));
    }

    // --- lists ------------------------------------------------------------------------------------------

    @Override
    public Outcome<List<CertificateView>> listCertificatesForCare(IntygCommands.ListCertificatesForCare query) {
        return call(() -> tx.read(c -> {
            if (!validPersonId(query.personId())) {
                throw Refusal.fault("Social security number is not of correct format.");
            }
            boolean byProvider = query.careProviderId() != null && !query.careProviderId().isBlank();
            if (!byProvider && query.unitIds().isEmpty()) {
                throw Refusal.fault("Either vardgivare-id or enhets-id is required");
            }
            List<CertificateView> result = new ArrayList<>();
            ProviderAccess access = access(c);
            for (CertificateRow row : certificates.signedForPatient(c, query.personId())) {
                // with vardgivare-id the real service applies no filter at all: every certificate of the patient
                if (!byProvider && !query.unitIds().contains(row.unitId())) continue;
                if (!access.permits(row.careProviderId())) continue;
                result.add(view(c, row, Parts.HSVARD));
            }
            return Outcome.ok(result);
        }));
    }

    @Override
    public Outcome<List<CertificateView>> listCertificatesForCitizen(IntygCommands.ListCertificatesForCitizen query) {
        return call(() -> tx.read(c -> {
            if (!validPersonId(query.personId())) {
                throw Refusal.error(ErrorId.VALIDATION_ERROR, "Social security number is not of correct format.");
            }
            String part = query.part() == null ? Parts.INVANA : query.part();
            List<CertificateView> result = new ArrayList<>();
            ProviderAccess access = access(c);
            for (CertificateRow row : certificates.signedForPatient(c, query.personId())) {
                if (row.testCertificate() || !access.permits(row.careProviderId())) continue;
                if (!query.typeCodes().isEmpty() && !query.typeCodes().contains(row.typeCode())) continue;
                LocalDate signed = row.signedAt().toLocalDate();
                if (query.from() != null && signed.isBefore(query.from())) continue;
                if (query.to() != null && signed.isAfter(query.to())) continue;
                if (StatusFilter.archived(certificates.statuses(c, row.certificateId())) != query.archived()) continue;
                result.add(view(c, row, part));
            }
            return Outcome.ok(result);
        }));
    }

    @Override
    public Outcome<TypeInfo> getCertificateTypeInfo(String certificateId) {
        return call(() -> tx.read(c -> {
            Optional<CertificateRow> row = certificates.find(c, certificateId);
            ProviderAccess access = access(c);
            if (row.isPresent() && !access.permits(row.get().careProviderId())) {
                throw Refusal.fault(access.refusalForCertificate(certificateId));
            }
            if (row.isEmpty() || !row.get().signed()) {
                throw Refusal.fault("Failed to get certificate's type. Certificate with id " + certificateId
                        + " is invalid or does not exist");
            }
            return Outcome.ok(new TypeInfo(row.get().typeCode(), row.get().typeVersion()));
        }));
    }

    @Override
    public Outcome<List<CertificateRelations>> listRelationsForCertificate(List<String> certificateIds) {
        return call(() -> tx.read(c -> {
            List<CertificateRelations> result = new ArrayList<>();
            ProviderAccess access = access(c);
            for (String id : certificateIds) {
                Optional<CertificateRow> asked = certificates.find(c, id);
                if (asked.isPresent() && !access.permits(asked.get().careProviderId())) {
                    result.add(new CertificateRelations(id, List.of())); // another provider's: nothing shown
                    continue;
                }
                List<RelationRow> rows = new ArrayList<>(certificates.incoming(c, id));
                certificates.outgoing(c, id).ifPresent(rows::add);
                List<Relation> relations = new ArrayList<>();
                for (RelationRow r : rows) {
                    Optional<CertificateRow> from = certificates.find(c, r.fromCertificateId());
                    if (from.isEmpty() || !from.get().signed() || !access.permits(from.get().careProviderId())) continue;
                    boolean fromRevoked = StatusFilter.revoked(certificates.statuses(c, r.fromCertificateId()));
                    relations.add(new Relation(r.type(), r.fromCertificateId(), r.toCertificateId(), r.created(),
                            fromRevoked));
                }
                relations.sort(Comparator.comparing(Relation::created));
                result.add(new CertificateRelations(id, relations));
            }
            return Outcome.ok(result);
        }));
    }

    @Override
    public Outcome<List<SickLeave>> listSickLeavesForCare(IntygCommands.ListSickLeavesForCare query) {
        return call(() -> tx.read(c -> {
            if (query.unitId() == null || query.unitId().isBlank()) throw Refusal.fault("enhets-id is required");
            if (query.maxDaysBetween() < 0) throw Refusal.fault("maxDagarMellanIntyg must not be negative");
            LocalDate today = clock.today();
            Map<String, List<SickLeaveMerger.CertificatePeriods>> byPatient = new LinkedHashMap<>();
            ProviderAccess access = access(c);
            for (CertificateRow row : certificates.signedOnUnit(c, query.unitId())) {
                if (!access.permits(row.careProviderId())) continue;
                if (row.testCertificate() || StatusFilter.revoked(certificates.statuses(c, row.certificateId()))) continue;
                var periods = certificates.periods(c, row.certificateId());
                if (periods.isEmpty()) continue;
                byPatient.computeIfAbsent(row.patientId(), p -> new ArrayList<>()).add(new SickLeaveMerger.CertificatePeriods(
                        row.certificateId(), row.signedAt(), row.issuerId(), row.issuerName(), row.diagnosisCode(), periods));
            }
            List<SickLeave> result = new ArrayList<>();
            for (var entry : byPatient.entrySet()) {
                for (SickLeaveMerger.Case s : SickLeaveMerger.merge(entry.getValue(), query.maxDaysBetween(), today)) {
                    if (!s.activeOn(today)) continue;
                    if (query.minLength() != null && s.days() < query.minLength()) continue;
                    if (query.maxLength() != null && s.days() > query.maxLength()) continue;
                    if (!query.issuerIds().isEmpty() && !query.issuerIds().contains(s.latest().issuerId())) continue;
                    result.add(new SickLeave(entry.getKey(), query.unitId(), s.start(), s.end(), s.days(), s.grade(),
                            s.latest().diagnosisCode(), s.latest().issuerId(), s.latest().issuerName(),
                            s.certificateIds()));
                }
            }
            return Outcome.ok(result);
        }));
    }

    // --- SendMessageToCare ------------------------------------------------------------------------------

    @Override
    public Outcome<Void> sendMessageToCare(SendMessageToCare cmd) {
        return call(() -> tx.write(c -> {
            String certificateId = extension(cmd.certificateId());
            Optional<CertificateRow> cert = certificates.lock(c, certificateId).filter(CertificateRow::signed);
            if (cert.isPresent()) requirePermitted(c, cert.get());
            if (cmd.endpoint() != MessageEndpoint.WEBCERT) {
                Optional<MessageRow> reminded = messages.find(c, cmd.paminnelseMeddelandeId());
                Optional<MessageRow> answered = messages.find(c, cmd.svarPa() == null ? null : cmd.svarPa().meddelandeId());
                CareMessageValidator.Facts facts = new CareMessageValidator.Facts(
                        reference.recipient(c, cmd.sentByPart()).isPresent(),
                        cmd.meddelandeId() != null && messages.exists(c, cmd.meddelandeId()),
                        reminded.map(MessageRow::amne), answered.map(MessageRow::amne),
                        cert.map(r -> new CareMessageValidator.CertificateFacts(r.patientId(), r.testCertificate())));
                List<String> errors = CareMessageValidator.validate(cmd, facts);
                if (!errors.isEmpty()) {
                    throw Refusal.error(ErrorId.VALIDATION_ERROR, CareMessageValidator.resultText(cmd, errors));
                }
            }
            return receiveAtCare(c, cmd, cert);
        }));
    }

    /** Webcert as the care-side producer of SendMessageToCare (§7.4, last paragraph). */
    private Outcome<Void> receiveAtCare(Connection c, SendMessageToCare cmd, Optional<CertificateRow> cert)
            throws SQLException {
        String certificateId = extension(cmd.certificateId());
        if (cmd.meddelandeId() != null && messages.exists(c, cmd.meddelandeId())) {
            return Outcome.info("This message has already been received.", null);
        }
        if (cmd.meddelandeId() == null || cmd.meddelandeId().isBlank()) {
            throw Refusal.error(ErrorId.VALIDATION_ERROR, "meddelande-id is required");
        }
        if (cert.isEmpty()) {
            Optional<CertificateRow> any = certificates.find(c, certificateId);
            throw Refusal.error(ErrorId.VALIDATION_ERROR, any.isPresent() && any.get().draft()
                    ? "Certificate " + certificateId + " is not signed"
                    : "Certificate " + certificateId + " does not exist");
        }
        CertificateRow row = cert.get();
        if (!row.patientId().equals(cmd.patientId())) {
            throw Refusal.error(ErrorId.VALIDATION_ERROR, "patientPerson-id does not match certificate " + certificateId);
        }
        Optional<CertificateType> type = reference.certificateType(c, row.typeCode());
        if (type.isPresent() && type.get().messagingBlocked()) {
            throw Refusal.error(ErrorId.VALIDATION_ERROR, "Certificate type " + row.typeCode()
                    + " does not support questions and answers");
        }
        if (StatusFilter.revoked(certificates.statuses(c, certificateId))) {
            throw Refusal.error(ErrorId.APPLICATION_ERROR, "CERTIFICATE_REVOKED: certificate " + certificateId
                    + " is revoked");
        }
        Optional<Amne> amne = Amne.parse(cmd.amne());
        if (amne.isEmpty()) throw Refusal.error(ErrorId.VALIDATION_ERROR, "amne " + cmd.amne() + " is not supported");
        String svarPa = cmd.svarPa() == null ? null : cmd.svarPa().meddelandeId();
        if (svarPa != null) {
            Optional<MessageRow> question = messages.find(c, svarPa);
            if (question.isEmpty() || !question.get().certificateId().equals(certificateId)) {
                throw Refusal.error(ErrorId.VALIDATION_ERROR, "svarPa " + svarPa + " is not a question on certificate "
                        + certificateId);
            }
            if (!messages.answersTo(c, svarPa).isEmpty()) {
                throw Refusal.error(ErrorId.VALIDATION_ERROR, "Answer already exist for this message");
            }
        }
        messages.insert(c, new MessageRow(cmd.meddelandeId(), certificateId, cmd.referensId(), cmd.skickatTidpunkt(),
                cmd.patientId(), cmd.logiskAdressMottagare(), amne.get().name(), cmd.rubrik(), cmd.meddelande(),
                cmd.paminnelseMeddelandeId(), svarPa, cmd.svarPa() == null ? null : cmd.svarPa().referensId(),
                Side.RECIPIENT, cmd.sentByPart(), null, cmd.kontaktInfo(), cmd.sistaDatumForSvar(), false, null,
                clock.now(), cmd.complements()));
        if (svarPa != null) eventLog.record(c, certificateId, Handelsekod.NYSVFM, null);
        else eventLog.record(c, certificateId, Handelsekod.NYFRFM, amne.get().name(), cmd.sistaDatumForSvar(), null);
        return Outcome.ok(null);
    }

    // --- SendMessageToRecipient -------------------------------------------------------------------------

    @Override
    public Outcome<Void> sendMessageToRecipient(SendMessageToRecipient cmd) {
        return call(() -> tx.write(c -> sendToRecipient(c, cmd)));
    }

    private Outcome<Void> sendToRecipient(Connection c, SendMessageToRecipient cmd) throws SQLException {
        String certificateId = extension(cmd.certificateId());
        Optional<CertificateRow> cert = certificates.lock(c, certificateId).filter(CertificateRow::signed);
        if (cert.isEmpty()) throw Refusal.error(ErrorId.APPLICATION_ERROR, "Intyg does not exist");
        CertificateRow row = cert.get();
        requirePermitted(c, row);
        // Intygstjänsten answers OK for a test certificate without forwarding; we neither validate nor store it
        if (row.testCertificate()) return Outcome.ok(null);
        Optional<MessageRow> reminded = messages.find(c, cmd.paminnelseMeddelandeId());
        Optional<MessageRow> answered = messages.find(c, cmd.svarPa() == null ? null : cmd.svarPa().meddelandeId());
        List<CertificateStatus> statuses = certificates.statuses(c, certificateId);
        List<String> errors = RecipientMessageValidator.validate(cmd, new RecipientMessageValidator.Facts(
                cmd.meddelandeId() == null || messages.exists(c, cmd.meddelandeId()), reminded.map(MessageRow::amne),
                answered.map(MessageRow::amne), row.patientId(), !StatusFilter.recipients(statuses).isEmpty()));
        if (!errors.isEmpty()) {
            throw Refusal.error(ErrorId.VALIDATION_ERROR, RecipientMessageValidator.resultText(errors));
        }
        String couldNotSend = "Message " + cmd.meddelandeId() + " couldn't be sent to recipient "
                + cmd.logiskAdressMottagare();
        Optional<Recipient> recipient = reference.recipient(c, cmd.logiskAdressMottagare());
        if (recipient.isEmpty() || !recipient.get().active()) throw Refusal.error(ErrorId.TECHNICAL_ERROR, couldNotSend);
        Delivery delivery = gateway.sendMessage(c, port(recipient.get()), new MessageDelivery(cmd, row.typeCode()));
        if (!delivery.accepted()) throw Refusal.error(ErrorId.TECHNICAL_ERROR, couldNotSend);
        String svarPa = cmd.svarPa() == null ? null : cmd.svarPa().meddelandeId();
        messages.insert(c, new MessageRow(cmd.meddelandeId(), certificateId, cmd.referensId(), cmd.skickatTidpunkt(),
                cmd.patientId(), cmd.logiskAdressMottagare(), cmd.amne(), cmd.rubrik(), cmd.meddelande(),
                cmd.paminnelseMeddelandeId(), svarPa, cmd.svarPa() == null ? null : cmd.svarPa().referensId(), Side.CARE,
                cmd.sentByHsaId() == null ? "" : cmd.sentByHsaId(), cmd.sentByName(), List.of(), cmd.sistaDatumForSvar(),
                false, null, clock.now(), List.of()));
        if (svarPa == null) {
            eventLog.record(c, certificateId, Handelsekod.NYFRFV, cmd.sentByHsaId());
        } else if (answered.get().sentBySide() == Side.RECIPIENT) {
            // care's answer closes the question; "kan ej komplettera" closes every open KOMPLT question (§7.3)
            for (MessageRow m : messages.forCertificate(c, certificateId)) {
                boolean target = m.meddelandeId().equals(svarPa)
                        || "KOMPLT".equals(answered.get().amne()) && "KOMPLT".equals(m.amne());
                if (target && m.sentBySide() == Side.RECIPIENT && m.question() && !m.handled()) {
                    messages.setHandled(c, m.meddelandeId(), true, cmd.sentByHsaId());
                    eventLog.record(c, certificateId, Handelsekod.HANFRFM, cmd.sentByHsaId());
                }
            }
        }
        return Outcome.ok(null);
    }

    // --- CreateDraftCertificate ---------------------------------------------------------------------------

    @Override
    public Outcome<IntygId> createDraftCertificate(CreateDraftCertificate cmd) {
        return call(() -> tx.write(c -> {
            List<String> errors = DraftRequestRule.missingOrInvalid(cmd);
            if (!errors.isEmpty()) throw Refusal.error(ErrorId.VALIDATION_ERROR, String.join(", ", errors));
            Optional<String> careProvider = reference.careProviderOfUnit(c, cmd.unitId());
            ProviderAccess access = access(c);
            if (careProvider.isPresent() && !access.permits(careProvider.get())) {
                throw Refusal.error(ErrorId.APPLICATION_ERROR, access.refusalForProvider(careProvider.get()));
            }
            if (careProvider.isEmpty()
                    || !reference.hasAssignment(c, cmd.personalId(), cmd.unitId(), IntygSeed.CARE_AND_TREATMENT)) {
                throw Refusal.error(ErrorId.VALIDATION_ERROR, "No valid MIU was found for person " + cmd.personalId()
                        + " on unit " + cmd.unitId() + ", can not create draft!");
            }
            Optional<CertificateType> type = reference.certificateType(c, cmd.typeCode());
            if (type.isEmpty()) throw Refusal.error(ErrorId.APPLICATION_ERROR, "Intyg " + cmd.typeCode() + " is not supported");
            if (type.get().deprecated()) {
                throw Refusal.error(ErrorId.APPLICATION_ERROR, "Intyg of type " + cmd.typeCode()
                        + " has been deprecated and is no longer possible to issue.");
            }
            String personId = cmd.patient().personId();
            PopulationRegister.Lookup pu = register.lookup(c, personId);
            if (pu.state() == PopulationRegister.State.UNREACHABLE) {
                throw Refusal.error(ErrorId.APPLICATION_ERROR,
                        "Cannot issue intyg. The PU-service was unreachable. Please try again later.");
            }
            if (pu.state() == PopulationRegister.State.NOT_FOUND) {
                throw Refusal.error(ErrorId.APPLICATION_ERROR,
                        "Personnumret du har angivit finns inte i folkbokföringsregistret.");
            }
            Person person = pu.person();
            if (person.protectedIdentity() && !type.get().protectedIdentityAllowed()) {
                throw Refusal.error(ErrorId.APPLICATION_ERROR, "Intygstypen " + cmd.typeCode()
                        + " kan inte utfärdas för patienter med skyddade personuppgifter.");
            }
            if (person.deceased()) {
                throw Refusal.error(ErrorId.APPLICATION_ERROR, "Intygstypen " + cmd.typeCode()
                        + " kan inte utfärdas för avlidna patienter.");
            }
            List<String> versions = type.get().versions();
            String id = UUID.randomUUID().toString();
            certificates.insert(c, new CertificateRow(id, cmd.unitId(), cmd.typeCode(), versions.get(versions.size() - 1),
                    personId, cmd.unitId(), careProvider.get(), cmd.personalId(), cmd.fullstandigtNamn(), State.DRAFT,
                    person.testIndicated(), null, clock.now(), null, cmd.ref(), null, null, null, cmd.draftXml()));
            integrated.register(c, cmd.unitId(), cmd.typeCode(), clock.now());
            eventLog.record(c, id, Handelsekod.SKAPAT, cmd.personalId());
            return Outcome.ok(new IntygId(cmd.unitId(), id));
        }));
    }

    @Override
    public Outcome<List<CertificateWithQa>> listCertificatesForCareWithQA(
            IntygCommands.ListCertificatesForCareWithQA query) {
        return call(() -> tx.read(c -> {
            if (!validPersonId(query.personId())) {
                throw Refusal.error(ErrorId.VALIDATION_ERROR, "Social security number is not of correct format.");
            }
            boolean byProvider = query.careProviderId() != null && !query.careProviderId().isBlank();
            if (!byProvider && query.unitIds().isEmpty()) {
                throw Refusal.error(ErrorId.VALIDATION_ERROR, "Either vardgivare-id or enhets-id is required");
            }
            List<CertificateWithQa> result = new ArrayList<>();
            ProviderAccess access = access(c);
            for (CertificateRow row : certificates.liveForPatient(c, query.personId())) {
                if (!access.permits(row.careProviderId())) continue;
                if (!query.unitIds().isEmpty() && !query.unitIds().contains(row.unitId())) continue;
                if (byProvider && !query.careProviderId().equals(row.careProviderId())) continue;
                List<EventView> inWindow = new ArrayList<>();
                for (EventRow e : events.forCertificate(c, row.certificateId())) {
                    EventView v = eventView(e);
                    if (query.from() != null && v.at().isBefore(query.from())) continue;
                    if (query.to() != null && v.at().isAfter(query.to())) continue;
                    inWindow.add(v);
                }
                if (inWindow.isEmpty()) continue;
                Counts counts = eventLog.counts(c, row.certificateId());
                result.add(new CertificateWithQa(view(c, row, Parts.HSVARD), inWindow, counts.skickadeFragor(),
                        counts.mottagnaFragor(), row.ref()));
            }
            return Outcome.ok(result);
        }));
    }

    // --- a doctor in Webcert ------------------------------------------------------------------------------

    @Override
    public Outcome<Void> updateDraft(IntygCommands.UpdateDraft cmd) {
        return call(() -> tx.write(c -> {
            CertificateRow draft = lockedDraft(c, cmd.certificateId());
            certificates.updateDraft(c, draft.certificateId(), cmd.draftXml());
            if (draft.state() == State.READY) certificates.setState(c, draft.certificateId(), State.DRAFT);
            eventLog.record(c, draft.certificateId(), Handelsekod.ANDRAT, cmd.hsaId());
            return Outcome.ok(null);
        }));
    }

    @Override
    public Outcome<Void> markReadyToSign(CertificateAction cmd) {
        return call(() -> tx.write(c -> {
            CertificateRow draft = lockedDraft(c, cmd.certificateId());
            certificates.setState(c, draft.certificateId(), State.READY);
            eventLog.record(c, draft.certificateId(), Handelsekod.KFSIGN, cmd.hsaId());
            return Outcome.ok(null);
        }));
    }

    @Override
    public Outcome<Void> signDraft(IntygCommands.SignDraft cmd) {
        return call(() -> tx.write(c -> {
            RegisterCertificate registration = cmd.registration();
            CertificateRow draft = lockedDraft(c, extension(registration.id()));
            if (!draft.patientId().equals(registration.patientId()) || !draft.typeCode().equals(registration.typeCode())) {
                throw Refusal.error(ErrorId.VALIDATION_ERROR, "The signed certificate does not match draft "
                        + draft.certificateId() + " (patient and type must be the draft's)");
            }
            Outcome<Void> outcome = register(c, registration, draft, cmd.hsaId(), TypeRuleCheck.NONE);
            if (!outcome.performed()) throw new Refusal(outcome);
            return outcome;
        }));
    }

    @Override
    public Outcome<Void> sendSigned(IntygCommands.SendSigned cmd) {
        return call(() -> tx.write(c -> {
            CertificateRow row = lockedSigned(c, cmd.certificateId());
            String recipient = cmd.recipient();
            if (recipient == null) {
                recipient = reference.certificateType(c, row.typeCode()).map(CertificateType::defaultRecipient).orElse(null);
            }
            return send(c, row, recipient, cmd.hsaId());
        }));
    }

    @Override
    public Outcome<Void> revokeSigned(IntygCommands.RevokeSigned cmd) {
        return call(() -> tx.write(c -> revoke(c, lockedSigned(c, cmd.certificateId()), cmd.reason(), cmd.hsaId(),
                clock.localNow())));
    }

    @Override
    public Outcome<Void> deleteDraft(CertificateAction cmd) {
        return call(() -> tx.write(c -> {
            CertificateRow draft = lockedDraft(c, cmd.certificateId());
            certificates.setState(c, draft.certificateId(), State.DELETED);
            eventLog.record(c, draft.certificateId(), Handelsekod.RADERA, cmd.hsaId());
            return Outcome.ok(null);
        }));
    }

    @Override
    public Outcome<String> careSendsMessage(CareMessage cmd) {
        return call(() -> tx.write(c -> {
            CertificateRow row = lockedSigned(c, cmd.certificateId());
            String amne = cmd.amne();
            MessageRef svarPa = null;
            if (cmd.svarPaMeddelandeId() != null) {
                MessageRow question = messages.find(c, cmd.svarPaMeddelandeId())
                        .filter(m -> m.certificateId().equals(row.certificateId()) && m.sentBySide() == Side.RECIPIENT)
                        .orElseThrow(() -> Refusal.error(ErrorId.VALIDATION_ERROR, "Question " + cmd.svarPaMeddelandeId()
                                + " from the recipient does not exist on certificate " + row.certificateId()));
                Amne questionAmne = Amne.parse(question.amne()).orElseThrow();
                if (!SubjectRule.mayAnswer(Side.CARE, questionAmne)) {
                    throw Refusal.error(ErrorId.VALIDATION_ERROR, "Care may not answer a question with amne " + questionAmne);
                }
                amne = question.amne();
                svarPa = new MessageRef(question.meddelandeId(), question.referensId());
            } else {
                Optional<Amne> parsed = Amne.parse(amne);
                if (parsed.isEmpty() || !SubjectRule.mayStart(Side.CARE, parsed.get())) {
                    throw Refusal.error(ErrorId.VALIDATION_ERROR, "Care may not start a question with amne " + amne);
                }
            }
            String recipient = reference.certificateType(c, row.typeCode()).map(CertificateType::defaultRecipient)
                    .orElse(null);
            String name = reference.users(c).stream().filter(u -> u.hsaId().equals(cmd.hsaId()))
                    .map(IntygSeed.HsaUser::name).findFirst().orElse(null);
            String id = UUID.randomUUID().toString();
            Outcome<Void> outcome = sendToRecipient(c, new SendMessageToRecipient(id, null, clock.localNow(),
                    new IntygId(row.root(), row.certificateId()), row.patientId(), recipient, amne, cmd.rubrik(),
                    cmd.meddelande(), null, svarPa, cmd.hsaId(), name, null));
            return outcome.withValue(id);
        }));
    }

    @Override
    public Outcome<Void> setQuestionHandled(IntygCommands.SetQuestionHandled cmd) {
        return call(() -> tx.write(c -> {
            MessageRow found = messages.find(c, cmd.meddelandeId()).orElseThrow(() -> Refusal.error(
                    ErrorId.VALIDATION_ERROR, "Message " + cmd.meddelandeId() + " does not exist"));
            Optional<CertificateRow> cert = certificates.lock(c, found.certificateId());
            if (cert.isPresent()) requirePermitted(c, cert.get());
            MessageRow question = messages.find(c, cmd.meddelandeId()).orElseThrow();
            if (!question.question()) {
                throw Refusal.error(ErrorId.VALIDATION_ERROR, "Message " + cmd.meddelandeId() + " is not a question");
            }
            if (question.handled() == cmd.handled()) return Outcome.ok(null);
            messages.setHandled(c, question.meddelandeId(), cmd.handled(), cmd.handled() ? cmd.hsaId() : null);
            eventLog.record(c, question.certificateId(),
                    question.sentBySide() == Side.RECIPIENT ? Handelsekod.HANFRFM : Handelsekod.HANFRFV, cmd.hsaId());
            return Outcome.ok(null);
        }));
    }

    // --- the recipients and the operator ------------------------------------------------------------------

    @Override
    public Outcome<String> recipientSendsMessage(RecipientMessage cmd) {
        Optional<CertificateRow> row = tx.read(c -> certificates.find(c, cmd.certificateId()).filter(CertificateRow::signed));
        if (row.isPresent()) {
            ProviderAccess access = tx.read(this::access);
            if (!access.permits(row.get().careProviderId())) {
                return Outcome.error(ErrorId.APPLICATION_ERROR, access.refusalForCertificate(cmd.certificateId()));
            }
        }
        if (row.isEmpty()) {
            return Outcome.error(ErrorId.VALIDATION_ERROR, "Certificate " + cmd.certificateId() + " does not exist");
        }
        Optional<MessageRow> question = cmd.svarPaMeddelandeId() == null ? Optional.empty()
                : tx.read(c -> messages.find(c, cmd.svarPaMeddelandeId()));
        MessageRef svarPa = cmd.svarPaMeddelandeId() == null ? null
                : new MessageRef(cmd.svarPaMeddelandeId(), question.map(MessageRow::referensId).orElse(null));
        String amne = cmd.amne() != null ? cmd.amne() : question.map(MessageRow::amne).orElse(null);
        String id = UUID.randomUUID().toString();
        CertificateRow r = row.get();
        Outcome<Void> outcome = sendMessageToCare(new SendMessageToCare(MessageEndpoint.INTYGSTJANSTEN, id, null,
                clock.localNow(), new IntygId(r.root(), r.certificateId()), r.patientId(), r.unitId(), amne, cmd.rubrik(),
                cmd.meddelande(), cmd.paminnelseMeddelandeId(), svarPa, cmd.recipient(), List.of(), cmd.complements(),
                cmd.sistaDatumForSvar()));
        return outcome.withValue(id);
    }

    @Override
    public Outcome<Integer> eraseCareProvider(String careProviderId) {
        return call(() -> tx.write(c -> {
            ProviderAccess access = access(c);
            if (!access.permits(careProviderId)) {
                throw Refusal.error(ErrorId.APPLICATION_ERROR, access.refusalForProvider(careProviderId));
            }
            List<String> ids = certificates.idsOfCareProvider(c, careProviderId);
            for (String id : ids) {
                certificates.lock(c, id);
                certificates.erase(c, id);
            }
            return Outcome.ok(ids.size());
        }));
    }

    @Override
    public Outcome<List<MessageView>> messages(String certificateId) {
        return call(() -> tx.read(c -> {
            Optional<CertificateRow> cert = certificates.find(c, certificateId);
            if (cert.isPresent()) requirePermitted(c, cert.get());
            return Outcome.ok(messages.forCertificate(c, certificateId).stream()
                .map(m -> new MessageView(m.meddelandeId(), m.certificateId(), m.referensId(), m.amne(), m.rubrik(),
                        m.meddelande(), m.sentBySide().name(), m.sentBy(), m.svarPaMeddelandeId(),
                        m.paminnelseMeddelandeId(), m.sistaDatumForSvar(), m.complements(), m.handled(), m.handledBy(),
                        m.skickatTidpunkt()))
                .toList());
        }));
    }

    // --- steps shared by the operations -------------------------------------------------------------------

    private CertificateRow lockedDraft(Connection c, String certificateId) throws SQLException {
        Optional<CertificateRow> row = certificates.lock(c, certificateId);
        if (row.isPresent()) requirePermitted(c, row.get());
        return row.filter(CertificateRow::draft).orElseThrow(() -> Refusal.error(
                ErrorId.VALIDATION_ERROR, "Certificate " + certificateId + " is not a draft"));
    }

    private CertificateRow lockedSigned(Connection c, String certificateId) throws SQLException {
        Optional<CertificateRow> row = certificates.lock(c, certificateId);
        if (row.isPresent()) requirePermitted(c, row.get());
        return row.filter(CertificateRow::signed).orElseThrow(() -> Refusal.error(
                ErrorId.VALIDATION_ERROR, "Certificate " + certificateId + " is not a signed certificate"));
    }

    private CertificateView view(Connection c, CertificateRow row, String part) throws SQLException {
        List<CertificateStatus> statuses = certificates.statuses(c, row.certificateId());
        RelationView relation = certificates.outgoing(c, row.certificateId())
                .map(r -> new RelationView(r.type(), r.toCertificateId())).orElse(null);
        Lifecycle lifecycle = switch (row.state()) {
            case DRAFT -> Lifecycle.DRAFT;
            case READY -> Lifecycle.READY;
            case DELETED -> Lifecycle.DELETED;
            default -> Lifecycle.SIGNED;
        };
        return new CertificateView(new IntygId(row.root(), row.certificateId()), row.typeCode(), row.typeVersion(),
                row.patientId(), row.unitId(), row.careProviderId(), row.issuerId(), row.issuerName(), row.signedAt(),
                lifecycle, row.testCertificate(), StatusFilter.revoked(statuses), relation,
                StatusFilter.visibleTo(part == null ? Parts.HSVARD : part, statuses), row.xml());
    }

    private static EventView eventView(EventRow e) {
        return new EventView(e.code(), LocalDateTime.ofInstant(e.createdAt(), SimulatedClock.SWEDEN)
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS), e.amne(), e.sistaDatumForSvar(), e.hanteratAv());
    }

    private static RecipientGateway.Recipient port(Recipient r) {
        return new RecipientGateway.Recipient(r.id(), r.name(), r.endpointUrl());
    }

    private static boolean validPersonId(String value) {
        return value != null && PERSON_ID.parse(value).code().performed();
    }

    /** Intygstjänsten accepts a whole-number version as its .0 version ("1" is "1.0", §4.1). */
    static String normalisedVersion(String version) {
        if (version == null) return null;
        return version.matches("\\d+") ? version + ".0" : version;
    }

    private static String extension(IntygId id) {
        return id == null ? null : id.extension();
    }

    // --- running a call ---------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Call<T> {
        Outcome<T> run();
    }

    @SuppressWarnings("unchecked")
    private static <T> Outcome<T> call(Call<T> call) {
        try {
            return call.run();
        } catch (Refusal r) {
            Outcome<?> o = r.outcome();
            return (Outcome<T>) (o.performed() ? o.withValue(null) : o.asRefusal());
        }
    }
}
