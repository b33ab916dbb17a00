# language: sv
@efrikort @klient
Egenskap: Administrera avgift
  En registrerad avgift rättas med UpdateTransaction och makuleras med DeleteTransaction,
  båda med en orsak.

  Bakgrund:
    Givet att e-frikort är nollställt och dagens datum är "2025-03-10"
    Och att kassan har tagit betalt för ett besök av patient "19121212-1212" med avgiften 200 kr

  @EFK-ADM-001 @niva-3 @kontrakt-UpdateTransaction
  Scenario: En felaktig avgift rättas
    När kassan rättar avgiften till 150 kr med orsaken "Fel taxa"
    Så har kassan anropat UpdateTransaction
    Och bär anropet UpdateTransaction amount "150.00"
    Och följer varje anrop från kassan kontraktets schema och besvarades OK

  @EFK-ADM-002 @niva-3 @kontrakt-DeleteTransaction
  Scenario: En avgift makuleras med en orsak
    När kassan makulerar avgiften med orsaken "Registrerad på fel patient"
    Så har kassan anropat DeleteTransaction
    Och bär anropet DeleteTransaction deleteReason "Registrerad på fel patient"
    Och följer varje anrop från kassan kontraktets schema och besvarades OK
