package se.conformance.simulator.intyg;

import java.util.List;
import se.conformance.simulator.caller.CallerIdentity;
import se.conformance.simulator.intyg.IntygCommands.IntygId;
import se.conformance.simulator.intyg.IntygModel.CertificateRelations;
import se.conformance.simulator.intyg.IntygModel.CertificateView;
import se.conformance.simulator.intyg.IntygModel.CertificateWithQa;
import se.conformance.simulator.intyg.IntygModel.MessageView;
import se.conformance.simulator.intyg.IntygModel.SickLeave;
import se.conformance.simulator.intyg.IntygModel.TypeInfo;

/**
 * Intygstjänsten and Webcert as domain calls: no XML parsing and no HTTP. The SOAP adapter
 * ({@code intyg.soap}) validates a request against the contract schema and, for RegisterCertificate,
 * against the certificate type's Schematron rules, extracts the fields into a command and maps the
 * {@link Outcome} back: a {@link Outcome.Kind#RESULT} to the contract's {@code ResultType}, a
 * {@link Outcome.Kind#FAULT} to a SOAP fault. The control API calls the Webcert-side operations
 * ("a doctor in Webcert", "the recipient asks").
 *
 * <p>Every method answers; none throws for a business reason. Result texts are the real services'
 * (intyg.md §7, §9) word for word where known; {@code docs/intyg-rules.md} lists each with its test.
 * Every change writes its events (Handelsekod) in the same database transaction, and for units
 * integrated for the certificate type also a notification to the outbox.
 */
public interface IntygOperations {

    /**
     * These operations as called by {@code caller}: a registered calling system sees and changes only the
     * certificates, drafts and messages of its care providers ({@code intyg.access.ProviderAccess}).
     */
    IntygOperations forCaller(CallerIdentity caller);

    /** These operations limited to the care providers {@code access} permits (a tenant of the control API). */
    IntygOperations forAccess(se.conformance.simulator.intyg.access.ProviderAccess access);

    // --- Intygstjänsten ---------------------------------------------------------------------------

    /** RegisterCertificate 3: store a signed certificate (status RECEIV, part HSVARD), with no type rules. */
    default Outcome<Void> registerCertificate(IntygCommands.RegisterCertificate command) {
        return registerCertificate(command, TypeRuleCheck.NONE);
    }

    /**
     * RegisterCertificate 3 with the certificate's type rules, run after the type, identity and
     * test-person checks and before the duplicate check, as Intygstjänsten does.
     */
    Outcome<Void> registerCertificate(IntygCommands.RegisterCertificate command, TypeRuleCheck typeRules);

    /** GetCertificate 2: faults for an unknown or erased id. */
    Outcome<CertificateView> getCertificate(IntygCommands.GetCertificate query);

    /** SendCertificateToRecipient 2: deliver the stored XML to the recipient, status SENTTO. */
    Outcome<Void> sendCertificateToRecipient(IntygCommands.SendCertificateToRecipient command);

    /** RevokeCertificate 2: status CANCEL, forwarded to every recipient the certificate was sent to. */
    Outcome<Void> revokeCertificate(IntygCommands.RevokeCertificate command);

    /** SetCertificateStatus 2 (also the citizen's archive/restore, DELETE/RESTOR). */
    Outcome<Void> setCertificateStatus(IntygCommands.SetCertificateStatus command);

    /** ListCertificatesForCare 3: faults on a bad request. */
    Outcome<List<CertificateView>> listCertificatesForCare(IntygCommands.ListCertificatesForCare query);

    /** ListCertificatesForCitizen 4. */
    Outcome<List<CertificateView>> listCertificatesForCitizen(IntygCommands.ListCertificatesForCitizen query);

    /** GetCertificateTypeInfo 1: faults for an unknown id. */
    Outcome<TypeInfo> getCertificateTypeInfo(String certificateId);

    /** ListRelationsForCertificate 1. */
    Outcome<List<CertificateRelations>> listRelationsForCertificate(List<String> certificateIds);

    /** ListSickLeavesForCare 1: faults on a bad request. */
    Outcome<List<SickLeave>> listSickLeavesForCare(IntygCommands.ListSickLeavesForCare query);

    /** SendMessageToCare 2: a question, answer or reminder from a recipient to care. */
    Outcome<Void> sendMessageToCare(IntygCommands.SendMessageToCare command);

    /** SendMessageToRecipient 2: a question or answer from care to a recipient. */
    Outcome<Void> sendMessageToRecipient(IntygCommands.SendMessageToRecipient command);

    // --- Webcert ------------------------------------------------------------------------------------

    /** CreateDraftCertificate 3: a new draft; its unit becomes integrated for the type. */
    Outcome<IntygId> createDraftCertificate(IntygCommands.CreateDraftCertificate command);

    /** ListCertificatesForCareWithQA 3. */
    Outcome<List<CertificateWithQa>> listCertificatesForCareWithQA(IntygCommands.ListCertificatesForCareWithQA query);

    // --- a doctor in Webcert (control API) ----------------------------------------------------------

    /** Changes a draft's content (ANDRAT). */
    Outcome<Void> updateDraft(IntygCommands.UpdateDraft command);

    /** Marks a draft ready to sign (KFSIGN). */
    Outcome<Void> markReadyToSign(IntygCommands.CertificateAction command);

    /** Signs a draft: registers it in Intygstjänsten (SIGNAT), as RegisterCertificate does. */
    Outcome<Void> signDraft(IntygCommands.SignDraft command);

    /** Sends a signed certificate to its type's default (or a named) recipient (SKICKA). */
    Outcome<Void> sendSigned(IntygCommands.SendSigned command);

    /** Revokes a signed certificate (MAKULE), as RevokeCertificate does. */
    Outcome<Void> revokeSigned(IntygCommands.RevokeSigned command);

    /** Deletes a draft (RADERA); a signed certificate cannot be deleted. */
    Outcome<Void> deleteDraft(IntygCommands.CertificateAction command);

    /** A doctor asks the recipient, or answers it (SendMessageToRecipient); the value is the new meddelande-id. */
    Outcome<String> careSendsMessage(IntygCommands.CareMessage command);

    /** Marks a question handled or re-opens it (HANFRFM / HANFRFV). */
    Outcome<Void> setQuestionHandled(IntygCommands.SetQuestionHandled command);

    // --- the recipients and the operator (control API) ----------------------------------------------

    /** The recipient asks or answers (SendMessageToCare through Intygstjänsten); the value is the new meddelande-id. */
    Outcome<String> recipientSendsMessage(IntygCommands.RecipientMessage command);

    /**
     * Journal destruction: every certificate and draft of the care provider is erased without trace (no
     * status, no list entry, no message, no event, no pending notification); GetCertificate then faults
     * "is deleted from intygstjansten". The value is how many were erased.
     */
    Outcome<Integer> eraseCareProvider(String careProviderId);

    /** The questions and answers of a certificate, in arrival order. */
    /**
     * The operator's view of a certificate or draft, all statuses included (the control API; a
     * doctor's Webcert shows drafts, which GetCertificate does not). Empty when unknown or erased.
     */
    java.util.Optional<CertificateView> certificate(String certificateId);

    Outcome<List<MessageView>> messages(String certificateId);
}
