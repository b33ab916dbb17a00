package se.conformance.simulator.intyg.notification;

/**
 * Certificate XML as the domain stores it: the {@code intyg} element of a RegisterCertificate as received
 * (a LISJP 1.3 on the default unit) and a draft's {@code intyg} as rendered before the draft has an id,
 * with the gaps Webcert repairs (empty arbetsplatskod, empty epost).
 */
final class IntygFixtures {

    static final String RC_NS = "urn:riv:clinicalprocess:healthcond:certificate:RegisterCertificateResponder:3";
    static final String UNIT = "TSTNMT2321000156-1077";
    static final String OTHER_UNIT = "TSTNMT2321000156-1078";
    static final String PROVIDER = "TSTNMT2321000156-1002";
    static final String DOCTOR = "TSTNMT2321000156-1079";

    private static final String NAMESPACES = " xmlns:r=\"" + RC_NS + "\""
            + " xmlns:c=\"urn:riv:clinicalprocess:healthcond:certificate:3\""
            + " xmlns:t=\"urn:riv:clinicalprocess:healthcond:certificate:types:3\""
            + " xmlns:m1=\"urn:riv:clinicalprocess:healthcond:certificate:3.2\"";

    private IntygFixtures() {}

    /** The content of a signed LISJP {@code id} issued on {@code unit}: the children of {@code intyg}. */
    static String content(String id, String unit) {
        return """
                <c:intygs-id><t:root>%1$s</t:root><t:extension>%2$s</t:extension></c:intygs-id>
                <c:typ><t:code>LISJP</t:code><t:codeSystem>b64ea353-e8f6-4832-b563-fc7d46f29548</t:codeSystem></c:typ>
                <c:version>1.3</c:version>
                <c:signeringstidpunkt>2025-03-10T07:30:00</c:signeringstidpunkt>
                <c:skickatTidpunkt>2025-03-10T07:30:00</c:skickatTidpunkt>
                %3$s
                <c:skapadAv>
                  <c:personal-id><t:root>1.2.752.129.2.1.4.1</t:root><t:extension>%4$s</t:extension></c:personal-id>
                  <c:fullstandigtNamn>Ajla Doktor</c:fullstandigtNamn>
                  <c:forskrivarkod>1234567</c:forskrivarkod>
                  <c:befattning><t:code>203090</t:code><t:codeSystem>1.2.752.129.2.2.1.4</t:codeSystem></c:befattning>
                  %5$s
                  <m1:legitimeratYrke><t:code>LK</t:code><t:codeSystem>1.2.752.29.23.1.6</t:codeSystem></m1:legitimeratYrke>
                </c:skapadAv>
                <c:svar id="6">
                  <c:delsvar id="6.1">Akut bronkit</c:delsvar>
                  <c:delsvar id="6.2"><t:cv><t:code>J20</t:code><t:codeSystem>1.2.752.116.1.1.1.1.3</t:codeSystem></t:cv></c:delsvar>
                </c:svar>
                <c:svar id="32">
                  <c:instans>1</c:instans>
                  <c:delsvar id="32.1"><t:cv><t:code>HELT_NEDSATT</t:code><t:codeSystem>KV_FKMU_0003</t:codeSystem></t:cv></c:delsvar>
                  <c:delsvar id="32.2"><t:datePeriod><t:start>2025-03-01</t:start><t:end>2025-03-14</t:end></t:datePeriod></c:delsvar>
                </c:svar>
                """.formatted(unit, id, patient(), DOCTOR, unit(unit, "1234567890", "vc@example.se", PROVIDER));
    }

    /** RegisterCertificate's {@code intyg} as received, alone: what the adapter stores. */
    static String signed(String id) {
        return signed(id, UNIT);
    }

    static String signed(String id, String unit) {
        return "<r:intyg" + NAMESPACES + ">" + content(id, unit) + "</r:intyg>";
    }

    /** A whole RegisterCertificate request, as another way of storing the same certificate. */
    static String registerCertificateElement(String id) {
        return "<r:RegisterCertificate" + NAMESPACES + "><r:svarPa><c:meddelande-id>m-1</c:meddelande-id></r:svarPa>"
                + "<r:intyg>" + content(id, UNIT) + "</r:intyg></r:RegisterCertificate>";
    }

    /** A whole envelope with the request, as a third way. */
    static String envelope(String id) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + registerCertificateElement(id) + "</soap:Body></soap:Envelope>";
    }

    /** The same certificate with the core and types prefixes swapped, all declared on the root. */
    static String signedWithOtherPrefixes(String id) {
        String swapped = content(id, UNIT).replace("<c:", "<X:").replace("</c:", "</X:")
                .replace("<t:", "<c:").replace("</t:", "</c:").replace("<X:", "<t:").replace("</X:", "</t:");
        return "<q:intyg xmlns:q=\"urn:something:else\""
                + " xmlns:t=\"urn:riv:clinicalprocess:healthcond:certificate:3\""
                + " xmlns:c=\"urn:riv:clinicalprocess:healthcond:certificate:types:3\""
                + " xmlns:m1=\"urn:riv:clinicalprocess:healthcond:certificate:3.2\">" + swapped + "</q:intyg>";
    }

    /**
     * A draft as rendered at CreateDraftCertificate (the SOAP adapter's form): the id's extension, the
     * version and the care provider's id are blank until the domain assigns them; the unit's arbetsplatskod
     * and epost are empty.
     */
    static String draft() {
        return "<r:intyg" + NAMESPACES + ">"
                + "<c:intygs-id><t:root>" + UNIT + "</t:root><t:extension></t:extension></c:intygs-id>"
                + "<c:typ><t:code>LISJP</t:code><t:codeSystem>b64ea353-e8f6-4832-b563-fc7d46f29548</t:codeSystem></c:typ>"
                + "<c:version></c:version>" + patient()
                + "<c:skapadAv><c:personal-id><t:root>1.2.752.129.2.1.4.1</t:root><t:extension>" + DOCTOR
                + "</t:extension></c:personal-id><c:fullstandigtNamn>Ajla Doktor</c:fullstandigtNamn>"
                + unit(UNIT, "", "", "") + "</c:skapadAv></r:intyg>";
    }

    /** A draft rendered without an id and a version at all. */
    static String draftWithoutIdAndVersion() {
        return draft().replaceAll("<c:intygs-id>.*?</c:intygs-id>", "").replace("<c:version></c:version>", "");
    }

    private static String patient() {
        return "<c:patient><c:person-id><t:root>1.2.752.129.2.1.3.1</t:root><t:extension>191212121212</t:extension>"
                + "</c:person-id><c:fornamn/><c:efternamn/><c:postadress/><c:postnummer/><c:postort/></c:patient>";
    }

    private static String unit(String unit, String arbetsplatskod, String epost, String provider) {
        return "<c:enhet><c:enhets-id><t:root>1.2.752.129.2.1.4.1</t:root><t:extension>" + unit + "</t:extension>"
                + "</c:enhets-id><c:arbetsplatskod><t:root>1.2.752.29.4.71</t:root><t:extension>" + arbetsplatskod
                + "</t:extension></c:arbetsplatskod><c:enhetsnamn>Testvårdenhet NMT</c:enhetsnamn>"
                + "<c:postadress>Storgatan 1</c:postadress><c:postnummer>12345</c:postnummer><c:postort>Småstad</c:postort>"
                + "<c:telefonnummer>0101234567</c:telefonnummer><c:epost>" + epost + "</c:epost>"
                + "<c:vardgivare><c:vardgivare-id><t:root>1.2.752.129.2.1.4.1</t:root><t:extension>" + provider
                + "</t:extension></c:vardgivare-id><c:vardgivarnamn>Testvårdgivare NMT</c:vardgivarnamn></c:vardgivare>"
                + "</c:enhet>";
    }
}
