# language: sv
@niva-2
Egenskap: Nivå både på egenskap och scenario

  @EFK-REG-001 @niva-3
  Scenario: Två nivåer
    Givet något
