# language: sv
Egenskap: Pensionerat id

  @EFK-OLD-001 @niva-3
  Scenario: Ett pensionerat id
    Givet något
