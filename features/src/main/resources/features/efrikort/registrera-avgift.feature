# language: sv
@efrikort @klient
Egenskap: Registrera avgift
  Varje avgift som räknas till högkostnadsskyddet registreras i e-frikort, med rätt belopp,
  rätt datum och en fullständig aktör. Avgifter som inte räknas skickas aldrig.

  Bakgrund:
    Givet att e-frikort är nollställt och dagens datum är "2025-03-10"

  @EFK-REG-001 @niva-2 @kontrakt-RegisterTransaction
  Scenario: En avgift för ett läkarbesök registreras
    När kassan tar betalt för ett besök av patient "19121212-1212" med avgiften 200 kr
    Så har patienten betalat 200 kr
    Och har kassan registrerat 200 kr med RegisterTransaction
    Och följer varje anrop från kassan kontraktets schema och besvarades OK

  @EFK-ACT-001 @niva-2 @kontrakt-RegisterTransaction @kontrakt-UpdateTransaction
  Scenario: Varje registrerande anrop bär en fullständig aktör
    När kassan tar betalt för ett besök av patient "19121212-1212" med avgiften 200 kr
    Och kassan rättar avgiften till 150 kr med orsaken "Fel taxa"
    Så bär varje registrerande anrop från kassan en fullständig aktör
    Och följer varje anrop från kassan kontraktets schema och besvarades OK

  @EFK-REG-002 @niva-3 @kontrakt-RegisterTransaction
  Scenario: Vid passagen av högkostnadstaket tas bara mellanskillnaden ut
    Givet att patienten "19121212-1212" har betalat 1350 kr i öppenvård
    När kassan tar betalt för ett besök av patient "19121212-1212" med avgiften 200 kr
    Så har patienten betalat 100 kr
    Och har kassan registrerat 100 kr med RegisterTransaction

  @EFK-REG-003 @niva-3 @kontrakt-GetCardForPerson
  Scenario: Ett preliminärt frikort är ett giltigt frikort
    Givet att patienten "19121212-1212" har ett frikort som är PRELIMINARY
    När kassan tar betalt för ett besök av patient "19121212-1212" med avgiften 200 kr
    Så har patienten betalat 0 kr
    Och visar kassan att patienten har frikort med status PRELIMINARY
    Och har kassan inte anropat RegisterTransaction

  @EFK-REG-004 @niva-3 @kontrakt-RegisterTransaction
  Abstrakt Scenario: Avgifter som inte räknas till högkostnadsskyddet registreras inte
    När kassan tar betalt för <besök> av patient "19121212-1212" med avgiften <avgift> kr
    Så har kassan inte anropat RegisterTransaction

    Exempel:
      | besök                | avgift |
      | ett uteblivet besök  | 400    |
      | ett intyg            | 500    |
      | en vaccination       | 300    |

  @EFK-REG-005 @niva-3 @kontrakt-RegisterTransaction
  Scenario: Ett avgiftsfritt besök registreras inte som noll kronor
    När kassan tar emot ett avgiftsfritt besök av patient "19121212-1212"
    Så har patienten betalat 0 kr
    Och har kassan inte anropat RegisterTransaction

  @EFK-REG-006 @niva-4 @kontrakt-RegisterTransaction
  Scenario: En avgift som registreras i efterhand bär besöksdagen
    När kassan tar betalt för ett besök av patient "19121212-1212" den "2025-03-03" med avgiften 200 kr
    Så har kassan registrerat 200 kr med RegisterTransaction
    Och bär anropet RegisterTransaction transactionDate "2025-03-03"
