package se.conformance.simulator.intyg.soap;

import static se.conformance.simulator.intyg.soap.ContractTypes.ICD10_SE;
import static se.conformance.simulator.intyg.soap.ContractTypes.KV_AMNE;
import static se.conformance.simulator.intyg.soap.ContractTypes.KV_HANDELSE;
import static se.conformance.simulator.intyg.soap.ContractTypes.KV_RELATION;
import static se.conformance.simulator.intyg.soap.ContractTypes.code;
import static se.conformance.simulator.intyg.soap.ContractTypes.extension;
import static se.conformance.simulator.intyg.soap.ContractTypes.hsaId;
import static se.conformance.simulator.intyg.soap.ContractTypes.id;
import static se.conformance.simulator.intyg.soap.ContractTypes.intygId;
import static se.conformance.simulator.intyg.soap.ContractTypes.localDate;
import static se.conformance.simulator.intyg.soap.ContractTypes.localDateTime;
import static se.conformance.simulator.intyg.soap.ContractTypes.personId;
import static se.conformance.simulator.intyg.soap.ContractTypes.result;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import se.conformance.simulator.intyg.ErrorId;
import se.conformance.simulator.intyg.IntygCommands;
import se.conformance.simulator.intyg.IntygCommands.MessageEndpoint;
import se.conformance.simulator.intyg.IntygCommands.MessageRef;
import se.conformance.simulator.intyg.IntygModel;
import se.conformance.simulator.intyg.IntygModel.CertificateView;
import se.conformance.simulator.intyg.IntygOperations;
import se.conformance.simulator.intyg.Outcome;
import se.conformance.simulator.intyg.contract.core.Arenden;
import se.conformance.simulator.intyg.contract.core.Handelse;
import se.conformance.simulator.intyg.contract.core.Intyg;
import se.conformance.simulator.intyg.contract.core.MeddelandeReferens;
import se.conformance.simulator.intyg.contract.core.ResultType;
import se.conformance.simulator.intyg.contract.createdraftcertificate.CreateDraftCertificate;
import se.conformance.simulator.intyg.contract.createdraftcertificate.CreateDraftCertificateResponse;
import se.conformance.simulator.intyg.contract.getcertificate.GetCertificate;
import se.conformance.simulator.intyg.contract.getcertificate.GetCertificateResponse;
import se.conformance.simulator.intyg.contract.getcertificatetypeinfo.GetCertificateTypeInfo;
import se.conformance.simulator.intyg.contract.getcertificatetypeinfo.GetCertificateTypeInfoResponse;
import se.conformance.simulator.intyg.contract.listcertificatesforcare.ListCertificatesForCare;
import se.conformance.simulator.intyg.contract.listcertificatesforcare.ListCertificatesForCareResponse;
import se.conformance.simulator.intyg.contract.listcertificatesforcarewithqa.Handelser;
import se.conformance.simulator.intyg.contract.listcertificatesforcarewithqa.ListCertificatesForCareWithQA;
import se.conformance.simulator.intyg.contract.listcertificatesforcarewithqa.ListCertificatesForCareWithQAResponse;
import se.conformance.simulator.intyg.contract.listcertificatesforcarewithqa.ListItem;
import se.conformance.simulator.intyg.contract.listcertificatesforcarewithqa.ListType;
import se.conformance.simulator.intyg.contract.listcertificatesforcitizen.ListCertificatesForCitizen;
import se.conformance.simulator.intyg.contract.listcertificatesforcitizen.ListCertificatesForCitizenResponse;
import se.conformance.simulator.intyg.contract.listrelationsforcertificate.IntygRelation;
import se.conformance.simulator.intyg.contract.listrelationsforcertificate.ListRelationsForCertificate;
import se.conformance.simulator.intyg.contract.listrelationsforcertificate.ListRelationsForCertificateResponse;
import se.conformance.simulator.intyg.contract.listsickleavesforcare.ListSickLeavesForCare;
import se.conformance.simulator.intyg.contract.listsickleavesforcare.ListSickLeavesForCareResponse;
import se.conformance.simulator.intyg.contract.listsickleavesforcare.Sjukfall;
import se.conformance.simulator.intyg.contract.listsickleavesforcare.SjukfallEnhet;
import se.conformance.simulator.intyg.contract.listsickleavesforcare.SjukfallLakare;
import se.conformance.simulator.intyg.contract.listsickleavesforcare.SjukfallLista;
import se.conformance.simulator.intyg.contract.listsickleavesforcare.SjukfallPatient;
import se.conformance.simulator.intyg.contract.listsickleavesforcare.Sjukskrivningsperiod;
import se.conformance.simulator.intyg.contract.registercertificate.RegisterCertificate;
import se.conformance.simulator.intyg.contract.registercertificate.RegisterCertificateResponse;
import se.conformance.simulator.intyg.contract.revokecertificate.RevokeCertificate;
import se.conformance.simulator.intyg.contract.revokecertificate.RevokeCertificateResponse;
import se.conformance.simulator.intyg.contract.sendcertificatetorecipient.SendCertificateToRecipient;
import se.conformance.simulator.intyg.contract.sendcertificatetorecipient.SendCertificateToRecipientResponse;
import se.conformance.simulator.intyg.contract.sendmessagetocare.SendMessageToCare;
import se.conformance.simulator.intyg.contract.sendmessagetocare.SendMessageToCareResponse;
import se.conformance.simulator.intyg.contract.sendmessagetorecipient.SendMessageToRecipient;
import se.conformance.simulator.intyg.contract.sendmessagetorecipient.SendMessageToRecipientResponse;
import se.conformance.simulator.intyg.contract.setcertificatestatus.SetCertificateStatus;
import se.conformance.simulator.intyg.contract.setcertificatestatus.SetCertificateStatusResponse;
import se.conformance.simulator.intyg.contract.types.Amneskod;
import se.conformance.simulator.intyg.contract.types.CVType;
import se.conformance.simulator.intyg.contract.types.HandelsekodKod;
import se.conformance.simulator.intyg.contract.types.TypAvIntyg;
import se.conformance.simulator.intyg.contract.types.TypAvRelation;
import se.conformance.simulator.intyg.rules.CertificateTypeRules;
import se.conformance.simulator.intyg.rules.RuleViolation;
import se.conformance.simulator.intyg.TypeRuleCheck;
import se.conformance.simulator.soap.ServiceAdapter;
import se.conformance.simulator.soap.SoapCall;
import se.conformance.simulator.soap.SoapFaultException;
import se.conformance.simulator.soap.SoapOperation;

/**
 * The fourteen inbound Intygstjänster and Webcert contracts mapped onto {@link IntygOperations}: JAXB
 * request to command, {@link Outcome} to JAXB response. It decides nothing but two things the domain
 * leaves to it: a RegisterCertificate must pass its certificate type's Schematron rules
 * ({@link CertificateTypeRules}, after the schema) before the domain sees it, and which producer a
 * SendMessageToCare reaches (below).
 *
 * <p>Answers, as the real services give them (intyg.md §2.1, §9):
 * <ul>
 *   <li>a {@link Outcome.Kind#RESULT} is the operation's {@code ResultType}: {@code resultCode},
 *       {@code resultText}, {@code errorId};</li>
 *   <li>a {@link Outcome.Kind#FAULT} is a SOAP fault ({@code soap:Server}) with the outcome's text;</li>
 *   <li>a request that breaks the schema is {@code ERROR} / {@code VALIDATION_ERROR}, HTTP 200, with
 *       the validator's text after {@value #UNMARSHALLING_ERROR}, as Intygstjänsten's fault-to-result
 *       transform answers it; but GetCertificate, ListCertificatesForCare and ListSickLeavesForCare
 *       (endpoints without that transform) and the operations whose response has no ResultType
 *       (GetCertificateTypeInfo, ListRelationsForCertificate) answer a {@code soap:Client} fault with
 *       the same text;</li>
 *   <li>a fault rule's result code on an operation without ResultType is a {@code soap:Server} fault
 *       with the rule's text.</li>
 * </ul>
 *
 * <p>RegisterCertificate hands the type's rules to the domain as a {@link TypeRuleCheck}, which runs them
 * where Intygstjänsten does (§12.2): after type and version, person-id and the population register,
 * before the duplicate check.
 *
 * <p>A SendMessageToCare addressed (header {@code LogicalAddress}) to the unit it names in
 * {@code logiskAdressMottagare} reaches Webcert, the care side, directly; any other address reaches
 * Intygstjänsten, which checks it and forwards it to that unit (§1.3 #8, §7.4).
 *
 * <p>The certificate-type rules are obtained from the supplier at the first RegisterCertificate, never at
 * construction, and the JAXB bindings are made at an operation's first call: constructing the adapter
 * costs nothing the simulator's start would notice.
 */
public final class IntygSoapAdapter implements ServiceAdapter {

    /** Every endpoint: {@code /clinicalprocess/healthcond/certificate/<Operation>/<major>/rivtabp21} (§2). */
    public static final String PATH_PATTERN = "/clinicalprocess/healthcond/certificate/[A-Za-z]+/[0-9]+/rivtabp21";
    /** The start of a schema violation's text, as CXF words it in the real services (§2.1). */
    public static final String UNMARSHALLING_ERROR = "Unmarshalling Error: ";
    /** What the dispatcher passes to {@link #resultOnly} for a request that breaks the schema. */
    private static final String SCHEMA_VIOLATION = "VALIDATION_ERROR";

    private static final String NS = "urn:riv:clinicalprocess:healthcond:certificate:";
    /** Operations whose schema violations are SOAP faults: no fault-to-result transform, or no ResultType. */
    private static final Set<String> VALIDATION_FAULTS = Set.of("GetCertificate", "ListCertificatesForCare",
            "ListSickLeavesForCare", "GetCertificateTypeInfo", "ListRelationsForCertificate");

    /** A call as the mapping sees it: the request element as it arrived (may be null) and the call's facts. */
    private record Call(Element payload, SoapCall soap) {}

    /**
     * One operation: request type, how to perform it, how to answer with a bare result ({@code null}: the
     * response has no ResultType) and where its result is.
     */
    private record Binding<Q>(SoapOperation operation, Class<Q> requestType, Class<?> responseType,
            BiFunction<Q, Call, Object> invoke, Function<ResultType, Object> resultOnly,
            Function<Object, ResultType> resultOf) {}

    private final IntygOperations service;
    private final Supplier<CertificateTypeRules> rules;
    private final Map<String, Binding<?>> bindings = new LinkedHashMap<>();
    private final Map<Class<?>, Binding<?>> byResponseType = new LinkedHashMap<>();
    private final Map<String, JAXBContext> contexts = new ConcurrentHashMap<>();

    /**
     * @param operations the domain
     * @param rules      the certificate-type rules, asked for at the first RegisterCertificate (creating them
     *     takes seconds: supply them lazily or from a background start)
     */
    public IntygSoapAdapter(IntygOperations operations, Supplier<CertificateTypeRules> rules) {
        this.service = Objects.requireNonNull(operations, "operations");
        this.rules = Objects.requireNonNull(rules, "rules");
        bind("RegisterCertificate", "3.0", "3.1", RegisterCertificate.class, RegisterCertificateResponse.class,
                this::registerCertificate, IntygSoapAdapter::registerCertificateResponse,
                o -> ((RegisterCertificateResponse) o).getResult());
        bind("GetCertificate", "2.0", "2.1", GetCertificate.class, GetCertificateResponse.class,
                this::getCertificate, null, null);
        bind("SendCertificateToRecipient", "2.0", "2.1", SendCertificateToRecipient.class,
                SendCertificateToRecipientResponse.class, this::sendCertificateToRecipient,
                IntygSoapAdapter::sendCertificateToRecipientResponse, o -> ((SendCertificateToRecipientResponse) o).getResult());
        bind("RevokeCertificate", "2.0", "2.1", RevokeCertificate.class, RevokeCertificateResponse.class,
                this::revokeCertificate, IntygSoapAdapter::revokeCertificateResponse, o -> ((RevokeCertificateResponse) o).getResult());
        bind("SetCertificateStatus", "2.0", "2.0", SetCertificateStatus.class, SetCertificateStatusResponse.class,
                this::setCertificateStatus, IntygSoapAdapter::setCertificateStatusResponse,
                o -> ((SetCertificateStatusResponse) o).getResult());
        bind("ListCertificatesForCare", "3.0", "3.1", ListCertificatesForCare.class,
                ListCertificatesForCareResponse.class, this::listCertificatesForCare, null, null);
        bind("ListCertificatesForCitizen", "4.0", "4.0", ListCertificatesForCitizen.class,
                ListCertificatesForCitizenResponse.class, this::listCertificatesForCitizen,
                r -> listCertificatesForCitizenResponse(r, List.of()),
                o -> ((ListCertificatesForCitizenResponse) o).getResult());
        bind("SendMessageToCare", "2.0", "2.0", SendMessageToCare.class, SendMessageToCareResponse.class,
                this::sendMessageToCare, IntygSoapAdapter::sendMessageToCareResponse, o -> ((SendMessageToCareResponse) o).getResult());
        bind("SendMessageToRecipient", "2.0", "2.1", SendMessageToRecipient.class,
                SendMessageToRecipientResponse.class, this::sendMessageToRecipient,
                IntygSoapAdapter::sendMessageToRecipientResponse, o -> ((SendMessageToRecipientResponse) o).getResult());
        bind("ListSickLeavesForCare", "1.0", "1.0", ListSickLeavesForCare.class, ListSickLeavesForCareResponse.class,
                this::listSickLeavesForCare, r -> listSickLeavesForCareResponse(r, new SjukfallLista()),
                o -> ((ListSickLeavesForCareResponse) o).getResult());
        bind("GetCertificateTypeInfo", "1.0", "1.0", GetCertificateTypeInfo.class,
                GetCertificateTypeInfoResponse.class, this::getCertificateTypeInfo, null, null);
        bind("ListRelationsForCertificate", "1.0", "1.0", ListRelationsForCertificate.class,
                ListRelationsForCertificateResponse.class, this::listRelationsForCertificate, null, null);
        bind("CreateDraftCertificate", "3.3", "3.3", CreateDraftCertificate.class,
                CreateDraftCertificateResponse.class, this::createDraftCertificate,
                r -> createDraftCertificateResponse(r, null), o -> ((CreateDraftCertificateResponse) o).getResult());
        bind("ListCertificatesForCareWithQA", "3.3", "3.3", ListCertificatesForCareWithQA.class,
                ListCertificatesForCareWithQAResponse.class, this::listCertificatesForCareWithQA,
                r -> listCertificatesForCareWithQAResponse(r, null),
                o -> ((ListCertificatesForCareWithQAResponse) o).getResult());
    }

    private <Q> void bind(String name, String interactionVersion, String responderVersion, Class<Q> requestType,
            Class<?> responseType, BiFunction<Q, Call, Object> invoke, Function<ResultType, Object> resultOnly,
            Function<Object, ResultType> resultOf) {
        String major = interactionVersion.substring(0, interactionVersion.indexOf('.'));
        String folder = "contracts/intyg/interactions/" + name + "Interaction/";
        SoapOperation op = new SoapOperation("intyg", name,
                "/clinicalprocess/healthcond/certificate/" + name + "/" + major + "/rivtabp21",
                NS + name + "Responder:" + major + ":" + name,
                folder + name + "Responder_" + responderVersion + ".xsd",
                folder + name + "Interaction_" + interactionVersion + "_RIVTABP21.wsdl");
        Binding<Q> b = new Binding<>(op, requestType, responseType, invoke, resultOnly, resultOf);
        bindings.put(name, b);
        byResponseType.put(responseType, b);
    }

    @Override
    public List<SoapOperation> operations() {
        return bindings.values().stream().map(Binding::operation).toList();
    }

    @Override
    public JAXBContext jaxbContext(SoapOperation operation) {
        return contexts.computeIfAbsent(operation.name(), name -> {
            Binding<?> b = bindings.get(name);
            try {
                return JAXBContext.newInstance(b.requestType(), b.responseType(),
                        se.conformance.simulator.intyg.contract.core.ObjectFactory.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("JAXB binding of " + name + " does not load", e);
            }
        });
    }

    /** RegisterCertificate stores the certificate's XML as it arrived ({@link #registerCertificate}). */
    @Override
    public boolean keepsPayload(SoapOperation operation) {
        return "RegisterCertificate".equals(operation.name());
    }

    @Override
    public Object invoke(SoapOperation operation, Object request, SoapCall call) {
        return invoke(operation, request, null, call);
    }

    @Override
    public Object invoke(SoapOperation operation, Object request, Element payload, SoapCall call) {
        return invokeTyped(bindings.get(operation.name()), request, new Call(payload, call));
    }

    private static <Q> Object invokeTyped(Binding<Q> binding, Object request, Call call) {
        return binding.invoke().apply(binding.requestType().cast(request), call);
    }

    @Override
    public Object resultOnly(SoapOperation operation, String resultCode, String errorId, String resultText) {
        Binding<?> b = bindings.get(operation.name());
        if (SCHEMA_VIOLATION.equals(resultCode)) {
            String text = UNMARSHALLING_ERROR + resultText;
            if (VALIDATION_FAULTS.contains(operation.name())) {
                throw new SoapFaultException(SoapFaultException.Code.CLIENT, text);
            }
            return b.resultOnly().apply(result("ERROR", "VALIDATION_ERROR", text));
        }
        if (b.resultOnly() == null) {
            throw new SoapFaultException(SoapFaultException.Code.SERVER,
                    resultText != null ? resultText : resultCode);
        }
        return b.resultOnly().apply(result(resultCode, errorId, resultText));
    }

    /** The result code of a response; {@code OK} for a response without ResultType (its refusals are faults). */
    @Override
    public String resultCodeOf(Object response) {
        Binding<?> b = byResponseType.get(response.getClass());
        if (b == null) return null;
        if (b.resultOf() == null) return "OK";
        ResultType r = b.resultOf().apply(response);
        return r == null || r.getResultCode() == null ? null : r.getResultCode().value();
    }

    /**
     * "A doctor signs {@code draft} in Webcert": the signed certificate {@link CertificateXml} builds
     * (with {@code answersXml}, or the type's default answers), checked by the type's rules as a
     * RegisterCertificate is — a failure is {@code ERROR} / {@code VALIDATION_ERROR} with the rules'
     * text, the draft unchanged — then {@link IntygOperations#signDraft}.
     *
     * @param draft      the draft's view (lifecycle DRAFT or READY)
     * @param answersXml an element whose core-namespace {@code svar} children are the answers, or null
     */
    public Outcome<Void> signDraft(CertificateView draft, LocalDateTime signedAt, String answersXml, String hsaId) {
        String xml = CertificateXml.signedCertificateXml(draft, signedAt, answersXml, null);
        List<RuleViolation> violations = rules.get().validate(draft.typeCode(), draft.typeVersion(),
                CertificateXml.parse(xml));
        if (!violations.isEmpty()) return Outcome.error(ErrorId.VALIDATION_ERROR, RuleViolation.resultText(violations));
        return service.signDraft(new IntygCommands.SignDraft(CertificateXml.registration(xml, null), hsaId));
    }

    /** The domain as the call's caller sees it (its care providers are checked there, not here). */
    private IntygOperations ops(Call call) {
        return call.soap() == null ? service : service.forCaller(call.soap().caller());
    }

    // ---- Intygstjänsten --------------------------------------------------------------------------

    private Object registerCertificate(RegisterCertificate q, Call call) {
        Intyg intyg = q.getIntyg();
        Element element = intygElement(call.payload());
        String xml = element != null ? CertificateXml.toXml(element) : null;
        if (element == null) { // called without the request element: the certificate as JAXB read it
            xml = CertificateXml.toXml(intyg);
            element = CertificateXml.parse(xml);
        }
        Element certificate = element;
        TypeRuleCheck typeRules = () -> {
            List<RuleViolation> violations = rules.get().validate(intyg.getTyp().getCode(), intyg.getVersion(),
                    certificate);
            return violations.isEmpty() ? null : RuleViolation.resultText(violations);
        };
        MessageRef svarPa = q.getSvarPa() == null ? null : messageRef(q.getSvarPa());
        return registerCertificateResponse(result(ops(call).registerCertificate(
                CertificateXml.registration(intyg, xml, svarPa), typeRules)));
    }

    private Object getCertificate(GetCertificate q, Call call) {
        Outcome<CertificateView> o = ops(call).getCertificate(new IntygCommands.GetCertificate(id(q.getIntygsId()),
                code(q.getPart())));
        CertificateView view = valueOrFault(o);
        GetCertificateResponse response = new GetCertificateResponse();
        response.setIntyg(CertificateXml.intyg(view));
        return response;
    }

    private Object sendCertificateToRecipient(SendCertificateToRecipient q, Call call) {
        var sentBy = q.getSkickatAv();
        return sendCertificateToRecipientResponse(result(ops(call).sendCertificateToRecipient(
                new IntygCommands.SendCertificateToRecipient(localDateTime(q.getSkickatTidpunkt()), id(q.getIntygsId()),
                        extension(q.getPatientPersonId()), code(q.getMottagare()),
                        sentBy == null || sentBy.getHosPersonal() == null ? null
                                : extension(sentBy.getHosPersonal().getPersonalId()),
                        sentBy == null ? null : extension(sentBy.getPersonId())))));
    }

    private Object revokeCertificate(RevokeCertificate q, Call call) {
        return revokeCertificateResponse(result(ops(call).revokeCertificate(new IntygCommands.RevokeCertificate(
                q.getMeddelande(), localDateTime(q.getSkickatTidpunkt()), id(q.getIntygsId()),
                extension(q.getPatientPersonId()),
                q.getSkickatAv() == null ? null : extension(q.getSkickatAv().getPersonalId())))));
    }

    private Object setCertificateStatus(SetCertificateStatus q, Call call) {
        return setCertificateStatusResponse(result(ops(call).setCertificateStatus(new IntygCommands.SetCertificateStatus(
                id(q.getIntygsId()), code(q.getPart()), q.getStatus() == null ? null : q.getStatus().getCode(),
                localDateTime(q.getTidpunkt())))));
    }

    private Object listCertificatesForCare(ListCertificatesForCare q, Call call) {
        List<CertificateView> views = valueOrFault(ops(call).listCertificatesForCare(new IntygCommands.ListCertificatesForCare(
                extension(q.getPersonId()), extension(q.getVardgivarId()),
                q.getEnhetsId().stream().map(ContractTypes::extension).toList())));
        var list = new se.conformance.simulator.intyg.contract.listcertificatesforcare.IntygsLista();
        views.forEach(v -> list.getIntyg().add(CertificateXml.intyg(v)));
        ListCertificatesForCareResponse response = new ListCertificatesForCareResponse();
        response.setIntygsLista(list);
        return response;
    }

    private Object listCertificatesForCitizen(ListCertificatesForCitizen q, Call call) {
        Outcome<List<CertificateView>> o = ops(call).listCertificatesForCitizen(new IntygCommands.ListCertificatesForCitizen(
                extension(q.getPersonId()), q.getIntygTyp().stream().map(TypAvIntyg::getCode).toList(),
                q.isArkiverade(), localDate(q.getFromDatum()), localDate(q.getTomDatum()), code(q.getPart())));
        return listCertificatesForCitizenResponse(resultOf(o), o.value() == null ? List.of() : o.value());
    }

    private Object getCertificateTypeInfo(GetCertificateTypeInfo q, Call call) {
        IntygModel.TypeInfo info = valueOrFault(ops(call).getCertificateTypeInfo(q.getIntygsId()));
        GetCertificateTypeInfoResponse response = new GetCertificateTypeInfoResponse();
        response.setTyp(ContractTypes.typ(info.typeCode()));
        response.setTypVersion(info.typeVersion());
        return response;
    }

    private Object listRelationsForCertificate(ListRelationsForCertificate q, Call call) {
        List<IntygModel.CertificateRelations> all = valueOrFault(ops(call).listRelationsForCertificate(q.getIntygsId()));
        ListRelationsForCertificateResponse response = new ListRelationsForCertificateResponse();
        for (IntygModel.CertificateRelations c : all) {
            IntygRelation item = new IntygRelation();
            item.setIntygsId(c.certificateId());
            for (IntygModel.Relation r : c.relations()) {
                var relation = new se.conformance.simulator.intyg.contract.listrelationsforcertificate.Relation();
                TypAvRelation type = new TypAvRelation();
                type.setCode(r.type());
                type.setCodeSystem(KV_RELATION);
                relation.setTyp(type);
                relation.setFranIntygsId(r.fromCertificateId());
                relation.setTillIntygsId(r.toCertificateId());
                relation.setSkapad(ContractTypes.timestamp(r.created()));
                relation.setFranIntygMakulerat(r.fromRevoked());
                item.getRelation().add(relation);
            }
            response.getIntygRelation().add(item);
        }
        return response;
    }

    private Object listSickLeavesForCare(ListSickLeavesForCare q, Call call) {
        List<IntygModel.SickLeave> cases = valueOrFault(ops(call).listSickLeavesForCare(new IntygCommands.ListSickLeavesForCare(
                extension(q.getEnhetsId()), q.getMaxDagarMellanIntyg(), q.getMinstaSjukskrivningslangd(),
                q.getMaxSjukskrivningslangd(), q.getPersonalId().stream().map(ContractTypes::extension).toList())));
        SjukfallLista list = new SjukfallLista();
        for (IntygModel.SickLeave s : cases) list.getSjukfall().add(sjukfall(s));
        return listSickLeavesForCareResponse(result("OK", null, null), list);
    }

    /**
     * One sick-leave case. The domain gives the case; the names of the patient and the unit and the care
     * provider are those of its latest certificate (the last of its certificates).
     */
    private Sjukfall sjukfall(IntygModel.SickLeave s) {
        String latestId = s.certificateIds().isEmpty() ? null : s.certificateIds().get(s.certificateIds().size() - 1);
        Intyg latest = null;
        String careProvider = null;
        if (latestId != null) {
            Outcome<CertificateView> o = service.getCertificate(new IntygCommands.GetCertificate(
                    new IntygCommands.IntygId(s.unitId(), latestId), "HSVARD"));
            if (o.performed()) {
                careProvider = o.value().careProviderId();
                latest = CertificateXml.intyg(o.value());
            }
        }
        Sjukfall f = new Sjukfall();
        SjukfallPatient patient = new SjukfallPatient();
        patient.setPersonId(personId(s.patientId()));
        patient.setFullstandigtNamn(latest == null || latest.getPatient() == null ? ""
                : String.join(" ", nonBlank(latest.getPatient().getFornamn(), latest.getPatient().getMellannamn(),
                        latest.getPatient().getEfternamn())));
        f.setPatient(patient);
        CVType diagnosis = new CVType();
        diagnosis.setCode(Objects.toString(s.diagnosisCode(), ""));
        diagnosis.setCodeSystem(ICD10_SE);
        f.setDiagnoskod(diagnosis);
        f.setStart(ContractTypes.date(s.start()));
        f.setSlut(ContractTypes.date(s.end()));
        Sjukskrivningsperiod period = new Sjukskrivningsperiod();
        period.setSjukskrivningsgrad(percent(s.grade()));
        period.setStart(ContractTypes.date(s.start()));
        period.setSlut(ContractTypes.date(s.end()));
        f.getSjukskrivningsperiod().add(period);
        SjukfallEnhet unit = new SjukfallEnhet();
        unit.setEnhetsId(hsaId(s.unitId()));
        unit.setEnhetsnamn(latest == null || latest.getSkapadAv() == null || latest.getSkapadAv().getEnhet() == null
                ? "" : latest.getSkapadAv().getEnhet().getEnhetsnamn());
        unit.setVardgivareId(hsaId(careProvider != null ? careProvider : s.unitId()));
        f.setEnhet(unit);
        SjukfallLakare doctor = new SjukfallLakare();
        doctor.setPersonalId(hsaId(s.issuerId()));
        doctor.setFullstandigtNamn(Objects.toString(s.issuerName(), ""));
        f.setLakare(doctor);
        s.certificateIds().forEach(id -> f.getIntygsId().add(intygId(s.unitId(), id)));
        return f;
    }

    /** KV_FKMU_0003 as the contract's percentage. */
    private static int percent(String grade) {
        return switch (grade == null ? "" : grade) {
            case "EN_FJARDEDEL" -> 25;
            case "HALFTEN" -> 50;
            case "TRE_FJARDEDEL" -> 75;
            default -> 100;
        };
    }

    private Object sendMessageToCare(SendMessageToCare q, Call call) {
        String logicalAddress = call.soap() == null ? null : call.soap().logicalAddress();
        MessageEndpoint endpoint = logicalAddress != null && logicalAddress.equals(q.getLogiskAdressMottagare())
                ? MessageEndpoint.WEBCERT : MessageEndpoint.INTYGSTJANSTEN;
        var sentBy = q.getSkickatAv();
        return sendMessageToCareResponse(result(ops(call).sendMessageToCare(new IntygCommands.SendMessageToCare(endpoint,
                q.getMeddelandeId(), q.getReferensId(), localDateTime(q.getSkickatTidpunkt()), id(q.getIntygsId()),
                extension(q.getPatientPersonId()), q.getLogiskAdressMottagare(),
                q.getAmne() == null ? null : q.getAmne().getCode(), q.getRubrik(), q.getMeddelande(),
                q.getPaminnelseMeddelandeId(), q.getSvarPa() == null ? null : messageRef(q.getSvarPa()),
                sentBy == null ? null : code(sentBy.getPart()), sentBy == null ? List.of() : sentBy.getKontaktInfo(),
                q.getKomplettering().stream()
                        .map(k -> new IntygCommands.Complement(k.getFrageId(), k.getInstans(), k.getText())).toList(),
                localDate(q.getSistaDatumForSvar())))));
    }

    private Object sendMessageToRecipient(SendMessageToRecipient q, Call call) {
        var sentBy = q.getSkickatAv();
        return sendMessageToRecipientResponse(result(ops(call).sendMessageToRecipient(
                new IntygCommands.SendMessageToRecipient(q.getMeddelandeId(), q.getReferensId(),
                        localDateTime(q.getSkickatTidpunkt()), id(q.getIntygsId()), extension(q.getPatientPersonId()),
                        q.getLogiskAdressMottagare(), q.getAmne() == null ? null : q.getAmne().getCode(), q.getRubrik(),
                        q.getMeddelande(), q.getPaminnelseMeddelandeId(),
                        q.getSvarPa() == null ? null : messageRef(q.getSvarPa()),
                        sentBy == null ? null : extension(sentBy.getPersonalId()),
                        sentBy == null ? null : sentBy.getFullstandigtNamn(), localDate(q.getSistaDatumForSvar())))));
    }

    // ---- Webcert ---------------------------------------------------------------------------------

    private Object createDraftCertificate(CreateDraftCertificate q, Call call) {
        var intyg = q.getIntyg();
        var p = intyg.getPatient();
        var creator = intyg.getSkapadAv();
        var unit = creator == null ? null : creator.getEnhet();
        IntygCommands.Patient patient = p == null ? null : new IntygCommands.Patient(extension(p.getPersonId()),
                p.getFornamn() == null ? List.of() : List.of(p.getFornamn()), p.getMellannamn(), p.getEfternamn());
        Outcome<IntygCommands.IntygId> o = ops(call).createDraftCertificate(new IntygCommands.CreateDraftCertificate(
                intyg.getTypAvIntyg() == null ? null : intyg.getTypAvIntyg().getCode(), patient,
                creator == null ? null : extension(creator.getPersonalId()),
                creator == null ? null : creator.getFullstandigtNamn(),
                unit == null ? null : extension(unit.getEnhetsId()), unit == null ? null : unit.getEnhetsnamn(),
                intyg.getRef(), CertificateXml.draftXml(intyg)));
        return createDraftCertificateResponse(result(o), o.performed() ? o.value() : null);
    }

    private Object listCertificatesForCareWithQA(ListCertificatesForCareWithQA q, Call call) {
        Outcome<List<IntygModel.CertificateWithQa>> o = ops(call).listCertificatesForCareWithQA(
                new IntygCommands.ListCertificatesForCareWithQA(extension(q.getPersonId()),
                        q.getEnhetsId().stream().map(ContractTypes::extension).toList(), extension(q.getVardgivarId()),
                        localDateTime(q.getFromTidpunkt()), localDateTime(q.getTomTidpunkt())));
        if (!o.performed()) return listCertificatesForCareWithQAResponse(resultOf(o), null);
        ListType list = new ListType();
        for (IntygModel.CertificateWithQa c : o.value()) {
            ListItem item = new ListItem();
            item.setIntyg(CertificateXml.intyg(c.certificate()));
            Handelser events = new Handelser();
            c.events().forEach(e -> events.getHandelse().add(handelse(e)));
            item.setHandelser(events);
            item.setSkickadeFragor(arenden(c.skickadeFragor()));
            item.setMottagnaFragor(arenden(c.mottagnaFragor()));
            item.setRef(c.ref());
            list.getItem().add(item);
        }
        return listCertificatesForCareWithQAResponse(resultOf(o), list);
    }

    private static Handelse handelse(IntygModel.EventView e) {
        Handelse h = new Handelse();
        var code = new se.conformance.simulator.intyg.contract.types.Handelsekod();
        code.setCode(HandelsekodKod.fromValue(e.code().name()));
        code.setCodeSystem(KV_HANDELSE);
        h.setHandelsekod(code);
        h.setTidpunkt(ContractTypes.timestampMillis(e.at()));
        if (e.amne() != null) {
            Amneskod amne = new Amneskod();
            amne.setCode(e.amne());
            amne.setCodeSystem(KV_AMNE);
            h.setAmne(amne);
        }
        h.setSistaDatumForSvar(ContractTypes.date(e.sistaDatumForSvar()));
        if (e.hanteratAv() != null) h.setHanteratAv(hsaId(e.hanteratAv()));
        return h;
    }

    private static Arenden arenden(se.conformance.simulator.intyg.message.Arenden a) {
        Arenden out = new Arenden();
        out.setTotalt(a.totalt());
        out.setEjBesvarade(a.ejBesvarade());
        out.setBesvarade(a.besvarade());
        out.setHanterade(a.hanterade());
        return out;
    }

    // ---- responses ---------------------------------------------------------------------------------

    private static RegisterCertificateResponse registerCertificateResponse(ResultType r) {
        RegisterCertificateResponse response = new RegisterCertificateResponse();
        response.setResult(r);
        return response;
    }

    private static SendCertificateToRecipientResponse sendCertificateToRecipientResponse(ResultType r) {
        SendCertificateToRecipientResponse response = new SendCertificateToRecipientResponse();
        response.setResult(r);
        return response;
    }

    private static RevokeCertificateResponse revokeCertificateResponse(ResultType r) {
        RevokeCertificateResponse response = new RevokeCertificateResponse();
        response.setResult(r);
        return response;
    }

    private static SetCertificateStatusResponse setCertificateStatusResponse(ResultType r) {
        SetCertificateStatusResponse response = new SetCertificateStatusResponse();
        response.setResult(r);
        return response;
    }

    private static ListCertificatesForCitizenResponse listCertificatesForCitizenResponse(ResultType r,
            List<CertificateView> views) {
        var list = new se.conformance.simulator.intyg.contract.listcertificatesforcitizen.IntygsLista();
        views.forEach(v -> list.getIntyg().add(CertificateXml.intyg(v)));
        ListCertificatesForCitizenResponse response = new ListCertificatesForCitizenResponse();
        response.setIntygsLista(list);
        response.setResult(r);
        return response;
    }

    private static SendMessageToCareResponse sendMessageToCareResponse(ResultType r) {
        SendMessageToCareResponse response = new SendMessageToCareResponse();
        response.setResult(r);
        return response;
    }

    private static SendMessageToRecipientResponse sendMessageToRecipientResponse(ResultType r) {
        SendMessageToRecipientResponse response = new SendMessageToRecipientResponse();
        response.setResult(r);
        return response;
    }

    private static ListSickLeavesForCareResponse listSickLeavesForCareResponse(ResultType r, SjukfallLista list) {
        ListSickLeavesForCareResponse response = new ListSickLeavesForCareResponse();
        response.setSjukfallLista(list);
        response.setResult(r);
        return response;
    }

    private static CreateDraftCertificateResponse createDraftCertificateResponse(ResultType r,
            IntygCommands.IntygId id) {
        CreateDraftCertificateResponse response = new CreateDraftCertificateResponse();
        if (id != null) response.setIntygsId(intygId(id));
        response.setResult(r);
        return response;
    }

    private static ListCertificatesForCareWithQAResponse listCertificatesForCareWithQAResponse(ResultType r,
            ListType list) {
        ListCertificatesForCareWithQAResponse response = new ListCertificatesForCareWithQAResponse();
        response.setList(list);
        response.setResult(r);
        return response;
    }

    // ---- outcomes and small pieces ------------------------------------------------------------------

    /** The ResultType of a result outcome; a fault outcome (not expected here) is a SOAP fault. */
    private static ResultType resultOf(Outcome<?> o) {
        if (o.isFault()) throw new SoapFaultException(SoapFaultException.Code.SERVER, o.resultText());
        return result(o);
    }

    /**
     * The value of an operation answered without ResultType: a fault outcome is the SOAP fault; a result
     * refusal (not expected for these operations) is one too, with its text.
     */
    private static <T> T valueOrFault(Outcome<T> o) {
        if (!o.performed()) throw new SoapFaultException(SoapFaultException.Code.SERVER, o.resultText());
        return o.value();
    }

    private static MessageRef messageRef(MeddelandeReferens r) {
        return new MessageRef(r.getMeddelandeId(), r.getReferensId());
    }

    /** The request's {@code intyg} child, or null when the request element is not at hand. */
    private static Element intygElement(Element payload) {
        if (payload == null) return null;
        for (Node n = payload.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "intyg".equals(e.getLocalName())
                    && Objects.equals(payload.getNamespaceURI(), e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static List<String> nonBlank(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) if (p != null && !p.isBlank()) out.add(p);
        return out;
    }
}
