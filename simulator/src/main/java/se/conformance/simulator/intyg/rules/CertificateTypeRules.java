package se.conformance.simulator.intyg.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import se.conformance.simulator.soap.SecureXml;

/**
 * The question-level rules of each certificate type, kept as Schematron files — the step
 * Intygstjänsten takes after type/version and person checks when it registers a certificate
 * (intyg.md §5.3, §12 note 2). Adding a type is adding a file.
 *
 * <p>Which files apply to a certificate of type {@code T}, version {@code M.m}:
 * <ol>
 *   <li>{@value #GENERIC}, always;</li>
 *   <li>{@code T.vM.sch} (e.g. {@code LISJP.v1.sch} for LISJP 1.3, {@code TSTRK1031.v4.sch} for 4.2),
 *       if the location has it — one file per type and major version, as the real service keeps one
 *       schematron per module major version.</li>
 * </ol>
 * A type (or major version) without a file of its own gets the generic rules only; so does a type
 * code that cannot be part of a file name or a version without a numeric major part.
 *
 * <p>Rule files are looked up on the class path under a location ({@value #LOCATION} by default),
 * compiled on first use and kept for the life of this object; {@link #validate} is safe to call
 * from many threads. A rule file that does not compile, or a rule that cannot be evaluated, is an
 * {@link IllegalStateException}: a defect of the rules, never reported as a fault of the certificate.
 */
public final class CertificateTypeRules {

    /** Class-path folder of the simulator's rule files. */
    public static final String LOCATION = "rules/intyg/";
    /** The file applied to every certificate type. */
    public static final String GENERIC = "generic.sch";

    private static final Pattern TYPE_CODE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern VERSION = Pattern.compile("(\\d+)(\\.\\d+)*");

    private final ClassLoader loader;
    private final String location;
    private final RuleFile generic;
    private final ConcurrentMap<String, Optional<RuleFile>> typeFiles = new ConcurrentHashMap<>();

    /** The rule files under {@code location} (a class-path folder ending in {@code /}), compiling the generic one now. */
    public CertificateTypeRules(ClassLoader loader, String location) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.location = Objects.requireNonNull(location, "location");
        if (loader.getResource(location + GENERIC) == null) {
            throw new IllegalStateException("Regelfilen " + location + GENERIC + " finns inte på klassvägen");
        }
        this.generic = RuleFile.compile(GENERIC, location + GENERIC, loader);
    }

    /**
     * The simulator's own rule files, compiled on the first {@code get()} and then shared: compiling
     * takes seconds, which must not delay the simulator's start.
     */
    public static java.util.function.Supplier<CertificateTypeRules> lazilyOnClasspath() {
        return new java.util.function.Supplier<>() {
            private volatile CertificateTypeRules rules;

            @Override
            public CertificateTypeRules get() {
                CertificateTypeRules r = rules;
                if (r == null) {
                    synchronized (this) {
                        if (rules == null) rules = onClasspath();
                        r = rules;
                    }
                }
                return r;
            }
        };
    }

    /** The simulator's own rule files, {@value #LOCATION} on this class's class path. */
    public static CertificateTypeRules onClasspath() {
        return new CertificateTypeRules(CertificateTypeRules.class.getClassLoader(), LOCATION);
    }

    /**
     * Applies the rules of {@code typeCode} version {@code version} to {@code intyg}, the certificate
     * element (core namespace children as in intyg.md §4.5a; its own name and namespace do not matter,
     * nor does the document it sits in, which is not modified).
     *
     * @return the violations, generic rules first, each file in its own order; empty if the
     *     certificate satisfies every rule
     */
    public List<RuleViolation> validate(String typeCode, String version, Element intyg) {
        Objects.requireNonNull(intyg, "intyg");
        Document certificate = SecureXml.documentBuilder().newDocument();
        certificate.appendChild(certificate.importNode(intyg, true));
        List<RuleViolation> violations = new ArrayList<>();
        for (RuleFile file : filesFor(typeCode, version)) {
            violations.addAll(file.check(certificate));
        }
        return violations;
    }

    /**
     * The names of the rule files {@link #validate} applies to this type and version, in order,
     * compiling any not compiled yet (so a caller can pay that cost, some 100 ms a file, at start-up).
     */
    public List<String> ruleFilesFor(String typeCode, String version) {
        return filesFor(typeCode, version).stream().map(RuleFile::name).toList();
    }

    /** The file name of a type's rules for a major version: {@code TYPE.vMAJOR.sch}. */
    public static String typeFileName(String typeCode, int majorVersion) {
        return typeCode + ".v" + majorVersion + ".sch";
    }

    /** The major part of a text version ({@code 1} for {@code 1.3} and {@code 1}); empty if it has none. */
    static OptionalInt majorVersion(String version) {
        Matcher m = VERSION.matcher(version.strip());
        if (!m.matches() || m.group(1).length() > 9) return OptionalInt.empty();
        return OptionalInt.of(Integer.parseInt(m.group(1)));
    }

    List<RuleFile> filesFor(String typeCode, String version) {
        Objects.requireNonNull(typeCode, "typeCode");
        Objects.requireNonNull(version, "version");
        OptionalInt major = majorVersion(version);
        if (!TYPE_CODE.matcher(typeCode).matches() || major.isEmpty()) return List.of(generic);
        String name = typeFileName(typeCode, major.getAsInt());
        Optional<RuleFile> typeFile = typeFiles.computeIfAbsent(name, this::load);
        return typeFile.map(file -> List.of(generic, file)).orElseGet(() -> List.of(generic));
    }

    private Optional<RuleFile> load(String name) {
        String path = location + name;
        if (loader.getResource(path) == null) return Optional.empty();
        return Optional.of(RuleFile.compile(name, path, loader));
    }
}
