package se.conformance.simulator.intyg.notification;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import se.conformance.simulator.intyg.IntygCommands;
import se.conformance.simulator.intyg.RecipientGateway.CertificateDelivery;
import se.conformance.simulator.intyg.RecipientGateway.MessageDelivery;
import se.conformance.simulator.intyg.RecipientGateway.RevocationDelivery;
import se.conformance.simulator.intyg.contract.core.Enhet;
import se.conformance.simulator.intyg.contract.core.HosPersonal;
import se.conformance.simulator.intyg.contract.core.Intyg;
import se.conformance.simulator.intyg.contract.core.MeddelandeReferens;
import se.conformance.simulator.intyg.contract.registercertificate.RegisterCertificate;
import se.conformance.simulator.intyg.contract.revokecertificate.RevokeCertificate;
import se.conformance.simulator.intyg.contract.sendmessagetorecipient.SendMessageToRecipient;
import se.conformance.simulator.intyg.contract.types.Amneskod;
import se.conformance.simulator.intyg.contract.types.ArbetsplatsKod;
import se.conformance.simulator.intyg.contract.types.IntygId;
import se.conformance.simulator.intyg.contract.types.PersonId;
import se.conformance.simulator.intyg.store.CertificateRow;

/**
 * What Intygstjänsten sends a recipient, built from what the domain hands the {@link
 * se.conformance.simulator.intyg.RecipientGateway}: RegisterCertificate 3 with the certificate's
 * content as stored at registration (and {@code svarPa} when it answers a complement request),
 * RevokeCertificate 2 and SendMessageToRecipient 2. Their {@code skickatAv} is a whole
 * {@code HosPersonal}; the domain keeps only the actor's HSA-id (and name), so the unit is the
 * certificate's issuing unit, from its stored XML. Addressed to the recipient's id as logical address.
 */
final class RecipientRequests {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final JAXBContext REGISTER = context(RegisterCertificate.class);
    private static final JAXBContext REVOKE = context(RevokeCertificate.class);
    private static final JAXBContext MESSAGE = context(SendMessageToRecipient.class);

    private RecipientRequests() {}

    /** @param row the certificate, for {@code svarPa}; may be null */
    static OutboundRequest registerCertificate(String recipientId, CertificateDelivery d, CertificateRow row) {
        OutboundOperation op = OutboundOperation.REGISTER_CERTIFICATE;
        Element stored;
        try {
            stored = IntygXml.storedIntyg(d.xml());
        } catch (IntygXml.UnusableXml e) {
            return OutboundRequest.unusable(op, recipientId, e.getMessage(), d.patientId(), careProvider(row));
        }
        RegisterCertificate request = new RegisterCertificate();
        if (row != null && row.svarPaMeddelandeId() != null) {
            request.setSvarPa(reference(row.svarPaMeddelandeId(), row.svarPaReferensId()));
        }
        request.setIntyg(new Intyg()); // its content is the stored one, unchanged, moved in below
        Document doc = IntygXml.marshal(REGISTER, request);
        IntygXml.rehome(stored, IntygXml.child(doc.getDocumentElement(), op.namespace(), "intyg"));
        return OutboundRequest.prepare(op, recipientId, doc, d.patientId(), careProvider(row));
    }

    /** @param revokerName the revoking user's name from HSA, or null when unknown */
    static OutboundRequest revokeCertificate(String recipientId, RevocationDelivery d, CertificateRow row,
            String revokerName) {
        OutboundOperation op = OutboundOperation.REVOKE_CERTIFICATE;
        RevokeCertificate request = new RevokeCertificate();
        try {
            request.setSkickatAv(actor(REVOKE, row, d.revokedByHsaId(), revokerName));
        } catch (IntygXml.UnusableXml e) {
            return OutboundRequest.unusable(op, recipientId, e.getMessage(), d.patientId(), careProvider(row));
        }
        if (d.meddelande() != null && !d.meddelande().isBlank()) request.setMeddelande(d.meddelande());
        request.setSkickatTidpunkt(timestamp(d.skickatTidpunkt()));
        request.setIntygsId(intygsId(row == null ? null : row.root(), d.certificateId()));
        request.setPatientPersonId(personId(d.patientId()));
        return OutboundRequest.prepare(op, recipientId, IntygXml.marshal(REVOKE, request), d.patientId(),
                careProvider(row));
    }

    static OutboundRequest sendMessage(String recipientId, MessageDelivery d, CertificateRow row) {
        OutboundOperation op = OutboundOperation.SEND_MESSAGE_TO_RECIPIENT;
        IntygCommands.SendMessageToRecipient m = d.message();
        SendMessageToRecipient request = new SendMessageToRecipient();
        try {
            request.setSkickatAv(actor(MESSAGE, row, m.sentByHsaId(), m.sentByName()));
        } catch (IntygXml.UnusableXml e) {
            return OutboundRequest.unusable(op, recipientId, e.getMessage(), m.patientId(), careProvider(row));
        }
        request.setMeddelandeId(m.meddelandeId());
        request.setReferensId(m.referensId());
        request.setSkickatTidpunkt(timestamp(m.skickatTidpunkt()));
        request.setIntygsId(intygsId(m.certificateId().root(), m.certificateId().extension()));
        request.setPatientPersonId(personId(m.patientId()));
        request.setLogiskAdressMottagare(m.logiskAdressMottagare());
        Amneskod amne = new Amneskod();
        amne.setCode(m.amne());
        amne.setCodeSystem(StatusUpdateRequest.KV_AMNE);
        request.setAmne(amne);
        request.setRubrik(m.rubrik());
        request.setMeddelande(m.meddelande());
        request.setPaminnelseMeddelandeId(m.paminnelseMeddelandeId());
        if (m.svarPa() != null) request.setSvarPa(reference(m.svarPa().meddelandeId(), m.svarPa().referensId()));
        if (m.sistaDatumForSvar() != null) {
            request.setSistaDatumForSvar(StatusUpdateRequest.date(m.sistaDatumForSvar().toString()));
        }
        return OutboundRequest.prepare(op, recipientId, IntygXml.marshal(MESSAGE, request), m.patientId(),
                careProvider(row));
    }

    /**
     * The care professional who acts, at the certificate's issuing unit: the issuer's {@code skapadAv}
     * from the stored XML, with the actor's HSA-id and name (the issuer's prescriber code, titles,
     * specialities and professions dropped: they are not the actor's) when the actor is someone else.
     */
    private static HosPersonal actor(JAXBContext context, CertificateRow row, String hsaId, String name)
            throws IntygXml.UnusableXml {
        if (row == null) throw new IntygXml.UnusableXml("the certificate is not in the store");
        Element skapadAv = IntygXml.child(IntygXml.storedIntyg(row.xml()), IntygXml.CORE_NS, "skapadAv");
        if (skapadAv == null) {
            throw new IntygXml.UnusableXml("the stored certificate has no skapadAv to take the unit from");
        }
        HosPersonal person;
        try {
            person = context.createUnmarshaller().unmarshal(skapadAv, HosPersonal.class).getValue();
        } catch (JAXBException e) {
            throw new IntygXml.UnusableXml("the stored certificate's skapadAv cannot be read: " + e);
        }
        String issuer = person.getPersonalId() == null ? null : person.getPersonalId().getExtension();
        if (hsaId != null && !hsaId.isBlank() && !hsaId.equals(issuer)) {
            person.setPersonalId(StatusUpdateRequest.hsaId(hsaId));
            person.setFullstandigtNamn(name == null ? "" : name);
            person.setForskrivarkod(null);
            person.getBefattning().clear();
            person.getSpecialistkompetens().clear();
            person.getLegitimeratYrke().clear();
        }
        Enhet unit = person.getEnhet();
        if (unit != null) {
            ArbetsplatsKod code = unit.getArbetsplatskod();
            if (code == null || code.getExtension() == null || code.getExtension().isBlank()) {
                code = new ArbetsplatsKod();
                code.setRoot(IntygXml.ARBETSPLATSKOD_ROOT);
                code.setExtension(IntygXml.TEMPORARY_ARBETSPLATSKOD);
                unit.setArbetsplatskod(code);
            }
            if (unit.getEpost() != null && unit.getEpost().isBlank()) unit.setEpost(null);
        }
        return person;
    }

    private static MeddelandeReferens reference(String meddelandeId, String referensId) {
        MeddelandeReferens ref = new MeddelandeReferens();
        ref.setMeddelandeId(meddelandeId);
        ref.setReferensId(referensId);
        return ref;
    }

    private static IntygId intygsId(String root, String extension) {
        IntygId id = new IntygId();
        id.setRoot(root);
        id.setExtension(extension);
        return id;
    }

    private static PersonId personId(String twelveDigits) {
        PersonId id = new PersonId();
        id.setRoot(IntygXml.personIdRoot(twelveDigits));
        id.setExtension(twelveDigits);
        return id;
    }

    private static javax.xml.datatype.XMLGregorianCalendar timestamp(LocalDateTime at) {
        return at == null ? null : StatusUpdateRequest.date(SECONDS.format(at.truncatedTo(ChronoUnit.SECONDS)));
    }

    private static String careProvider(CertificateRow row) {
        return row == null ? null : row.careProviderId();
    }

    private static JAXBContext context(Class<?> request) {
        try {
            return JAXBContext.newInstance(request);
        } catch (JAXBException e) {
            throw new IllegalStateException("JAXB context for " + request.getSimpleName(), e);
        }
    }
}
