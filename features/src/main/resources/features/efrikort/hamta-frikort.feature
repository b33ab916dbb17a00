# language: sv
@efrikort @klient
Egenskap: Hämta frikort
  Kassan slår upp patientens högkostnadsskydd i e-frikort innan den tar betalt, med
  personnumret i tolv siffror, och visar vad tjänsten svarar.

  Bakgrund:
    Givet att e-frikort är nollställt och dagens datum är "2025-03-10"

  @EFK-GET-001 @niva-2 @kontrakt-GetCardForPerson
  Scenario: Kassan hämtar patientens frikort
    Givet att patienten "19121212-1212" har ett frikort som är FINAL
    När kassan slår upp frikortet för patient "19121212-1212"
    Så har kassan anropat GetCardForPerson
    Och följer varje anrop från kassan kontraktets schema och besvarades OK
    Och visar kassan att patienten har frikort med status FINAL

  @EFK-ID-001 @niva-2 @kontrakt-GetCardForPerson @kontrakt-RegisterTransaction
  Abstrakt Scenario: Identitetsnummer skickas som tolv siffror utan bindestreck
    När kassan tar betalt för ett besök av patient "<inmatat>" med avgiften 200 kr
    Så bär varje anrop från kassan personId "<skickat>"
    Och följer varje anrop från kassan kontraktets schema och besvarades OK

    Exempel:
      | slag              | inmatat       | skickat      |
      | personnummer      | 19121212-1212 | 191212121212 |
      | samordningsnummer | 19701063-2391 | 197010632391 |

  @EFK-ERR-005 @niva-4 @kontrakt-GetCardForPerson
  Scenario: Ett anrop som aldrig besvaras ges upp och rapporteras
    Givet att e-frikort inte svarar på GetCardForPerson inom 40 sekunder
    När kassan slår upp frikortet för patient "19121212-1212"
    Så svarade kassan inom 30 sekunder
    Och rapporterade kassan att anropet misslyckades
    Men kassan går att använda igen: en ny uppslagning för patient "19121212-1212" lyckas

  @EFK-ERR-006 @niva-5 @kontrakt-GetCardForPerson
  Scenario: Ett långsamt svar inväntas och används
    Givet att patienten "19121212-1212" har ett frikort som är FINAL
    Och att e-frikort svarar på GetCardForPerson först efter 3 sekunder
    När kassan slår upp frikortet för patient "19121212-1212"
    Så visar kassan att patienten har frikort med status FINAL
