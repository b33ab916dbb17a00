# language: sv
Egenskap: Scenario utan nivå

  @EFK-REG-001
  Scenario: Ingen nivå
    Givet något
