package se.conformance.simulator.efrikort.soap;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import se.conformance.simulator.efrikort.Answer;
import se.conformance.simulator.efrikort.Commands;
import se.conformance.simulator.efrikort.EfrikortOperations;
import se.conformance.simulator.efrikort.Model;
import se.conformance.simulator.efrikort.contract.core.ActorType;
import se.conformance.simulator.efrikort.contract.core.CardPersonType;
import se.conformance.simulator.efrikort.contract.core.CardRegistrationReasonType;
import se.conformance.simulator.efrikort.contract.core.CardStatusType;
import se.conformance.simulator.efrikort.contract.core.CardType;
import se.conformance.simulator.efrikort.contract.core.CardTypeType;
import se.conformance.simulator.efrikort.contract.core.CarePrincipalType;
import se.conformance.simulator.efrikort.contract.core.ExportStatusType;
import se.conformance.simulator.efrikort.contract.core.ExportTypeType;
import se.conformance.simulator.efrikort.contract.core.ExtendedCardType;
import se.conformance.simulator.efrikort.contract.core.GetCardForPersonResultType;
import se.conformance.simulator.efrikort.contract.core.GetExtendedCardResultType;
import se.conformance.simulator.efrikort.contract.core.GetExtendedCardsResultType;
import se.conformance.simulator.efrikort.contract.core.GetGroupForPersonResultType;
import se.conformance.simulator.efrikort.contract.core.GroupActionRecordType;
import se.conformance.simulator.efrikort.contract.core.GroupActionType;
import se.conformance.simulator.efrikort.contract.core.RegisterCardResultType;
import se.conformance.simulator.efrikort.contract.core.RegisterTransactionResultType;
import se.conformance.simulator.efrikort.contract.core.ResultCodeType;
import se.conformance.simulator.efrikort.contract.core.ResultType;
import se.conformance.simulator.efrikort.contract.core.TransactionStatusType;
import se.conformance.simulator.efrikort.contract.core.TransactionType;
import se.conformance.simulator.efrikort.contract.deletecard.DeleteCard;
import se.conformance.simulator.efrikort.contract.deletecard.DeleteCardResponse;
import se.conformance.simulator.efrikort.contract.deletetransaction.DeleteTransaction;
import se.conformance.simulator.efrikort.contract.deletetransaction.DeleteTransactionResponse;
import se.conformance.simulator.efrikort.contract.getcardforperson.GetCardForPerson;
import se.conformance.simulator.efrikort.contract.getcardforperson.GetCardForPersonResponse;
import se.conformance.simulator.efrikort.contract.getextendedcardforperson.GetExtendedCardForPerson;
import se.conformance.simulator.efrikort.contract.getextendedcardforperson.GetExtendedCardForPersonResponse;
import se.conformance.simulator.efrikort.contract.getextendedcardsforperson.GetExtendedCardsForPerson;
import se.conformance.simulator.efrikort.contract.getextendedcardsforperson.GetExtendedCardsForPersonResponse;
import se.conformance.simulator.efrikort.contract.getgroupforperson.GetGroupForPerson;
import se.conformance.simulator.efrikort.contract.getgroupforperson.GetGroupForPersonResponse;
import se.conformance.simulator.efrikort.contract.groupperson.GroupPerson;
import se.conformance.simulator.efrikort.contract.groupperson.GroupPersonResponse;
import se.conformance.simulator.efrikort.contract.ordernewcard.OrderNewCard;
import se.conformance.simulator.efrikort.contract.ordernewcard.OrderNewCardResponse;
import se.conformance.simulator.efrikort.contract.registercard.RegisterCard;
import se.conformance.simulator.efrikort.contract.registercard.RegisterCardResponse;
import se.conformance.simulator.efrikort.contract.registeroptin.RegisterOptIn;
import se.conformance.simulator.efrikort.contract.registeroptin.RegisterOptInResponse;
import se.conformance.simulator.efrikort.contract.registeroptout.RegisterOptOut;
import se.conformance.simulator.efrikort.contract.registeroptout.RegisterOptOutResponse;
import se.conformance.simulator.efrikort.contract.registertransaction.RegisterTransaction;
import se.conformance.simulator.efrikort.contract.registertransaction.RegisterTransactionResponse;
import se.conformance.simulator.efrikort.contract.ungroupperson.UngroupPerson;
import se.conformance.simulator.efrikort.contract.ungroupperson.UngroupPersonResponse;
import se.conformance.simulator.efrikort.contract.updatecard.UpdateCard;
import se.conformance.simulator.efrikort.contract.updatecard.UpdateCardResponse;
import se.conformance.simulator.efrikort.contract.updatereadconsent.UpdateReadConsent;
import se.conformance.simulator.efrikort.contract.updatereadconsent.UpdateReadConsentResponse;
import se.conformance.simulator.efrikort.contract.updatetransaction.UpdateTransaction;
import se.conformance.simulator.efrikort.contract.updatetransaction.UpdateTransactionResponse;
import se.conformance.simulator.soap.ServiceAdapter;
import se.conformance.simulator.soap.SoapCall;
import se.conformance.simulator.soap.SoapOperation;

/**
 * The e-frikort v3 contracts mapped onto {@link EfrikortOperations}: JAXB request to command,
 * {@link Answer} to JAXB response. Nothing here decides anything.
 */
public final class EfrikortSoapAdapter implements ServiceAdapter {

    /** Every e-frikort endpoint: {@code /efrikortService/<Operation>/3/rivtabp21}. */
    public static final String PATH_PATTERN = "/efrikortService/[A-Za-z]+/3/rivtabp21";
    /** What a transaction of another provider shows when read consent hides its details (as eFrikort 4.1 does). */
    static final String HIDDEN_PROVIDER = "Extern vårdgivare";

    private static final DatatypeFactory DATATYPES = datatypes();

    /** One operation: its request type, how to perform it, and how to answer with a bare result. */
    private record Binding<Q>(SoapOperation operation, Class<Q> requestType, Class<?> responseType,
            BiFunction<Q, SoapCall, Object> invoke, Function<ResultType, Object> resultOnly,
            Function<Object, ResultType> resultOf) {}

    private final EfrikortOperations service;
    private final Map<String, Binding<?>> bindings = new LinkedHashMap<>();
    private final Map<Class<?>, Binding<?>> byResponseType = new LinkedHashMap<>();
    /** Built on an operation's first call: sixteen contexts up front would cost the start ~0.5 s. */
    private final Map<String, JAXBContext> contexts = new java.util.concurrent.ConcurrentHashMap<>();

    public EfrikortSoapAdapter(EfrikortOperations service) {
        this.service = service;
        bind("RegisterTransaction", RegisterTransaction.class, RegisterTransactionResponse.class, this::registerTransaction,
                r -> registerTransactionResponse(r, null), o -> ((RegisterTransactionResponse) o).getRegisterTransactionResultType().getResult());
        bind("UpdateTransaction", UpdateTransaction.class, UpdateTransactionResponse.class, this::updateTransaction,
                r -> updateTransactionResponse(r, null), o -> ((UpdateTransactionResponse) o).getRegisterTransactionResultType().getResult());
        bind("DeleteTransaction", DeleteTransaction.class, DeleteTransactionResponse.class,
                (q, c) -> deleteTransactionResponse(result(ops(c).deleteTransaction(new Commands.DeleteTransaction(
                        q.getCarePrincipalId(), q.getTransactionId(), q.getDeleteReason(), actor(q.getActor()))))),
                this::deleteTransactionResponse, o -> ((DeleteTransactionResponse) o).getResultType());
        bind("GetCardForPerson", GetCardForPerson.class, GetCardForPersonResponse.class, this::getCardForPerson,
                r -> getCardForPersonResponse(r, null), o -> ((GetCardForPersonResponse) o).getGetCardForPersonResultType().getResult());
        bind("GetExtendedCardForPerson", GetExtendedCardForPerson.class, GetExtendedCardForPersonResponse.class,
                this::getExtendedCardForPerson, r -> getExtendedCardForPersonResponse(r, null),
                o -> ((GetExtendedCardForPersonResponse) o).getGetExtendedCardResultType().getResult());
        bind("GetExtendedCardsForPerson", GetExtendedCardsForPerson.class, GetExtendedCardsForPersonResponse.class,
                this::getExtendedCardsForPerson, r -> getExtendedCardsForPersonResponse(r, List.of()),
                o -> ((GetExtendedCardsForPersonResponse) o).getGetExtendedCardsResultType().getResult());
        bind("RegisterCard", RegisterCard.class, RegisterCardResponse.class, this::registerCard,
                r -> registerCardResponse(r, null), o -> ((RegisterCardResponse) o).getRegisterCardResultType().getResult());
        bind("UpdateCard", UpdateCard.class, UpdateCardResponse.class,
                (q, c) -> updateCardResponse(result(ops(c).updateCard(new Commands.UpdateCard(q.getCarePrincipalId(),
                        q.getCardSystemId(), q.getCardId(), date(q.getStartDate()), date(q.getEndDate()),
                        date(q.getPreliminaryCardDate()), actor(q.getActor()))))),
                this::updateCardResponse, o -> ((UpdateCardResponse) o).getResultType());
        bind("DeleteCard", DeleteCard.class, DeleteCardResponse.class,
                (q, c) -> deleteCardResponse(result(ops(c).deleteCard(new Commands.DeleteCard(q.getCarePrincipalId(),
                        q.getCardSystemId(), actor(q.getActor()))))),
                this::deleteCardResponse, o -> ((DeleteCardResponse) o).getResultType());
        bind("OrderNewCard", OrderNewCard.class, OrderNewCardResponse.class,
                (q, c) -> orderNewCardResponse(result(ops(c).orderNewCard(new Commands.OrderNewCard(q.getCarePrincipalId(),
                        q.getPersonId(), q.getCardSystemId(), actor(q.getActor()))))),
                this::orderNewCardResponse, o -> ((OrderNewCardResponse) o).getResultType());
        bind("GroupPerson", GroupPerson.class, GroupPersonResponse.class,
                (q, c) -> groupPersonResponse(result(ops(c).groupPerson(new Commands.Group(q.getCarePrincipalId(),
                        q.getCardSystemId(), q.getPersonId(), actor(q.getActor()))))),
                this::groupPersonResponse, o -> ((GroupPersonResponse) o).getResultType());
        bind("UngroupPerson", UngroupPerson.class, UngroupPersonResponse.class,
                (q, c) -> ungroupPersonResponse(result(ops(c).ungroupPerson(new Commands.Group(q.getCarePrincipalId(),
                        q.getCardSystemId(), q.getPersonId(), actor(q.getActor()))))),
                this::ungroupPersonResponse, o -> ((UngroupPersonResponse) o).getResultType());
        bind("GetGroupForPerson", GetGroupForPerson.class, GetGroupForPersonResponse.class, this::getGroupForPerson,
                EfrikortSoapAdapter::getGroupForPersonResultOnly,
                o -> ((GetGroupForPersonResponse) o).getGetGroupForPersonResultType().getResult());
        bind("RegisterOptIn", RegisterOptIn.class, RegisterOptInResponse.class,
                (q, c) -> registerOptInResponse(result(ops(c).registerOptIn(new Commands.Consent(q.getCarePrincipalId(),
                        q.getPersonId(), q.getCardTypeId(), actor(q.getActor()))))),
                this::registerOptInResponse, o -> ((RegisterOptInResponse) o).getResultType());
        bind("RegisterOptOut", RegisterOptOut.class, RegisterOptOutResponse.class,
                (q, c) -> registerOptOutResponse(result(ops(c).registerOptOut(new Commands.Consent(q.getCarePrincipalId(),
                        q.getPersonId(), q.getCardTypeId(), actor(q.getActor()))))),
                this::registerOptOutResponse, o -> ((RegisterOptOutResponse) o).getResultType());
        bind("UpdateReadConsent", UpdateReadConsent.class, UpdateReadConsentResponse.class,
                (q, c) -> updateReadConsentResponse(result(ops(c).updateReadConsent(new Commands.ReadConsent(
                        q.getCarePrincipalId(), q.getPersonId(), q.getCardTypeId(), q.isConsent(), actor(q.getActor()))))),
                this::updateReadConsentResponse, o -> ((UpdateReadConsentResponse) o).getResultType());
    }

    private <Q> void bind(String name, Class<Q> requestType, Class<?> responseType, BiFunction<Q, SoapCall, Object> invoke,
            Function<ResultType, Object> resultOnly, Function<Object, ResultType> resultOf) {
        SoapOperation op = new SoapOperation("efrikort", name, "/efrikortService/" + name + "/3/rivtabp21",
                "urn:riv:cgi:healthcare:efrikort:" + name + "Responder:3:" + name,
                "contracts/efrikort/interactions/" + name + "Interaction/" + name + "Responder_3.0.xsd",
                "contracts/efrikort/interactions/" + name + "Interaction/" + name + "Interaction_3.0_RIVTABP21.wsdl");
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
                return JAXBContext.newInstance(b.requestType(), b.responseType());
            } catch (JAXBException e) {
                throw new IllegalStateException("JAXB binding of " + name + " does not load", e);
            }
        });
    }

    /** The domain as the call's caller sees it (its registration is checked there, not here). */
    private EfrikortOperations ops(SoapCall call) {
        return service.forCaller(call.caller());
    }

    @Override
    public Object invoke(SoapOperation operation, Object request, SoapCall call) {
        return invokeTyped(bindings.get(operation.name()), request, call);
    }

    private static <Q> Object invokeTyped(Binding<Q> binding, Object request, SoapCall call) {
        return binding.invoke().apply(binding.requestType().cast(request), call);
    }

    /** e-frikort's ResultType has no error id: {@code errorId} is ignored. */
    @Override
    public Object resultOnly(SoapOperation operation, String resultCode, String errorId, String resultText) {
        ResultType r = new ResultType();
        r.setResultCode(ResultCodeType.fromValue(resultCode));
        r.setResultText(resultText);
        return bindings.get(operation.name()).resultOnly().apply(r);
    }

    @Override
    public String resultCodeOf(Object response) {
        Binding<?> b = byResponseType.get(response.getClass());
        return b == null ? null : b.resultOf().apply(response).getResultCode().value();
    }

    // ---- operations with payloads ----

    private Object registerTransaction(RegisterTransaction q, SoapCall call) {
        Answer<Model.TransactionReceipt> a = ops(call).registerTransaction(new Commands.RegisterTransaction(
                q.getCarePrincipalId(), q.getCareProvider(), q.getCareUnit(), q.getCardTypeId(), q.getPersonId(),
                date(q.getTransactionDate()), amount(q.getAmount()), actor(q.getActor())));
        return registerTransactionResponse(result(a), a.value());
    }

    private Object updateTransaction(UpdateTransaction q, SoapCall call) {
        Answer<Model.TransactionReceipt> a = ops(call).updateTransaction(new Commands.UpdateTransaction(
                q.getCarePrincipalId(), q.getCareProvider(), q.getCareUnit(), q.getTransactionId(),
                date(q.getTransactionDate()), amount(q.getAmount()), q.getUpdateReason(), actor(q.getActor())));
        return updateTransactionResponse(result(a), a.value());
    }

    private Object getCardForPerson(GetCardForPerson q, SoapCall call) {
        Answer<Model.CardView> a = ops(call).getCardForPerson(
                new Commands.PersonCardQuery(q.getCarePrincipalId(), q.getPersonId(), q.getCardTypeId(), call.consumerHsaId()));
        return getCardForPersonResponse(result(a), a.value());
    }

    private Object getExtendedCardForPerson(GetExtendedCardForPerson q, SoapCall call) {
        Answer<Model.ExtendedCardView> a = ops(call).getExtendedCardForPerson(
                new Commands.PersonCardQuery(q.getCarePrincipalId(), q.getPersonId(), q.getCardTypeId(), call.consumerHsaId()));
        return getExtendedCardForPersonResponse(result(a), a.value());
    }

    private Object getExtendedCardsForPerson(GetExtendedCardsForPerson q, SoapCall call) {
        Answer<List<Model.ExtendedCardView>> a = ops(call).getExtendedCardsForPerson(
                new Commands.PersonCardQuery(q.getCarePrincipalId(), q.getPersonId(), q.getCardTypeId(), call.consumerHsaId()));
        return getExtendedCardsForPersonResponse(result(a), a.value() == null ? List.of() : a.value());
    }

    private Object registerCard(RegisterCard q, SoapCall call) {
        Answer<Model.CardView> a = ops(call).registerCard(new Commands.RegisterCard(q.getCarePrincipalId(), q.getPersonId(),
                q.getCardTypeId(), date(q.getPreliminaryCardDate()), date(q.getEndDate()), q.getCardId(),
                q.isExtendExisting(), Model.CardReason.valueOf(q.getCardReason().value()), actor(q.getActor())));
        return registerCardResponse(result(a), a.value());
    }

    private Object getGroupForPerson(GetGroupForPerson q, SoapCall call) {
        Answer<Model.GroupView> a = ops(call).getGroupForPerson(
                new Commands.PersonCardQuery(q.getCarePrincipalId(), q.getPersonId(), q.getCardTypeId(), call.consumerHsaId()));
        GetGroupForPersonResponse response = getGroupForPersonResponse(result(a), a.value());
        if (a.value() == null) response.getGetGroupForPersonResultType().getPersonIds().add(q.getPersonId());
        return response;
    }

    // ---- responses ----

    private static RegisterTransactionResponse registerTransactionResponse(ResultType r, Model.TransactionReceipt receipt) {
        RegisterTransactionResponse response = new RegisterTransactionResponse();
        response.setRegisterTransactionResultType(receiptResult(r, receipt));
        return response;
    }

    private static UpdateTransactionResponse updateTransactionResponse(ResultType r, Model.TransactionReceipt receipt) {
        UpdateTransactionResponse response = new UpdateTransactionResponse();
        response.setRegisterTransactionResultType(receiptResult(r, receipt));
        return response;
    }

    private static RegisterTransactionResultType receiptResult(ResultType r, Model.TransactionReceipt receipt) {
        RegisterTransactionResultType t = new RegisterTransactionResultType();
        t.setResult(r);
        if (receipt != null) {
            t.setCardSystemId(receipt.cardSystemId());
            t.setTransactionId(receipt.transactionId());
        }
        return t;
    }

    private static GetCardForPersonResponse getCardForPersonResponse(ResultType r, Model.CardView card) {
        GetCardForPersonResultType t = new GetCardForPersonResultType();
        t.setResult(r);
        if (card != null) t.setCard(card(card));
        GetCardForPersonResponse response = new GetCardForPersonResponse();
        response.setGetCardForPersonResultType(t);
        return response;
    }

    private static GetExtendedCardForPersonResponse getExtendedCardForPersonResponse(ResultType r, Model.ExtendedCardView card) {
        GetExtendedCardResultType t = new GetExtendedCardResultType();
        t.setResult(r);
        if (card != null) t.setExtendedCard(extendedCard(card));
        GetExtendedCardForPersonResponse response = new GetExtendedCardForPersonResponse();
        response.setGetExtendedCardResultType(t);
        return response;
    }

    private static GetExtendedCardsForPersonResponse getExtendedCardsForPersonResponse(ResultType r,
            List<Model.ExtendedCardView> cards) {
        GetExtendedCardsResultType t = new GetExtendedCardsResultType();
        t.setResult(r);
        cards.forEach(c -> t.getExtendedCard().add(extendedCard(c)));
        GetExtendedCardsForPersonResponse response = new GetExtendedCardsForPersonResponse();
        response.setGetExtendedCardsResultType(t);
        return response;
    }

    private static RegisterCardResponse registerCardResponse(ResultType r, Model.CardView card) {
        RegisterCardResultType t = new RegisterCardResultType();
        t.setResult(r);
        if (card != null) t.setCard(card(card));
        RegisterCardResponse response = new RegisterCardResponse();
        response.setRegisterCardResultType(t);
        return response;
    }

    private static GetGroupForPersonResponse getGroupForPersonResponse(ResultType r, Model.GroupView group) {
        GetGroupForPersonResultType t = new GetGroupForPersonResultType();
        t.setResult(r);
        if (group != null) {
            for (Model.GroupActionView a : group.groupActions()) {
                GroupActionRecordType g = new GroupActionRecordType();
                g.setLoggedDate(dateTime(a.loggedDate()));
                g.setCarePrincipalId(a.carePrincipalId());
                g.setCardTypeId(a.cardTypeId());
                g.setCardId(a.cardId());
                g.setAction(GroupActionType.fromValue(a.action().name()));
                t.getGroupAction().add(g);
            }
            t.getPersonIds().addAll(group.personIds());
        }
        GetGroupForPersonResponse response = new GetGroupForPersonResponse();
        response.setGetGroupForPersonResultType(t);
        return response;
    }

    /**
     * A bare result (schema violation, fault rule): the schema requires at least one
     * {@code personIds}, and no request was read to take one from, so it is left empty.
     */
    private static GetGroupForPersonResponse getGroupForPersonResultOnly(ResultType r) {
        GetGroupForPersonResponse response = getGroupForPersonResponse(r, null);
        response.getGetGroupForPersonResultType().getPersonIds().add("");
        return response;
    }

    private DeleteTransactionResponse deleteTransactionResponse(ResultType r) {
        DeleteTransactionResponse response = new DeleteTransactionResponse();
        response.setResultType(r);
        return response;
    }

    private UpdateCardResponse updateCardResponse(ResultType r) {
        UpdateCardResponse response = new UpdateCardResponse();
        response.setResultType(r);
        return response;
    }

    private DeleteCardResponse deleteCardResponse(ResultType r) {
        DeleteCardResponse response = new DeleteCardResponse();
        response.setResultType(r);
        return response;
    }

    private OrderNewCardResponse orderNewCardResponse(ResultType r) {
        OrderNewCardResponse response = new OrderNewCardResponse();
        response.setResultType(r);
        return response;
    }

    private GroupPersonResponse groupPersonResponse(ResultType r) {
        GroupPersonResponse response = new GroupPersonResponse();
        response.setResultType(r);
        return response;
    }

    private UngroupPersonResponse ungroupPersonResponse(ResultType r) {
        UngroupPersonResponse response = new UngroupPersonResponse();
        response.setResultType(r);
        return response;
    }

    private RegisterOptInResponse registerOptInResponse(ResultType r) {
        RegisterOptInResponse response = new RegisterOptInResponse();
        response.setResultType(r);
        return response;
    }

    private RegisterOptOutResponse registerOptOutResponse(ResultType r) {
        RegisterOptOutResponse response = new RegisterOptOutResponse();
        response.setResultType(r);
        return response;
    }

    private UpdateReadConsentResponse updateReadConsentResponse(ResultType r) {
        UpdateReadConsentResponse response = new UpdateReadConsentResponse();
        response.setResultType(r);
        return response;
    }

    // ---- core types ----

    private static ResultType result(Answer<?> answer) {
        ResultType r = new ResultType();
        r.setResultCode(ResultCodeType.fromValue(answer.code().name()));
        r.setResultText(answer.text());
        return r;
    }

    private static CardType card(Model.CardView v) {
        CardType c = new CardType();
        c.setCardSystemId(v.cardSystemId());
        CardTypeType type = new CardTypeType();
        type.setId(v.cardTypeId());
        type.setName(v.cardTypeName());
        c.setCardType(type);
        for (Model.CardPerson p : v.persons()) {
            CardPersonType person = new CardPersonType();
            person.setId(p.id());
            person.setReadConsent(p.readConsent());
            c.getPersons().add(person);
        }
        c.setStartDate(date(v.startDate()));
        c.setPreliminaryCardDate(date(v.preliminaryCardDate()));
        c.setFinalCardDate(date(v.finalCardDate()));
        c.setEndDate(date(v.endDate()));
        c.setCurrentAmount(v.currentAmount().doubleValue());
        c.setAmountToLimit(v.amountToLimit().doubleValue());
        c.setCardId(v.cardId());
        c.setCarePrincipal(carePrincipal(v.carePrincipalId(), v.carePrincipalName()));
        c.setStatus(CardStatusType.fromValue(v.status().name()));
        if (v.cardReason() != null) c.setCardReason(CardRegistrationReasonType.fromValue(v.cardReason().name()));
        return c;
    }

    private static ExtendedCardType extendedCard(Model.ExtendedCardView v) {
        ExtendedCardType e = new ExtendedCardType();
        e.setCard(card(v.card()));
        v.transactions().forEach(t -> e.getTransactions().add(transaction(t)));
        v.expiredTransactions().forEach(t -> e.getExpiredTransactions().add(transaction(t)));
        for (Model.ExportStatus s : v.exportStatus()) {
            ExportStatusType x = new ExportStatusType();
            x.setPersonId(s.personId());
            x.setExportType(ExportTypeType.fromValue(s.exportType().name()));
            x.setDateTime(dateTime(s.dateTime()));
            e.getExportStatus().add(x);
        }
        return e;
    }

    private static TransactionType transaction(Model.TransactionView v) {
        TransactionType t = new TransactionType();
        t.setTransactionId(v.transactionId());
        t.setPersonId(v.personId());
        t.setAmount(v.amount().doubleValue());
        t.setTransactionDate(date(v.transactionDate()));
        t.setRegistrationDateTime(dateTime(v.registrationDateTime()));
        t.setCarePrincipal(carePrincipal(v.carePrincipalId(), v.carePrincipalName()));
        t.setCareProvider(v.careProvider() == null ? HIDDEN_PROVIDER : v.careProvider());
        t.setCareUnit(v.careProvider() == null ? null : v.careUnit());
        t.setStatus(TransactionStatusType.fromValue(v.status().name()));
        t.setStatusReason(v.statusReason());
        return t;
    }

    private static CarePrincipalType carePrincipal(String id, String name) {
        CarePrincipalType p = new CarePrincipalType();
        p.setId(id);
        p.setName(name == null ? id : name);
        return p;
    }

    private static Commands.Actor actor(ActorType a) {
        return a == null ? null : new Commands.Actor(a.getEmployeeId(), a.getCareProviderId(), a.getCareUnitId());
    }

    /** The contract's double, as the decimal its lexical form meant (200.0 stays 200.0, not 200.000000001). */
    private static BigDecimal amount(double value) {
        return BigDecimal.valueOf(value);
    }

    private static LocalDate date(XMLGregorianCalendar c) {
        return c == null ? null : LocalDate.of(c.getYear(), c.getMonth(), c.getDay());
    }

    private static XMLGregorianCalendar date(LocalDate d) {
        return d == null ? null : DATATYPES.newXMLGregorianCalendarDate(d.getYear(), d.getMonthValue(),
                d.getDayOfMonth(), DatatypeConstants.FIELD_UNDEFINED);
    }

    private static XMLGregorianCalendar dateTime(LocalDateTime t) {
        return t == null ? null : DATATYPES.newXMLGregorianCalendar(t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond(), DatatypeConstants.FIELD_UNDEFINED, DatatypeConstants.FIELD_UNDEFINED);
    }

    private static DatatypeFactory datatypes() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
