package se.conformance.vendor.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/** The JSON object of an action's parameters, read with checks that name the bad parameter. */
public final class Params {

    private final JsonNode json;

    public Params(JsonNode json) {
        this.json = json == null || json.isNull() ? JsonNodeFactory.instance.objectNode() : json;
    }

    public boolean has(String name) {
        JsonNode n = json.get(name);
        return n != null && !n.isNull() && !(n.isTextual() && n.asText().isBlank());
    }

    public String str(String name) {
        if (!has(name)) {
            throw new BadParameter(name, "required");
        }
        JsonNode n = json.get(name);
        if (n.isContainerNode()) {
            throw new BadParameter(name, "a string is expected");
        }
        return n.asText().trim();
    }

    public String str(String name, String fallback) {
        return has(name) ? str(name) : fallback;
    }

    public LocalDate date(String name) {
        String s = str(name);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "a date YYYY-MM-DD is expected, not '" + s + "'");
        }
    }

    public LocalDate date(String name, LocalDate fallback) {
        return has(name) ? date(name) : fallback;
    }

    public BigDecimal amount(String name) {
        String s = str(name).replace(',', '.').replace(" ", "");
        try {
            BigDecimal v = new BigDecimal(s);
            if (v.signum() < 0) {
                throw new BadParameter(name, "must not be negative: " + s);
            }
            if (v.stripTrailingZeros().scale() > 2) {
                throw new BadParameter(name, "at most two decimals (öre): " + s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadParameter(name, "an amount in kr is expected, not '" + s + "'");
        }
    }

    public boolean bool(String name) {
        JsonNode n = json.get(name);
        if (n == null || n.isNull()) {
            throw new BadParameter(name, "required (true or false)");
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        String s = n.asText().trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new BadParameter(name, "true or false is expected, not '" + n.asText() + "'");
    }

    public boolean bool(String name, boolean fallback) {
        return json.has(name) && !json.get(name).isNull() ? bool(name) : fallback;
    }

    /** One of {@code allowed} (case-insensitive), upper-cased. */
    public String oneOf(String name, String fallback, Set<String> allowed) {
        String v = str(name, fallback).toUpperCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new BadParameter(name, "one of " + allowed.stream().sorted().toList() + " is expected, not '" + v + "'");
        }
        return v;
    }
}
