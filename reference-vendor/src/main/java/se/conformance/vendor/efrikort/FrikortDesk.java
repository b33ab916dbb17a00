package se.conformance.vendor.efrikort;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import se.conformance.vendor.VendorState;
import se.conformance.vendor.VendorState.Registration;
import se.conformance.vendor.defect.Defect;
import se.conformance.vendor.driver.Answer;
import se.conformance.vendor.driver.BadParameter;
import se.conformance.vendor.driver.Params;
import se.conformance.vendor.driver.Workplace;
import se.conformance.vendor.patient.PersonNumber;
import se.conformance.vendor.soap.SoapCall;

/**
 * The cash desk's e-frikort behaviour, one method per driver action ({@code efrikort.*}). The rules
 * it keeps (shared/research/frikort.md §1–2): the identity number normalised to 12 digits; the card
 * looked up before charging; PRELIMINARY and FINAL are a frikort (nothing charged or registered);
 * otherwise min(fee, amountToLimit) charged and exactly that registered, dated with the visit date;
 * no-show, certificate, vaccination and free visits never registered; a complete actor; corrections
 * and cancellations with their reason; OPTINREQUIRED → RegisterOptIn and register again; OPTOUT,
 * ACCESSDENIED, INFO/ERROR texts, SOAP faults and time-outs shown to the user.
 */
public final class FrikortDesk {

    public static final Set<String> VISIT_TYPES = Set.of("VISIT", "NO_SHOW", "CERTIFICATE", "VACCINATION", "FREE_VISIT");
    public static final Set<String> CARD_REASONS = Set.of("VALID_CARD", "MEDICAL");
    private static final String GENERIC_ERROR = "Ett fel uppstod i e-frikort. Kontakta support.";
    private static final String GENERIC_INFO = "Åtgärden är utförd i e-frikort.";

    private final EfrikortClient client;
    private final VendorState state;
    private final Set<Defect> defects;
    private final Supplier<LocalDate> clockToday;

    public FrikortDesk(EfrikortClient client, VendorState state, Set<Defect> defects, Supplier<LocalDate> clockToday) {
        this.client = client;
        this.state = state;
        this.defects = defects;
        this.clockToday = clockToday;
    }

    private boolean has(Defect d) {
        return defects.contains(d);
    }

    /** The vendor's "today": the common parameter {@code today} when given, else its clock. */
    private LocalDate today(Params p) {
        return p.date("today", clockToday.get());
    }

    private PersonNumber patient(Params p, String name) {
        String typed = p.str(name);
        try {
            return PersonNumber.parse(typed, today(p));
        } catch (IllegalArgumentException e) {
            throw new BadParameter(name, e.getMessage());
        }
    }

    /** The identity number as sent to e-frikort: 12 digits (the defect hyphenates a samordningsnummer). */
    private String wire(PersonNumber pn) {
        return has(Defect.HYPHENATED_SAMORDNINGSNUMMER) && pn.isSamordningsnummer() ? pn.hyphenated() : pn.digits();
    }

    private static String cardType(Params p) {
        return p.str("cardType", "CARE_VISIT");
    }

    // ---------------------------------------------------------------- what the user is shown

    /** The text shown for a call that was not OK; null when it was OK. */
    String problemText(SoapCall call) {
        switch (call.kind()) {
            case NO_ANSWER:
                return "e-frikort svarade inte (" + call.problem() + "). Försök igen senare; inget är registrerat.";
            case FAULT:
                return "Tekniskt fel i e-frikort (" + call.faultString() + "). Inget är registrerat.";
            default:
                break;
        }
        String code = call.resultCode();
        String text = call.resultText() == null ? "" : call.resultText();
        if (code == null) {
            return "Oväntat svar från e-frikort (ingen resultCode). Inget är registrerat.";
        }
        return switch (code) {
            case "OK" -> null;
            case "INFO" -> has(Defect.RESULT_TEXT_HIDDEN) ? GENERIC_INFO : text;
            case "ERROR", "VALIDATION_ERROR" -> has(Defect.RESULT_TEXT_HIDDEN) ? GENERIC_ERROR : text;
            case "OPTOUT" -> "Patienten har valt att stå utanför e-frikort (opt-out); avgiften registreras inte. " + text;
            case "ACCESSDENIED" -> "Behörighet saknas i e-frikort: " + text;
            case "OPTINREQUIRED" -> "Patienten saknar samtycke (opt-in) i e-frikort. " + text;
            default -> code + ": " + text;
        };
    }

    private static boolean performed(SoapCall call) {
        return call.answered() && ("OK".equals(call.resultCode()) || "INFO".equals(call.resultCode()));
    }

    /** Shown text for a performed call: "" on OK, the resultText on INFO. */
    private String performedText(SoapCall call) {
        String t = problemText(call);
        return t == null ? "" : t;
    }

    /**
     * Runs a registering call; on OPTINREQUIRED registers the patient's opt-in and runs it once more
     * (unless the optinrequired-ignored defect is on).
     */
    private SoapCall withOptIn(Workplace w, String personId, String cardType, Supplier<SoapCall> call) {
        SoapCall first = call.get();
        if (!first.answered() || !"OPTINREQUIRED".equals(first.resultCode()) || has(Defect.OPTINREQUIRED_IGNORED)) {
            return first;
        }
        SoapCall optIn = client.registerOptIn(w, personId, cardType);
        if (!performed(optIn)) {
            return optIn;
        }
        return call.get();
    }

    // ---------------------------------------------------------------- actions

    public Answer lookupCard(Params p) {
        Workplace w = Workplace.of(p);
        PersonNumber pn = patient(p, "patient");
        String cardType = cardType(p);
        SoapCall call = client.getCardForPerson(w, wire(pn), cardType);
        if (!performed(call)) {
            return Answer.failed(problemText(call)).put("frikort", false).put("cardStatus", (String) null)
                    .put("amountToLimit", (BigDecimal) null);
        }
        Optional<Card> card = Card.of(call.payload());
        boolean frikort = card.map(this::frikort).orElse(false);
        String shown = performedText(call);
        if (shown.isEmpty()) {
            shown = frikort ? "Patienten har frikort" + Optional.ofNullable(card.get().endDate()).map(d -> " t.o.m. " + d).orElse("") + "."
                    : card.map(c -> "Kvar till frikort: " + c.amountToLimit() + " kr.").orElse("Patienten har inget kort i e-frikort.");
        }
        return Answer.done(shown).put("frikort", frikort)
                .put("cardStatus", card.map(Card::status).orElse("NONE"))
                .put("amountToLimit", card.map(Card::amountToLimit).orElse(null))
                .put("cardId", card.map(Card::cardId).orElse(null));
    }

    private boolean frikort(Card c) {
        if ("PRELIMINARY".equals(c.status()) && has(Defect.PRELIMINARY_AS_NO_FRIKORT)) {
            return false;
        }
        return c.isFrikort();
    }

    public Answer registerVisit(Params p) {
        Workplace w = Workplace.of(p);
        PersonNumber pn = patient(p, "patient");
        LocalDate visitDate = p.date("date");
        BigDecimal fee = p.amount("fee");
        String visitType = p.oneOf("visitType", "VISIT", VISIT_TYPES);
        String cardType = cardType(p);
        LocalDate today = today(p);
        if (visitDate.isAfter(today)) {
            throw new BadParameter("date", "the visit date " + visitDate + " is after today " + today);
        }

        boolean free = "FREE_VISIT".equals(visitType) || fee.signum() == 0;
        boolean nonQualifying = Set.of("NO_SHOW", "CERTIFICATE", "VACCINATION").contains(visitType)
                && !("NO_SHOW".equals(visitType) && has(Defect.REGISTERS_NO_SHOW));
        if (nonQualifying) {
            return Answer.refused("Avgiften (" + label(visitType) + ") är inte högkostnadsgrundande och registreras "
                            + "inte i e-frikort; frikort gäller inte som betalning.")
                    .put("charged", fee).put("frikort", false).put("registered", false).put("transactionId", (String) null);
        }
        if (free && !has(Defect.ZERO_AMOUNT_REGISTRATION)) {
            return Answer.refused("Avgiftsfritt besök: ingen avgift tas ut och inget registreras i e-frikort.")
                    .put("charged", BigDecimal.ZERO).put("frikort", false).put("registered", false)
                    .put("transactionId", (String) null);
        }
        BigDecimal price = free ? BigDecimal.ZERO : fee;

        // look up the card first: a frikort means nothing is charged or registered
        String personId = wire(pn);
        SoapCall lookup = withOptIn(w, personId, cardType, () -> client.getCardForPerson(w, personId, cardType));
        if (!performed(lookup)) {
            return Answer.failed(problemText(lookup) + " Avgiften kunde inte stämmas av mot e-frikort.")
                    .put("charged", price).put("frikort", false).put("registered", false).put("transactionId", (String) null);
        }
        Optional<Card> card = Card.of(lookup.payload());
        if (card.isPresent() && frikort(card.get())) {
            return Answer.refused("Patienten har frikort (" + card.get().status() + "); ingen avgift tas ut och inget "
                            + "registreras.")
                    .put("charged", BigDecimal.ZERO).put("frikort", true).put("cardStatus", card.get().status())
                    .put("registered", false).put("transactionId", (String) null);
        }
        // no frikort: charge at most what remains to the ceiling
        BigDecimal charge = price;
        Optional<BigDecimal> toLimit = card.filter(c -> "BELOW_LIMIT".equals(c.status()))
                .map(Card::amountToLimit);
        if (toLimit.isPresent() && !has(Defect.FULL_FEE_AT_CROSSING) && toLimit.get().compareTo(charge) < 0) {
            charge = toLimit.get().max(BigDecimal.ZERO);
        }
        if (charge.signum() == 0 && !has(Defect.ZERO_AMOUNT_REGISTRATION)) {
            return Answer.refused("Högkostnadstaket är redan nått; ingen avgift tas ut och inget registreras.")
                    .put("charged", BigDecimal.ZERO).put("frikort", false).put("registered", false)
                    .put("transactionId", (String) null);
        }
        LocalDate transactionDate = has(Defect.TODAY_AS_TRANSACTION_DATE) ? today : visitDate;
        BigDecimal amount = charge;
        SoapCall reg = withOptIn(w, personId, cardType,
                () -> client.registerTransaction(w, personId, cardType, transactionDate, amount));
        if (!performed(reg)) {
            return Answer.failed(problemText(reg)).put("charged", charge).put("frikort", false)
                    .put("registered", false).put("transactionId", (String) null);
        }
        String transactionId = se.conformance.vendor.soap.Xml.firstText(reg.payload(), "transactionId");
        if (transactionId != null) {
            state.putRegistration(new Registration(transactionId, w.carePrincipal(), w.careProvider(), w.unit(),
                    personId, cardType, transactionDate, charge));
        }
        String shown = performedText(reg);
        if (shown.isEmpty() && charge.compareTo(price) < 0) {
            shown = "Högkostnadstaket nås: patienten betalar " + charge + " kr av " + price + " kr.";
        }
        return Answer.done(shown).put("charged", charge).put("frikort", false).put("registered", true)
                .put("transactionId", transactionId);
    }

    private static String label(String visitType) {
        return switch (visitType) {
            case "NO_SHOW" -> "uteblivet besök";
            case "CERTIFICATE" -> "intyg";
            case "VACCINATION" -> "vaccination";
            default -> visitType;
        };
    }

    public Answer correctFee(Params p) {
        Workplace w = Workplace.of(p);
        String transactionId = p.str("transactionId");
        BigDecimal amount = p.amount("amount");
        String reason = p.str("reason");
        if (amount.signum() == 0) {
            throw new BadParameter("amount", "must be more than 0 (cancel the fee instead)");
        }
        Optional<Registration> known = state.registration(transactionId);
        LocalDate date = known.map(Registration::transactionDate).orElseGet(() -> {
            if (!p.has("date")) {
                throw new BadParameter("transactionId", "unknown to the system; give its visit 'date' too");
            }
            return p.date("date");
        });
        Workplace owner = known.map(r -> new Workplace(r.carePrincipal(), w.careProvider(), w.unit(), w.employee()))
                .orElse(w);
        SoapCall call = client.updateTransaction(owner, transactionId, date, amount, reason,
                !has(Defect.MISSING_EMPLOYEE_ON_CORRECTION));
        if (!performed(call)) {
            return Answer.failed(problemText(call)).put("registered", false);
        }
        known.ifPresent(r -> state.putRegistration(r.withAmount(amount)));
        return Answer.done(performedText(call)).put("registered", true);
    }

    public Answer cancelFee(Params p) {
        Workplace w = Workplace.of(p);
        String transactionId = p.str("transactionId");
        String reason = p.str("reason");
        Optional<Registration> known = state.registration(transactionId);
        Workplace owner = known.map(r -> new Workplace(r.carePrincipal(), w.careProvider(), w.unit(), w.employee()))
                .orElse(w);
        SoapCall call = client.deleteTransaction(owner, transactionId,
                has(Defect.CANCEL_WITHOUT_REASON) ? null : reason);
        if (!performed(call)) {
            return Answer.failed(problemText(call)).put("registered", false);
        }
        return Answer.done(performedText(call)).put("registered", true);
    }

    public Answer registerCard(Params p) {
        Workplace w = Workplace.of(p);
        PersonNumber pn = patient(p, "patient");
        LocalDate validFrom = p.date("validFrom");
        LocalDate validTo = p.date("validTo", validFrom.plusYears(1).minusDays(1));
        String reason = p.oneOf("reason", "MEDICAL", CARD_REASONS);
        String cardId = p.str("cardId", null);
        if ("VALID_CARD".equals(reason) && cardId == null) {
            throw new BadParameter("cardId", "required with reason VALID_CARD (the number of the card from the other region)");
        }
        String cardType = cardType(p);
        String personId = wire(pn);
        SoapCall call = withOptIn(w, personId, cardType, () -> client.registerCard(w, personId, cardType, validFrom,
                validTo, cardId, p.bool("extendExisting", false), reason));
        if (!performed(call)) {
            return Answer.failed(problemText(call)).put("registered", false).put("cardId", (String) null);
        }
        Optional<Card> card = Card.of(call.payload());
        return Answer.done(performedText(call)).put("registered", true)
                .put("cardId", card.map(Card::cardId).orElse(null))
                .put("cardSystemId", card.map(Card::cardSystemId).orElse(null));
    }

    /** The patient's current card, or a failed answer to give the user. */
    private record CurrentCard(Card card, Answer problem) {
    }

    private CurrentCard currentCard(Workplace w, String personId, String cardType, String who) {
        SoapCall lookup = client.getCardForPerson(w, personId, cardType);
        if (!performed(lookup)) {
            return new CurrentCard(null, Answer.failed(problemText(lookup)).put("registered", false));
        }
        Optional<Card> card = Card.of(lookup.payload());
        return card.map(c -> new CurrentCard(c, null)).orElseGet(() -> new CurrentCard(null,
                Answer.failed(who + " har inget kort i e-frikort.").put("registered", false)));
    }

    public Answer updateCard(Params p) {
        Workplace w = Workplace.of(p);
        PersonNumber pn = patient(p, "patient");
        String cardType = cardType(p);
        CurrentCard current = currentCard(w, wire(pn), cardType, "Patienten");
        if (current.problem() != null) {
            return current.problem();
        }
        Card c = current.card();
        String cardId = p.str("cardId", c.cardId());
        LocalDate validFrom = p.date("validFrom", c.preliminaryCardDate());
        LocalDate validTo = p.date("validTo", c.endDate());
        LocalDate start = c.startDate() != null ? c.startDate() : validFrom;
        if (validFrom == null || validTo == null) {
            throw new BadParameter(validFrom == null ? "validFrom" : "validTo", "required: the card has none");
        }
        SoapCall call = client.updateCard(w, c.cardSystemId(), cardId, start, validTo, validFrom);
        if (!performed(call)) {
            return Answer.failed(problemText(call)).put("registered", false);
        }
        return Answer.done(performedText(call)).put("registered", true);
    }

    public Answer orderCard(Params p) {
        Workplace w = Workplace.of(p);
        PersonNumber pn = patient(p, "patient");
        String personId = wire(pn);
        CurrentCard current = currentCard(w, personId, cardType(p), "Patienten");
        if (current.problem() != null) {
            return current.problem();
        }
        SoapCall call = client.orderNewCard(w, personId, current.card().cardSystemId());
        if (!performed(call)) {
            return Answer.failed(problemText(call)).put("registered", false);
        }
        return Answer.done(performedText(call)).put("registered", true);
    }

    public Answer readConsent(Params p) {
        Workplace w = Workplace.of(p);
        PersonNumber pn = patient(p, "patient");
        boolean consent = p.bool("consent");
        String cardType = cardType(p);
        String personId = wire(pn);
        SoapCall call = withOptIn(w, personId, cardType, () -> client.updateReadConsent(w, personId, cardType, consent));
        if (!performed(call)) {
            return Answer.failed(problemText(call)).put("registered", false);
        }
        return Answer.done(performedText(call)).put("registered", true);
    }

    public Answer group(Params p) {
        Workplace w = Workplace.of(p);
        PersonNumber child = patient(p, "patient");
        PersonNumber guardian = patient(p, "guardian");
        String cardType = cardType(p);
        CurrentCard current = currentCard(w, wire(guardian), cardType, "Vårdnadshavaren");
        if (current.problem() != null) {
            return current.problem();
        }
        SoapCall call = client.groupPerson(w, current.card().cardSystemId(), wire(child));
        if (!performed(call)) {
            return Answer.failed(problemText(call)).put("registered", false);
        }
        return Answer.done(performedText(call)).put("registered", true)
                .put("cardId", current.card().cardId());
    }
}
