# language: sv
@efrikort @klient
Egenskap: Registrera, administrera och beställa frikort
  Frikort från en annan källa registreras, rättas och beställs på nytt.

  Bakgrund:
    Givet att e-frikort är nollställt och dagens datum är "2025-03-10"

  @EFK-CARD-001 @niva-4 @kontrakt-RegisterCard
  Scenario: Ett frikort från en annan region registreras med sitt nummer
    När kassan registrerar frikortet "NB-2025-4711" från en annan region för patient "19121212-1212" giltigt från "2025-02-01"
    Så har kassan anropat RegisterCard
    Och bär anropet RegisterCard cardReason "VALID_CARD"
    Och följer varje anrop från kassan kontraktets schema och besvarades OK

  @EFK-CARD-002 @niva-4 @kontrakt-UpdateCard
  Scenario: Ett frikorts giltighet rättas
    Givet att kassan har registrerat frikortet "NB-2025-4711" från en annan region för patient "19121212-1212" giltigt från "2025-02-01"
    När kassan ändrar frikortets giltighet för patient "19121212-1212" till "2025-02-03" – "2026-01-31"
    Så har kassan anropat UpdateCard
    Och följer varje anrop från kassan kontraktets schema och besvarades OK

  @EFK-CARD-003 @niva-4 @kontrakt-OrderNewCard
  Scenario: Ett nytt frikort beställs för ett slutligt frikort
    Givet att patienten "19121212-1212" har ett frikort som är FINAL
    När kassan beställer ett nytt frikort för patient "19121212-1212"
    Så har kassan anropat OrderNewCard
    Och följer varje anrop från kassan kontraktets schema och besvarades OK

  @EFK-CONS-001 @niva-4 @kontrakt-UpdateReadConsent
  Scenario: Patientens samtycke till läsning registreras
    Givet att patienten "19121212-1212" har betalat 200 kr i öppenvård
    När kassan registrerar patienten "19121212-1212"s samtycke till läsning
    Så har kassan anropat UpdateReadConsent
    Och följer varje anrop från kassan kontraktets schema och besvarades OK

  @EFK-GRP-001 @niva-5 @kontrakt-GroupPerson
  Scenario: Ett barn grupperas med vårdnadshavarens frikort
    Givet att patienten "19121212-1212" har betalat 200 kr i öppenvård
    Och att patienten "20150315-2389" har betalat 100 kr i öppenvård
    När kassan grupperar barnet "20150315-2389" med "19121212-1212"
    Så har kassan anropat GroupPerson
    Och följer varje anrop från kassan kontraktets schema och besvarades OK
