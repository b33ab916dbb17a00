package se.conformance.vendor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What the vendor system holds in memory; {@link #clear()} is the driver's reset. */
public final class VendorState {

    /** A fee the vendor registered in e-frikort (the latest version it sent). */
    public record Registration(String transactionId, String carePrincipal, String careProvider, String unit,
                               String personId, String cardType, LocalDate transactionDate, BigDecimal amount) {
        public Registration withAmount(BigDecimal newAmount) {
            return new Registration(transactionId, carePrincipal, careProvider, unit, personId, cardType,
                    transactionDate, newAmount);
        }
    }

    /** A certificate (or draft) the journal knows: created by it, or learnt from a notification. */
    public record Certificate(String id, String unit, String patient, String type, String ref) {
    }

    /** One CertificateStatusUpdateForCare received and what the user was shown for it. */
    public record Notification(String key, String certificateId, String code, String amne, String timestamp,
                               String shown) {
    }

    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();
    private final Map<String, Certificate> certificates = new ConcurrentHashMap<>();
    private final Map<String, Notification> notifications = new LinkedHashMap<>();

    public void clear() {
        registrations.clear();
        certificates.clear();
        synchronized (notifications) {
            notifications.clear();
        }
    }

    public void putRegistration(Registration r) {
        registrations.put(r.transactionId(), r);
    }

    public Optional<Registration> registration(String transactionId) {
        return Optional.ofNullable(registrations.get(transactionId));
    }

    public void putCertificate(Certificate c) {
        certificates.put(c.id(), c);
    }

    public void putCertificateIfAbsent(Certificate c) {
        certificates.putIfAbsent(c.id(), c);
    }

    public Optional<Certificate> certificate(String id) {
        return Optional.ofNullable(certificates.get(id));
    }

    /** Remembers a notification; false when one with the same key was already there. */
    public boolean addNotification(Notification n) {
        synchronized (notifications) {
            return notifications.putIfAbsent(n.key(), n) == null;
        }
    }

    public List<Notification> notifications(String certificateId) {
        synchronized (notifications) {
            List<Notification> out = new ArrayList<>();
            for (Notification n : notifications.values()) {
                if (certificateId == null || certificateId.equals(n.certificateId())) {
                    out.add(n);
                }
            }
            return out;
        }
    }
}
