package se.conformance.simulator.soap;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves an operation's WSDL and the schemas it imports, as a RIV-TA producer does: the WSDL at
 * {@code <path>?wsdl} with its address set to where it was fetched from, and every import
 * rewritten to {@code <path>?xsd=<file>} so a client generator can follow them. Only files under
 * the service's contract folder can be served.
 */
final class ContractDocuments {

    private static final Pattern IMPORT = Pattern.compile("(schemaLocation|location)=\"([^\"]+)\"");
    private static final Pattern ADDRESS = Pattern.compile("(<(?:\\w+:)?address\\s+location=\")([^\"]+)(\")");

    private ContractDocuments() {}

    /** The WSDL of {@code operation}, addressed to {@code endpointUrl}. */
    static String wsdl(SoapOperation operation, String endpointUrl) {
        String text = read(operation.wsdlResource());
        text = ADDRESS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + endpointUrl + m.group(3)));
        return rewriteImports(text, operation.wsdlResource(), endpointUrl);
    }

    /**
     * A schema the WSDL refers to, by its path relative to the contract root.
     *
     * @return the schema text, or {@code null} when no such file may be served
     */
    static String schema(SoapOperation operation, String relativePath, String endpointUrl) {
        String root = contractRoot(operation);
        String resource = URI.create("x:/" + root).resolve(relativePath).normalize().getPath().substring(1);
        if (!resource.startsWith(root) || !resource.endsWith(".xsd")) return null;
        String text = readOrNull(resource);
        return text == null ? null : rewriteImports(text, resource, endpointUrl);
    }

    private static String rewriteImports(String text, String resource, String endpointUrl) {
        String root = contractRoot(resource);
        String dir = resource.substring(0, resource.lastIndexOf('/') + 1);
        return IMPORT.matcher(text).replaceAll(m -> {
            String target = m.group(2);
            if (!target.endsWith(".xsd") || target.contains("://")) return Matcher.quoteReplacement(m.group());
            String absolute = URI.create("x:/" + dir).resolve(target).normalize().getPath().substring(1);
            String relative = absolute.startsWith(root) ? absolute.substring(root.length()) : target;
            return Matcher.quoteReplacement(m.group(1) + "=\"" + endpointUrl + "?xsd=" + relative + "\"");
        });
    }

    /** {@code contracts/<service>/}: the folder every file of one service lives in. */
    private static String contractRoot(SoapOperation operation) {
        return contractRoot(operation.wsdlResource());
    }

    private static String contractRoot(String resource) {
        int first = resource.indexOf('/');
        int second = resource.indexOf('/', first + 1);
        return resource.substring(0, second + 1);
    }

    private static String read(String resource) {
        String text = readOrNull(resource);
        if (text == null) throw new IllegalStateException("contract file missing from the classpath: " + resource);
        return text;
    }

    private static String readOrNull(String resource) {
        try (InputStream in = ContractDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
