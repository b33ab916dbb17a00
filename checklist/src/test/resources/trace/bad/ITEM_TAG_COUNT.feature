# language: sv
Egenskap: Två id på samma scenario

  @EFK-REG-001 @EFK-REG-002 @niva-2
  Scenario: Två krav i ett
    Givet något
