# language: sv
Egenskap: Okänt id

  @EFK-NEW-001 @niva-2
  Scenario: Ett id som inte finns i checklistan
    Givet något
