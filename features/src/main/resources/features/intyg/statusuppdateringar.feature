# language: sv
@intyg @server @kontrakt-CertificateStatusUpdateForCare
Egenskap: Ta emot statusuppdateringar (journalsystemet som tjänsteproducent)
  Webcert skickar CertificateStatusUpdateForCare för varje händelse på ett intyg. Journalsystemet
  svarar snabbt, tål dubbletter, händelser i fel ordning och ofullständiga utkast, avvisar
  felaktiga anrop och använder TECHNICAL_ERROR bara för det som är värt ett nytt försök.

  Bakgrund:
    Givet att Intygstjänsterna är nollställda och dagens datum är "2025-03-10"

  @INT-NOT-001 @niva-2
  Abstrakt Scenario: Varje händelse besvaras OK
    När tjänsten skickar händelsen <händelse> för ett LISJP-intyg till journalsystemet
    Så svarar journalsystemet OK

    Exempel:
      | händelse |
      | SKAPAT   |
      | ANDRAT   |
      | KFSIGN   |
      | SIGNAT   |
      | SKICKA   |
      | RADERA   |
      | MAKULE   |
      | NYFRFM   |
      | NYSVFM   |
      | NYFRFV   |
      | HANFRFM  |
      | HANFRFV  |

  @INT-NOT-002 @niva-2
  Scenario: Svaret följer kontraktets schema och namnrymder
    När tjänsten skickar händelsen SIGNAT för ett LISJP-intyg till journalsystemet
    Så följer journalsystemets svar kontraktets schema

  @INT-NOT-003 @niva-3
  Scenario: En händelse för ett ofullständigt utkast besvaras OK
    När tjänsten skickar händelsen SKAPAT för ett ofullständigt LISJP-utkast till journalsystemet
    Så svarar journalsystemet OK

  @INT-NOT-004 @niva-3
  Scenario: En dubblett besvaras OK eller INFO, aldrig TECHNICAL_ERROR
    När tjänsten skickar händelsen SIGNAT för ett LISJP-intyg till journalsystemet
    Och tjänsten skickar samma händelse igen
    Så svarar journalsystemet OK eller INFO

  @INT-NOT-005 @niva-4
  Scenario: Händelser i fel ordning besvaras OK
    När tjänsten skickar händelsen SIGNAT för ett LISJP-intyg till journalsystemet
    Och tjänsten skickar händelsen KFSIGN för samma intyg med en tidigare tidpunkt
    Så svarar journalsystemet OK

  @INT-NOT-006 @niva-4
  Scenario: En händelse besvaras inom två sekunder
    När tjänsten skickar händelsen SKICKA för ett LISJP-intyg till journalsystemet
    Så svarade journalsystemet inom 2 sekunder

  @INT-NOT-007 @niva-4
  Scenario: Ett anrop som inte följer schemat avvisas
    När tjänsten skickar ett anrop utan händelsekod till journalsystemet
    Så avvisar journalsystemet anropet med ett SOAP-fel eller ERROR VALIDATION_ERROR

  @INT-QA-002 @niva-5
  Scenario: En påminnelse från Försäkringskassan visas för användaren
    När tjänsten skickar händelsen NYFRFM med ämnet PAMINN för ett LISJP-intyg till journalsystemet
    Så svarar journalsystemet OK
    Och visar journalsystemet en påminnelse för intyget
