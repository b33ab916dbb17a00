# language: sv
@intyg @klient
Egenskap: Skapa utkast och lista intyg (journalsystemet som klient till Webcert)
  Journalsystemet skapar intygsutkast med CreateDraftCertificate och listar patientens intyg
  med frågor och svar med ListCertificatesForCareWithQA.

  Bakgrund:
    Givet att Intygstjänsterna är nollställda och dagens datum är "2025-03-10"

  @INT-DRAFT-001 @niva-2 @kontrakt-CreateDraftCertificate
  Scenario: Ett utkast till läkarintyg för sjukpenning skapas
    När journalsystemet skapar ett utkast av typen LISJP för patient "19121212-1212"
    Så har journalsystemet anropat CreateDraftCertificate
    Och bär anropet CreateDraftCertificate person-id "191212121212"
    Och bär anropet CreateDraftCertificate en fullständig skapadAv
    Och följer varje anrop från journalsystemet kontraktets schema och besvarades OK
    Och har journalsystemet fått intygets id

  @INT-LIST-001 @niva-3 @kontrakt-ListCertificatesForCareWithQA
  Scenario: Patientens intyg med frågor och svar listas
    Givet att patienten "191212121212" har ett signerat och skickat LISJP-intyg med en fråga från Försäkringskassan
    När journalsystemet listar intygen för patient "19121212-1212"
    Så har journalsystemet anropat ListCertificatesForCareWithQA
    Och följer varje anrop från journalsystemet kontraktets schema och besvarades OK
    Och visar journalsystemet intyget med 1 fråga
