# language: sv
Egenskap: Fel nivå

  @EFK-REG-002 @niva-2
  Scenario: Nivå 2 men kravet gäller från nivå 3
    Givet något
