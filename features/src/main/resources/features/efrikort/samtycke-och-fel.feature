# language: sv
@efrikort @klient
Egenskap: Samtycke, behörighet och fel från tjänsten
  Kassan hanterar opt-in, opt-out och nekad behörighet, visar tjänstens resultText och
  klarar SOAP-fel.

  Bakgrund:
    Givet att e-frikort är nollställt och dagens datum är "2025-03-10"

  @EFK-OPT-001 @niva-3 @kontrakt-RegisterTransaction @kontrakt-RegisterOptIn
  Scenario: Vid OPTINREQUIRED registreras patientens samtycke och avgiften på nytt
    Givet att regionen "SE2321000999-OPTIN" kräver opt-in och kassans användare är behörig där
    När kassan tar betalt för ett besök av patient "19121212-1212" i regionen "SE2321000999-OPTIN" med avgiften 200 kr
    Så har kassan anropat RegisterOptIn
    Och har kassan registrerat 200 kr med RegisterTransaction

  @EFK-ERR-001 @niva-3 @kontrakt-RegisterTransaction
  Abstrakt Scenario: Tjänstens resultText visas för användaren vid <kod>
    Givet att e-frikort svarar <kod> med texten "<text>" på RegisterTransaction
    När kassan tar betalt för ett besök av patient "19121212-1212" med avgiften 200 kr
    Så har kassan visat texten "<text>"

    Exempel:
      | kod   | text                                                      |
      | ERROR | Tekniskt fel hos e-frikort, försök igen senare            |
      | INFO  | Avgiften registrerades; kontrollera patientens adress i e-frikort |

  @EFK-ERR-002 @niva-3 @kontrakt-RegisterTransaction
  Scenario: En patient som valt bort e-frikort får ingen registrering
    Givet att patienten "19121212-1212" har valt bort e-frikort
    När kassan tar betalt för ett besök av patient "19121212-1212" med avgiften 200 kr
    Så har patienten betalat 200 kr
    Och besvarades ett anrop från kassan med OPTOUT
    Och har kassan inte registrerat någon avgift
    Och har kassan visat ett meddelande

  @EFK-ERR-003 @niva-3 @kontrakt-RegisterTransaction
  Scenario: Nekad behörighet rapporteras och försöks inte igen
    När användaren "TSTNMT2321000156-9999" tar betalt för ett besök av patient "19121212-1212" med avgiften 200 kr
    Så besvarades kassans RegisterTransaction med ACCESSDENIED
    Och har kassan anropat RegisterTransaction en gång
    Och har kassan visat ett meddelande

  @EFK-ERR-004 @niva-4 @kontrakt-RegisterTransaction
  Scenario: Ett SOAP-fel rapporteras och avgiften visas inte som registrerad
    Givet att e-frikort svarar med ett SOAP-fel "Tjänsten är tillfälligt otillgänglig" på RegisterTransaction
    När kassan tar betalt för ett besök av patient "19121212-1212" med avgiften 200 kr
    Så rapporterade kassan att anropet misslyckades
    Och visar kassan inte avgiften som registrerad
