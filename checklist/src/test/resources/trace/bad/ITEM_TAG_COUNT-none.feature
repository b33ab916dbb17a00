# language: sv
Egenskap: Scenario utan id

  @niva-2 @klient
  Scenario: Inget krav
    Givet något
