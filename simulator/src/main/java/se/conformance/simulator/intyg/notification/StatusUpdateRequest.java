package se.conformance.simulator.intyg.notification;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.time.format.DateTimeFormatter;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import se.conformance.simulator.intyg.Handelsekod;
import se.conformance.simulator.intyg.contract.certificatestatusupdateforcare.CertificateStatusUpdateForCare;
import se.conformance.simulator.intyg.contract.core.Arenden;
import se.conformance.simulator.intyg.contract.core.Handelse;
import se.conformance.simulator.intyg.contract.core.Intyg;
import se.conformance.simulator.intyg.contract.types.Amneskod;
import se.conformance.simulator.intyg.contract.types.HandelsekodKod;
import se.conformance.simulator.intyg.contract.types.HsaId;
import se.conformance.simulator.intyg.store.NotificationOutbox.Notification;

/**
 * The CertificateStatusUpdateForCare 3 request for one outbox notification, as Webcert builds it
 * (intyg.md §3.1, §4.5, §7.6, §8), addressed to the care unit:
 * <ul>
 *   <li>{@code intyg}: the certificate's or draft's full content at the moment of the event — the stored
 *       {@code intyg}'s children under this operation's {@code intyg}, the {@code intygs-id} this
 *       certificate's, a draft's blank version and care provider filled in, the unit repaired as Webcert
 *       does for drafts;</li>
 *   <li>{@code handelse}: the code from KV_HANDELSE, the event time to the millisecond, {@code amne} and
 *       {@code sistaDatumForSvar} only for NYFRFM, {@code hanteratAv} when known;</li>
 *   <li>the question counts, the journal system's {@code ref}, and {@code hanteratAv} again as the 3.2
 *       extension.</li>
 * </ul>
 */
final class StatusUpdateRequest {

    static final String KV_HANDELSE = "dfd7bbad-dbe5-4a2f-ba25-f7b9b2cc6b14";
    static final String KV_AMNE = "ffa59d8f-8d7e-46ae-ac9e-31804e8e8499";

    private static final OutboundOperation OPERATION = OutboundOperation.CERTIFICATE_STATUS_UPDATE_FOR_CARE;
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final JAXBContext CONTEXT = context();
    private static final DatatypeFactory DATATYPES = datatypes();

    private StatusUpdateRequest() {}

    /**
     * @param typeVersion    the certificate's type version, for a draft whose XML leaves it blank; may be null
     * @param careProviderId its care provider, likewise; may be null
     */
    static OutboundRequest build(Notification n, String typeVersion, String careProviderId) {
        Element stored;
        try {
            stored = IntygXml.storedIntyg(n.certificateXml());
        } catch (IntygXml.UnusableXml e) {
            return OutboundRequest.unusable(OPERATION, n.unitId(), e.getMessage(), null, null);
        }
        CertificateStatusUpdateForCare request = new CertificateStatusUpdateForCare();
        request.setIntyg(new Intyg()); // its content is the stored one, moved in below
        request.setHandelse(handelse(n));
        request.setSkickadeFragor(arenden(n.skickadeFragor()));
        request.setMottagnaFragor(arenden(n.mottagnaFragor()));
        request.setRef(n.ref());
        request.setHanteratAv(hsaId(n.hanteratAv()));

        Document doc = IntygXml.marshal(CONTEXT, request);
        Element intyg = IntygXml.child(doc.getDocumentElement(), OPERATION.namespace(), "intyg");
        IntygXml.rehome(stored, intyg);
        IntygXml.ensureIntygsId(intyg, n.unitId(), n.certificateId());
        IntygXml.fillDraftBlanks(intyg, typeVersion, careProviderId);
        IntygXml.repairUnit(intyg);
        return OutboundRequest.prepare(OPERATION, n.unitId(), doc,
                IntygXml.text(intyg, "extension", "patient", "person-id"),
                IntygXml.text(intyg, "extension", "skapadAv", "enhet", "vardgivare", "vardgivare-id"));
    }

    private static Handelse handelse(Notification n) {
        Handelse h = new Handelse();
        var kod = new se.conformance.simulator.intyg.contract.types.Handelsekod(); // the name is the domain's enum
        kod.setCode(HandelsekodKod.fromValue(n.code().name()));
        kod.setCodeSystem(KV_HANDELSE);
        h.setHandelsekod(kod);
        h.setTidpunkt(DATATYPES.newXMLGregorianCalendar(MILLIS.format(n.handelseTidpunkt())));
        if (n.code() == Handelsekod.NYFRFM) {
            if (n.amne() != null) {
                Amneskod amne = new Amneskod();
                amne.setCode(n.amne());
                amne.setCodeSystem(KV_AMNE);
                h.setAmne(amne);
            }
            if (n.sistaDatumForSvar() != null) h.setSistaDatumForSvar(date(n.sistaDatumForSvar().toString()));
        }
        h.setHanteratAv(hsaId(n.hanteratAv()));
        return h;
    }

    private static Arenden arenden(se.conformance.simulator.intyg.message.Arenden counts) {
        Arenden a = new Arenden();
        a.setTotalt(counts.totalt());
        a.setEjBesvarade(counts.ejBesvarade());
        a.setBesvarade(counts.besvarade());
        a.setHanterade(counts.hanterade());
        return a;
    }

    static HsaId hsaId(String extension) {
        if (extension == null || extension.isBlank()) return null;
        HsaId id = new HsaId();
        id.setRoot(IntygXml.HSA_ROOT);
        id.setExtension(extension);
        return id;
    }

    static XMLGregorianCalendar date(String lexical) {
        return DATATYPES.newXMLGregorianCalendar(lexical);
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(CertificateStatusUpdateForCare.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("JAXB context for CertificateStatusUpdateForCare", e);
        }
    }

    static DatatypeFactory datatypes() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
