package se.conformance.simulator.intyg.soap;

import java.time.LocalDate;
import java.time.LocalDateTime;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import se.conformance.simulator.intyg.IntygCommands;
import se.conformance.simulator.intyg.Outcome;
import se.conformance.simulator.intyg.contract.core.ErrorIdType;
import se.conformance.simulator.intyg.contract.core.ResultCodeType;
import se.conformance.simulator.intyg.contract.core.ResultType;
import se.conformance.simulator.intyg.contract.types.HsaId;
import se.conformance.simulator.intyg.contract.types.IntygId;
import se.conformance.simulator.intyg.contract.types.Part;
import se.conformance.simulator.intyg.contract.types.PersonId;
import se.conformance.simulator.intyg.contract.types.TypAvIntyg;

/**
 * The small contract types of the certificate contracts (ids, codes, time stamps, ResultType) to and
 * from the domain's plain values. Code systems and roots are those of intyg.md §4.2, §4.3 and §4.6.
 */
final class ContractTypes {
    private ContractTypes() {}

    static final String KV_INTYGSTYP = "b64ea353-e8f6-4832-b563-fc7d46f29548";
    static final String KV_PART = "769bb12b-bd9f-4203-a5cd-fd14f2eb3b80";
    static final String KV_STATUS = "9871cd17-8755-4ed9-b894-ff3729e775a4";
    static final String KV_RELATION = "c2362fcd-eda0-4f9a-bd13-b3bbaf7f2146";
    static final String KV_AMNE = "ffa59d8f-8d7e-46ae-ac9e-31804e8e8499";
    static final String KV_HANDELSE = "dfd7bbad-dbe5-4a2f-ba25-f7b9b2cc6b14";
    static final String HSA_ROOT = "1.2.752.129.2.1.4.1";
    static final String PERSONNUMMER_ROOT = "1.2.752.129.2.1.3.1";
    static final String SAMORDNINGSNUMMER_ROOT = "1.2.752.129.2.1.3.3";
    static final String ARBETSPLATSKOD_ROOT = "1.2.752.29.4.71";
    static final String ICD10_SE = "1.2.752.116.1.1.1.1.3";

    private static final DatatypeFactory DATATYPES = datatypes();

    // --- ids and codes ------------------------------------------------------------------------------

    static IntygCommands.IntygId id(IntygId id) {
        return id == null ? null : new IntygCommands.IntygId(id.getRoot(), id.getExtension());
    }

    static IntygId intygId(IntygCommands.IntygId id) {
        return intygId(id.root(), id.extension());
    }

    static IntygId intygId(String root, String extension) {
        IntygId i = new IntygId();
        i.setRoot(root);
        i.setExtension(extension);
        return i;
    }

    static String extension(PersonId id) {
        return id == null ? null : id.getExtension();
    }

    static String extension(HsaId id) {
        return id == null ? null : id.getExtension();
    }

    /** A 12-digit identity number; a samordningsnummer (day of month + 60) gets its own root (§4.2). */
    static PersonId personId(String twelveDigits) {
        PersonId p = new PersonId();
        boolean coordination = twelveDigits != null && twelveDigits.matches("\\d{12}")
                && Integer.parseInt(twelveDigits.substring(6, 8)) > 60;
        p.setRoot(coordination ? SAMORDNINGSNUMMER_ROOT : PERSONNUMMER_ROOT);
        p.setExtension(twelveDigits);
        return p;
    }

    static HsaId hsaId(String extension) {
        HsaId h = new HsaId();
        h.setRoot(HSA_ROOT);
        h.setExtension(extension);
        return h;
    }

    static Part part(String code) {
        Part p = new Part();
        p.setCode(code);
        p.setCodeSystem(KV_PART);
        return p;
    }

    static TypAvIntyg typ(String code) {
        TypAvIntyg t = new TypAvIntyg();
        t.setCode(code);
        t.setCodeSystem(KV_INTYGSTYP);
        return t;
    }

    static String code(Part part) {
        return part == null ? null : part.getCode();
    }

    // --- time -----------------------------------------------------------------------------------------

    static LocalDateTime localDateTime(XMLGregorianCalendar c) {
        if (c == null) return null;
        return LocalDateTime.of(c.getYear(), c.getMonth(), c.getDay(), orZero(c.getHour()), orZero(c.getMinute()),
                orZero(c.getSecond()));
    }

    static LocalDate localDate(XMLGregorianCalendar c) {
        return c == null ? null : LocalDate.of(c.getYear(), c.getMonth(), c.getDay());
    }

    /** {@code TimeStampType}: seconds, no fraction, no zone (§4.3). */
    static XMLGregorianCalendar timestamp(LocalDateTime t) {
        return t == null ? null : DATATYPES.newXMLGregorianCalendar(t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond(), DatatypeConstants.FIELD_UNDEFINED,
                DatatypeConstants.FIELD_UNDEFINED);
    }

    /** {@code TimeStampMedMillisekunder}: exactly three fraction digits, no zone (§4.3). */
    static XMLGregorianCalendar timestampMillis(LocalDateTime t) {
        return t == null ? null : DATATYPES.newXMLGregorianCalendar(t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000, DatatypeConstants.FIELD_UNDEFINED);
    }

    /** {@code DateType}: YYYY-MM-DD, no zone. */
    static XMLGregorianCalendar date(LocalDate d) {
        return d == null ? null : DATATYPES.newXMLGregorianCalendarDate(d.getYear(), d.getMonthValue(),
                d.getDayOfMonth(), DatatypeConstants.FIELD_UNDEFINED);
    }

    private static int orZero(int field) {
        return field == DatatypeConstants.FIELD_UNDEFINED ? 0 : field;
    }

    // --- results --------------------------------------------------------------------------------------

    /** The contract's ResultType of a {@link Outcome.Kind#RESULT} outcome. */
    static ResultType result(Outcome<?> outcome) {
        return result(outcome.resultCode().name(), outcome.errorId() == null ? null : outcome.errorId().name(),
                outcome.resultText());
    }

    static ResultType result(String resultCode, String errorId, String resultText) {
        ResultType r = new ResultType();
        r.setResultCode(ResultCodeType.fromValue(resultCode));
        r.setResultText(resultText);
        r.setErrorId(errorId == null ? null : ErrorIdType.fromValue(errorId));
        return r;
    }

    private static DatatypeFactory datatypes() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
