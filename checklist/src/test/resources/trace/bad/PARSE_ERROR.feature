# language: sv
Egenskap: Trasig fil

  @EFK-REG-001 @niva-2
  Scenario: En rad utan nyckelord efter ett steg
    Givet något
    det här är inget steg
