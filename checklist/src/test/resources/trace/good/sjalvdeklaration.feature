# language: sv
# An attestation item may have a scenario that records the statement: it carries @attestering.
@attestering
Egenskap: Självdeklaration

  @ATT-PDL-001 @niva-1
  Scenario: Användarnas aktiviteter loggas
    Så har leverantören intygat punkten
