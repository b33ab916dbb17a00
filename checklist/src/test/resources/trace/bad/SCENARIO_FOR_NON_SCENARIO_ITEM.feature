# language: sv
Egenskap: Attestering testad som utbyte

  @ATT-PDL-001 @niva-1 @klient
  Scenario: En attestering får inget testscenario
    Givet något
