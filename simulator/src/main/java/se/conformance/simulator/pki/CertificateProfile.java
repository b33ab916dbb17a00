package se.conformance.simulator.pki;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** What a certificate issued by the {@link TestCa} says and may be used for (tests add deliberately wrong ones). */
public interface CertificateProfile {

    X500Name subject();

    /** The extended key usage (client or server authentication). */
    KeyPurposeId purpose();

    /** subjectAltName entries; none for a function certificate. */
    GeneralNames alternativeNames();

    /**
     * A SITHS-like function (system) certificate: the vendor system's HSA-id in the subject
     * serialNumber (OID 2.5.4.5), the system's name as CN, C=SE; for TLS client authentication.
     */
    record FunctionCertificate(String hsaId, String systemName, String organisation) implements CertificateProfile {

        /** An HSA-id: country or test prefix, organisation number, '-', local part (e.g. TSTNMT2321000156-1002). */
        public static final Pattern HSA_ID = Pattern.compile("[A-Z]{2,6}[0-9]{10}-[0-9A-Za-z]{1,20}");

        public FunctionCertificate {
            Objects.requireNonNull(hsaId, "hsaId");
            if (!HSA_ID.matcher(hsaId).matches()) {
                throw new IllegalArgumentException("'" + hsaId + "' is not an HSA-id (e.g. TSTNMT2321000156-1002; pattern "
                        + HSA_ID.pattern() + ")");
            }
            if (systemName == null || systemName.isBlank()) throw new IllegalArgumentException("the system needs a name");
        }

        @Override
        public X500Name subject() {
            X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "SE");
            if (organisation != null && !organisation.isBlank()) b.addRDN(BCStyle.O, organisation);
            return b.addRDN(BCStyle.CN, systemName).addRDN(BCStyle.SERIALNUMBER, hsaId).build();
        }

        @Override
        public KeyPurposeId purpose() {
            return KeyPurposeId.id_kp_clientAuth;
        }

        @Override
        public GeneralNames alternativeNames() {
            return null;
        }
    }

    /** A TLS server certificate for the simulator: CN the first name, every DNS name and IP address as subjectAltName. */
    record ServerCertificate(List<String> dnsNames, List<String> ipAddresses) implements CertificateProfile {

        public ServerCertificate {
            dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
            ipAddresses = ipAddresses == null ? List.of() : List.copyOf(ipAddresses);
            if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
                throw new IllegalArgumentException("a server certificate needs at least one DNS name or IP address");
            }
        }

        @Override
        public X500Name subject() {
            String cn = dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0);
            return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "SE").addRDN(BCStyle.CN, cn).build();
        }

        @Override
        public KeyPurposeId purpose() {
            return KeyPurposeId.id_kp_serverAuth;
        }

        @Override
        public GeneralNames alternativeNames() {
            List<GeneralName> names = new ArrayList<>();
            dnsNames.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
            ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
            return new GeneralNames(names.toArray(GeneralName[]::new));
        }
    }
}
