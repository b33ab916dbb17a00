package se.conformance.checklist;

/**
 * A text in Swedish and English. Swedish is the language of the process and the approvers;
 * English is for suppliers and tooling outside Sweden.
 *
 * @param sv the Swedish text
 * @param en the English text
 */
public record LocalizedText(String sv, String en) {}
