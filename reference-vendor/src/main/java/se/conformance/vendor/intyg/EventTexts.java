package se.conformance.vendor.intyg;

/** What the journal shows its user for each event code of CertificateStatusUpdateForCare. */
public final class EventTexts {

    private EventTexts() {
    }

    public static String shown(String code, String amne, String sistaDatumForSvar) {
        String deadline = sistaDatumForSvar == null ? "" : " Svara senast " + sistaDatumForSvar + ".";
        return switch (code) {
            case "SKAPAT" -> "Utkast skapat i Webcert.";
            case "ANDRAT" -> "Utkastet har ändrats.";
            case "KFSIGN" -> "Utkastet är klart för signering.";
            case "SIGNAT" -> "Intyget är signerat.";
            case "SKICKA" -> "Intyget är skickat till mottagaren.";
            case "RADERA" -> "Utkastet är raderat.";
            case "MAKULE" -> "Intyget är makulerat.";
            case "NYFRFM" -> newQuestion(amne) + deadline;
            case "NYSVFM" -> "Nytt svar från mottagaren på en fråga från vården.";
            case "NYFRFV" -> "Fråga från vården skickad till mottagaren.";
            case "HANFRFM" -> "En fråga från mottagaren är hanterad.";
            case "HANFRFV" -> "En fråga från vården är hanterad.";
            default -> "Händelse " + code + " för intyget.";
        };
    }

    private static String newQuestion(String amne) {
        if (amne == null) {
            return "Ny fråga från mottagaren.";
        }
        return switch (amne) {
            case "PAMINN" -> "Påminnelse från mottagaren: en fråga om intyget väntar fortfarande på svar.";
            case "KOMPLT" -> "Mottagaren begär komplettering av intyget.";
            case "AVSTMN" -> "Ny fråga från mottagaren: avstämningsmöte.";
            case "KONTKT" -> "Ny fråga från mottagaren: kontakt önskas.";
            case "OVRIGT" -> "Ny fråga från mottagaren: övrigt.";
            default -> "Ny fråga från mottagaren (" + amne + ").";
        };
    }
}
