# language: sv
@intyg @klient
Egenskap: Frågor och svar på intyg (journalsystemet som klient)
  Journalsystemet besvarar mottagarens frågor och kompletterar intyg när mottagaren begär det.

  Bakgrund:
    Givet att Intygstjänsterna är nollställda och dagens datum är "2025-03-10"

  @INT-QA-001 @niva-5 @kontrakt-RegisterCertificate
  Scenario: En begäran om komplettering besvaras med ett kompletterande intyg
    Givet att patienten "191212121212" har ett signerat och skickat LISJP-intyg med en kompletteringsbegäran från Försäkringskassan
    När journalsystemet kompletterar intyget
    Så har journalsystemet anropat RegisterCertificate
    Och har det kompletterande intyget relationen KOMPLT till originalet och svarar på frågan
    Och följer varje anrop från journalsystemet kontraktets schema och besvarades OK

  @INT-QA-003 @niva-5 @kontrakt-SendMessageToRecipient
  Scenario: En fråga från Försäkringskassan besvaras
    Givet att patienten "191212121212" har ett signerat och skickat LISJP-intyg med en fråga från Försäkringskassan
    När journalsystemet besvarar frågan med texten "Patienten har fått förnyad bedömning."
    Så har journalsystemet anropat SendMessageToRecipient
    Och svarar meddelandet på Försäkringskassans fråga
    Och följer varje anrop från journalsystemet kontraktets schema och besvarades OK
