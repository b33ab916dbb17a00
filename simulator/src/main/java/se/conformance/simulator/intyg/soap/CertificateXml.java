package se.conformance.simulator.intyg.soap;

import static se.conformance.simulator.intyg.soap.ContractTypes.ARBETSPLATSKOD_ROOT;
import static se.conformance.simulator.intyg.soap.ContractTypes.KV_RELATION;
import static se.conformance.simulator.intyg.soap.ContractTypes.KV_STATUS;
import static se.conformance.simulator.intyg.soap.ContractTypes.hsaId;
import static se.conformance.simulator.intyg.soap.ContractTypes.intygId;
import static se.conformance.simulator.intyg.soap.ContractTypes.part;
import static se.conformance.simulator.intyg.soap.ContractTypes.personId;
import static se.conformance.simulator.intyg.soap.ContractTypes.timestamp;
import static se.conformance.simulator.intyg.soap.ContractTypes.typ;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import se.conformance.simulator.intyg.IntygCommands;
import se.conformance.simulator.intyg.IntygCommands.MessageRef;
import se.conformance.simulator.intyg.IntygCommands.RelationRef;
import se.conformance.simulator.intyg.IntygCommands.SickLeavePeriod;
import se.conformance.simulator.intyg.IntygModel.CertificateView;
import se.conformance.simulator.intyg.IntygModel.Lifecycle;
import se.conformance.simulator.intyg.contract.core.Delsvar;
import se.conformance.simulator.intyg.contract.core.Enhet;
import se.conformance.simulator.intyg.contract.core.HosPersonal;
import se.conformance.simulator.intyg.contract.core.Intyg;
import se.conformance.simulator.intyg.contract.core.IntygsStatus;
import se.conformance.simulator.intyg.contract.core.Patient;
import se.conformance.simulator.intyg.contract.core.Relation;
import se.conformance.simulator.intyg.contract.core.Svar;
import se.conformance.simulator.intyg.contract.core.Vardgivare;
import se.conformance.simulator.intyg.contract.types.ArbetsplatsKod;
import se.conformance.simulator.intyg.contract.types.CVType;
import se.conformance.simulator.intyg.contract.types.DatePeriodType;
import se.conformance.simulator.intyg.contract.types.Statuskod;
import se.conformance.simulator.intyg.contract.types.TypAvRelation;
import se.conformance.simulator.intyg.status.CertificateStatus;
import se.conformance.simulator.soap.SecureXml;

/**
 * A certificate's XML as the simulator keeps and shows it: the element a RegisterCertificate carried,
 * stored verbatim; the contract's {@code Intyg} rebuilt from it (with the statuses of the moment); the
 * full certificate of a Webcert draft; and the signed certificate "a doctor signs in Webcert" produces.
 *
 * <p>What is stored, per lifecycle:
 * <ul>
 *   <li>a <b>signed</b> certificate: the {@code intyg} element of its RegisterCertificate, exactly as it
 *       arrived ({@link #toXml(Element)}), with the namespace declarations it relied on;</li>
 *   <li>a <b>draft</b>: a core {@code Intyg} of what its CreateDraftCertificate carried (the journal
 *       system's type, patient, issuer, unit and {@code forifyllnad}), with empty strings where the
 *       domain assigns the value at creation — the id's extension, the version, the care provider
 *       ({@code draftXml}); {@link #intyg(CertificateView)} takes those from the domain's view.</li>
 * </ul>
 * Facts the simulator does not hold (HSA addresses and telephone, the unit's workplace code, names of the
 * care provider) are empty strings in a built certificate, and the workplace code is Webcert's
 * {@value #TEMPORARY_ARBETSPLATSKOD} (intyg.md §8), so that every built certificate is valid against the
 * core schema.
 *
 * <p>All methods are thread-safe. XML is read with {@link SecureXml} (no DOCTYPE, no entities).
 */
public final class CertificateXml {

    public static final String CORE_NS = "urn:riv:clinicalprocess:healthcond:certificate:3";
    /** Namespace of the {@code intyg} element of a stored or built signed certificate. */
    public static final String REGISTER_NS = "urn:riv:clinicalprocess:healthcond:certificate:RegisterCertificateResponder:3";
    /** What Webcert writes for a unit without a workplace code (arbetsplatskod), intyg.md §8. */
    public static final String TEMPORARY_ARBETSPLATSKOD = "TEMPORARY ARBETSPLATSKOD";
    /** Class-path folder of the answers a signed draft gets when none are given: {@code <TYPE>.xml}. */
    public static final String DEFAULT_ANSWERS = "intyg/default-answers/";

    private static final ThreadLocal<Transformer> SERIALIZER = ThreadLocal.withInitial(CertificateXml::serializer);
    private static final Map<String, Optional<String>> DEFAULT_ANSWER_TEXT = new ConcurrentHashMap<>();

    private CertificateXml() {}

    /** Built on first use: some hundred milliseconds that the simulator's start must not pay. */
    private static final class Jaxb {
        static final JAXBContext CONTEXT = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(se.conformance.simulator.intyg.contract.core.ObjectFactory.class,
                        se.conformance.simulator.intyg.contract.registercertificate.ObjectFactory.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("JAXB binding of the certificate does not load", e);
            }
        }
    }

    // --- XML text ----------------------------------------------------------------------------------

    /**
     * The element as standalone text, no XML declaration: its content exactly as parsed (whitespace,
     * prefixes, order), plus declarations of the namespaces its ancestors declared, so that it reads the
     * same outside its envelope.
     */
    public static String toXml(Element element) {
        Document doc = SecureXml.documentBuilder().newDocument();
        Element copy = (Element) doc.importNode(element, true);
        doc.appendChild(copy);
        for (Node n = element.getParentNode(); n instanceof Element ancestor; n = n.getParentNode()) {
            NamedNodeMap attributes = ancestor.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())
                        && !copy.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getLocalName())) {
                    copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getName(), a.getValue());
                }
            }
        }
        StringWriter out = new StringWriter(4096);
        try {
            Transformer t = SERIALIZER.get();
            t.reset();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.transform(new DOMSource(doc), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IllegalStateException("element cannot be written: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** The root element of {@code xml}, read securely. */
    public static Element parse(String xml) {
        try {
            return SecureXml.documentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    // --- the contract's Intyg ------------------------------------------------------------------------

    /** A stored certificate's XML as the contract's {@code Intyg}, whatever its element is called. */
    public static Intyg intyg(String certificateXml) {
        return unmarshal(parse(certificateXml), Intyg.class);
    }

    /**
     * The certificate as the contract shows it: a signed one is its stored XML with the view's (already
     * filtered) statuses in place of any the XML carried; a draft is built from its content and the
     * view's id, type version, unit and care provider, without statuses.
     */
    public static Intyg intyg(CertificateView certificate) {
        if (certificate.lifecycle() != Lifecycle.SIGNED) return draft(certificate);
        Intyg intyg = intyg(certificate.xml());
        intyg.getStatus().clear();
        for (CertificateStatus s : certificate.statuses()) intyg.getStatus().add(status(s));
        return intyg;
    }

    /**
     * The certificate "a doctor signs in Webcert" from a draft: the draft as {@link #intyg(CertificateView)}
     * builds it, signed and sent ({@code signeringstidpunkt} = {@code skickatTidpunkt} = {@code signedAt},
     * as Webcert writes them, intyg.md §6.2) with the answers given, or else the type's default answers
     * ({@value #DEFAULT_ANSWERS}{@code <TYPE>.xml}; none for a type without a file) with the draft's
     * prefilled answers in place of the defaults of the same svar id.
     *
     * @param draft      a draft (lifecycle DRAFT or READY)
     * @param answersXml an element whose core-namespace {@code svar} children are the answers, like the
     *     default-answer files; {@code null} for the defaults
     * @param relation   the relation the certificate carries (e.g. KOMPLT to the original), or {@code null}
     * @return the {@code intyg} element of a RegisterCertificate (namespace {@value #REGISTER_NS}), standalone
     */
    public static String signedCertificateXml(CertificateView draft, LocalDateTime signedAt, String answersXml,
            RelationRef relation) {
        Objects.requireNonNull(signedAt, "signedAt");
        if (draft.lifecycle() == Lifecycle.SIGNED) {
            throw new IllegalArgumentException("certificate " + draft.id().extension() + " is already signed");
        }
        Intyg intyg = draft(draft);
        intyg.setSigneringstidpunkt(timestamp(signedAt));
        intyg.setSkickatTidpunkt(timestamp(signedAt));
        List<Svar> answers = answersXml != null ? svar(parse(answersXml))
                : withPrefilled(defaultAnswers(draft.typeCode()), intyg.getSvar());
        intyg.getSvar().clear();
        intyg.getSvar().addAll(answers);
        if (relation != null) intyg.getRelation().add(relation(relation, draft.id().root()));
        return marshal(intyg);
    }

    /** {@link #signedCertificateXml(CertificateView, LocalDateTime, String, RelationRef)} with the default answers. */
    public static String signedCertificateXml(CertificateView draft, LocalDateTime signedAt) {
        return signedCertificateXml(draft, signedAt, null, null);
    }

    /**
     * What {@code IntygOperations.signDraft} needs for "a doctor signs {@code draft}": the signed
     * certificate ({@link #signedCertificateXml}) as its registration. The type's Schematron rules are
     * not applied here; a caller that wants them applies {@code CertificateTypeRules} to
     * {@code parse(registration().xml())}.
     */
    public static IntygCommands.SignDraft signDraft(CertificateView draft, LocalDateTime signedAt, String answersXml,
            String hsaId) {
        String xml = signedCertificateXml(draft, signedAt, answersXml, null);
        return new IntygCommands.SignDraft(registration(xml, null), hsaId);
    }

    /**
     * The RegisterCertificate command for a certificate's XML: its ids, type, version, patient, unit, care
     * provider, issuer, signing time, first relation, the sick-leave periods of svar 32 (32.1 grade, 32.2
     * period) and the diagnosis code of delsvar 6.2; {@code xml} is kept as given.
     */
    public static IntygCommands.RegisterCertificate registration(String certificateXml, MessageRef svarPa) {
        return registration(intyg(certificateXml), certificateXml, svarPa);
    }

    static IntygCommands.RegisterCertificate registration(Intyg intyg, String xml, MessageRef svarPa) {
        HosPersonal issuer = intyg.getSkapadAv();
        Enhet unit = issuer == null ? null : issuer.getEnhet();
        RelationRef relation = intyg.getRelation().isEmpty() ? null : relationRef(intyg.getRelation().get(0));
        List<SickLeavePeriod> periods = new ArrayList<>();
        String diagnosis = null;
        for (Svar svar : intyg.getSvar()) {
            if ("32".equals(svar.getId())) {
                CVType grade = value(delsvar(svar, "32.1"), CVType.class);
                DatePeriodType period = value(delsvar(svar, "32.2"), DatePeriodType.class);
                if (period != null) {
                    periods.add(new SickLeavePeriod(grade == null ? null : grade.getCode(),
                            ContractTypes.localDate(period.getStart()), ContractTypes.localDate(period.getEnd())));
                }
            } else if ("6".equals(svar.getId()) && diagnosis == null) {
                CVType code = value(delsvar(svar, "6.2"), CVType.class);
                diagnosis = code == null ? null : code.getCode();
            }
        }
        return new IntygCommands.RegisterCertificate(ContractTypes.id(intyg.getIntygsId()),
                intyg.getTyp() == null ? null : intyg.getTyp().getCode(), intyg.getVersion(),
                intyg.getPatient() == null ? null : ContractTypes.extension(intyg.getPatient().getPersonId()),
                unit == null ? null : ContractTypes.extension(unit.getEnhetsId()),
                unit == null || unit.getVardgivare() == null ? null
                        : ContractTypes.extension(unit.getVardgivare().getVardgivareId()),
                issuer == null ? null : ContractTypes.extension(issuer.getPersonalId()),
                issuer == null ? null : issuer.getFullstandigtNamn(),
                ContractTypes.localDateTime(intyg.getSigneringstidpunkt()), relation, svarPa, periods, diagnosis, xml);
    }

    // --- default answers -----------------------------------------------------------------------------

    /** The default answers of a type, fresh objects on every call; empty for a type without a file. */
    static List<Svar> defaultAnswers(String typeCode) {
        Optional<String> text = DEFAULT_ANSWER_TEXT.computeIfAbsent(typeCode, CertificateXml::readDefaultAnswers);
        return text.map(t -> svar(parse(t))).orElseGet(ArrayList::new);
    }

    private static Optional<String> readDefaultAnswers(String typeCode) {
        if (!typeCode.matches("[A-Za-z0-9_-]+")) return Optional.empty();
        try (InputStream in = CertificateXml.class.getClassLoader().getResourceAsStream(DEFAULT_ANSWERS + typeCode + ".xml")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The defaults, each replaced by the prefilled answer of the same svar id; prefilled ones without a default last. */
    private static List<Svar> withPrefilled(List<Svar> defaults, List<Svar> prefilled) {
        List<Svar> result = new ArrayList<>();
        List<String> placed = new ArrayList<>();
        for (Svar d : defaults) {
            List<Svar> same = prefilled.stream().filter(p -> p.getId().equals(d.getId())).toList();
            if (same.isEmpty()) {
                result.add(d);
            } else if (!placed.contains(d.getId())) {
                result.addAll(same);
                placed.add(d.getId());
            }
        }
        prefilled.stream().filter(p -> !placed.contains(p.getId())).forEach(result::add);
        return result;
    }

    /** The core-namespace {@code svar} children of {@code parent}, as the contract's Svar. */
    private static List<Svar> svar(Element parent) {
        List<Svar> answers = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "svar".equals(e.getLocalName()) && CORE_NS.equals(e.getNamespaceURI())) {
                answers.add(unmarshal(e, Svar.class));
            }
        }
        return answers;
    }

    // --- drafts ---------------------------------------------------------------------------------------

    /** A draft as a complete core Intyg: its content, completed and overridden by what the domain holds. */
    private static Intyg draft(CertificateView view) {
        Intyg intyg = draftContent(view.xml());
        intyg.setIntygsId(intygId(view.id()));
        String displayName = intyg.getTyp() == null ? null : intyg.getTyp().getDisplayName();
        intyg.setTyp(typ(view.typeCode()));
        intyg.getTyp().setDisplayName(displayName);
        intyg.setVersion(view.typeVersion());
        if (intyg.getPatient() == null) intyg.setPatient(patient(view.patientId()));
        HosPersonal issuer = intyg.getSkapadAv();
        if (issuer == null) {
            issuer = new HosPersonal();
            intyg.setSkapadAv(issuer);
        }
        if (issuer.getPersonalId() == null) issuer.setPersonalId(hsaId(view.issuerId()));
        if (issuer.getFullstandigtNamn() == null) issuer.setFullstandigtNamn(Objects.toString(view.issuerName(), ""));
        issuer.setEnhet(completed(issuer.getEnhet(), view));
        intyg.getStatus().clear();
        return intyg;
    }

    /**
     * The XML stored for a new draft: a core {@code Intyg} of what the CreateDraftCertificate carried —
     * type, patient, issuer, unit id and name, the prefilled answers ({@code forifyllnad}) — with the
     * workplace code {@value #TEMPORARY_ARBETSPLATSKOD} and empty strings for what the domain assigns
     * afterwards: the id's {@code extension}, the {@code version} and the care provider's id (see
     * {@link #intyg(CertificateView)}, which fills them in).
     */
    static String draftXml(se.conformance.simulator.intyg.contract.createdraftcertificate.Intyg request) {
        Intyg intyg = new Intyg();
        String unitId = request.getSkapadAv() == null || request.getSkapadAv().getEnhet() == null ? ""
                : Objects.toString(ContractTypes.extension(request.getSkapadAv().getEnhet().getEnhetsId()), "");
        intyg.setIntygsId(intygId(unitId, ""));
        intyg.setTyp(request.getTypAvIntyg());
        intyg.setVersion("");
        intyg.setPatient(request.getPatient());
        var creator = request.getSkapadAv();
        HosPersonal issuer = new HosPersonal();
        if (creator != null) {
            issuer.setPersonalId(creator.getPersonalId());
            issuer.setFullstandigtNamn(creator.getFullstandigtNamn());
        }
        Enhet unit = new Enhet();
        unit.setEnhetsId(hsaId(unitId));
        unit.setEnhetsnamn(creator == null || creator.getEnhet() == null ? null : creator.getEnhet().getEnhetsnamn());
        Vardgivare provider = new Vardgivare();
        provider.setVardgivareId(hsaId(""));
        unit.setVardgivare(provider);
        issuer.setEnhet(unit);
        fillBlanks(unit);
        intyg.setSkapadAv(issuer);
        if (request.getForifyllnad() != null) intyg.getSvar().addAll(request.getForifyllnad().getSvar());
        return marshal(intyg);
    }

    /** What a draft's stored XML holds, as a (possibly incomplete) Intyg; XML that is no Intyg holds nothing. */
    private static Intyg draftContent(String xml) {
        Element root;
        try {
            root = parse(xml);
        } catch (IllegalArgumentException e) {
            return new Intyg();
        }
        if (child(root, CORE_NS, "typ") != null || child(root, CORE_NS, "patient") != null) {
            return unmarshal(root, Intyg.class);
        }
        return new Intyg();
    }

    /** The unit of a built certificate: the domain's unit and care provider, empty strings for what HSA would say. */
    private static Enhet completed(Enhet given, CertificateView view) {
        Enhet unit = given != null ? given : new Enhet();
        unit.setEnhetsId(hsaId(view.unitId()));
        Vardgivare provider = unit.getVardgivare() != null ? unit.getVardgivare() : new Vardgivare();
        provider.setVardgivareId(hsaId(view.careProviderId()));
        unit.setVardgivare(provider);
        fillBlanks(unit);
        return unit;
    }

    /** Webcert's repairs of a unit (§8) and empty strings for the rest, so that the unit is schema-valid. */
    private static void fillBlanks(Enhet unit) {
        if (unit.getArbetsplatskod() == null || blank(unit.getArbetsplatskod().getExtension())) {
            ArbetsplatsKod code = new ArbetsplatsKod();
            code.setRoot(ARBETSPLATSKOD_ROOT);
            code.setExtension(TEMPORARY_ARBETSPLATSKOD);
            unit.setArbetsplatskod(code);
        }
        if (unit.getEnhetsnamn() == null) unit.setEnhetsnamn("");
        if (unit.getPostadress() == null) unit.setPostadress("");
        if (unit.getPostnummer() == null) unit.setPostnummer("");
        if (unit.getPostort() == null) unit.setPostort("");
        if (unit.getTelefonnummer() == null) unit.setTelefonnummer("");
        if (unit.getEpost() != null && unit.getEpost().isEmpty()) unit.setEpost(null); // the schema wants none or a value
        if (unit.getVardgivare() == null) unit.setVardgivare(new Vardgivare());
        if (unit.getVardgivare().getVardgivarnamn() == null) unit.getVardgivare().setVardgivarnamn("");
    }

    private static Patient patient(String personId) {
        Patient p = new Patient();
        p.setPersonId(personId(personId));
        p.setFornamn("");
        p.setEfternamn("");
        p.setPostadress("");
        p.setPostnummer("");
        p.setPostort("");
        return p;
    }

    // --- small pieces -----------------------------------------------------------------------------------

    private static IntygsStatus status(CertificateStatus s) {
        IntygsStatus status = new IntygsStatus();
        status.setPart(part(s.part()));
        Statuskod code = new Statuskod();
        code.setCode(s.status().name());
        code.setCodeSystem(KV_STATUS);
        status.setStatus(code);
        status.setTidpunkt(timestamp(s.at()));
        return status;
    }

    private static Relation relation(RelationRef ref, String root) {
        Relation r = new Relation();
        TypAvRelation type = new TypAvRelation();
        type.setCode(ref.type());
        type.setCodeSystem(KV_RELATION);
        r.setTyp(type);
        r.setIntygsId(intygId(root, ref.certificateId()));
        return r;
    }

    private static RelationRef relationRef(Relation r) {
        return new RelationRef(r.getTyp() == null ? null : r.getTyp().getCode(),
                r.getIntygsId() == null ? null : r.getIntygsId().getExtension());
    }

    private static Delsvar delsvar(Svar svar, String id) {
        return svar.getDelsvar().stream().filter(d -> id.equals(d.getId())).findFirst().orElse(null);
    }

    /** The typed value of a delsvar (cv, datePeriod …), or null when it holds another or only text. */
    private static <T> T value(Delsvar delsvar, Class<T> type) {
        if (delsvar == null) return null;
        for (Object o : delsvar.getContent()) {
            if (o instanceof JAXBElement<?> e && type.isInstance(e.getValue())) return type.cast(e.getValue());
        }
        return null;
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> T unmarshal(Element element, Class<T> type) {
        try {
            return Jaxb.CONTEXT.createUnmarshaller().unmarshal(new DOMSource(element), type).getValue();
        } catch (JAXBException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e, e);
        }
    }

    /** The certificate as the {@code intyg} element of a RegisterCertificate (namespace {@value #REGISTER_NS}). */
    static String toXml(Intyg intyg) {
        return marshal(intyg);
    }

    private static String marshal(Intyg intyg) {
        try {
            Marshaller m = Jaxb.CONTEXT.createMarshaller();
            m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            StringWriter out = new StringWriter(4096);
            m.marshal(new JAXBElement<>(new QName(REGISTER_NS, "intyg"), Intyg.class, intyg), out);
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("certificate cannot be written: " + e, e);
        }
    }

    private static Transformer serializer() {
        try {
            TransformerFactory f = TransformerFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newTransformer();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
