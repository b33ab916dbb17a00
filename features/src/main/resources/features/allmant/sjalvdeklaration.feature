# language: sv
@allmant @attestering
Egenskap: Självdeklaration
  Det som en maskin inte kan bedöma intygar leverantören: vem, när och vad. Intygandena står i
  profilens fil med attesteringar; ett dokument ska finnas där profilen anger.

  @ATT-SITHS-001 @niva-1
  Scenario: Användare identifieras med SITHS
    Så har leverantören intygat punkten

  @ATT-PDL-001 @niva-1
  Scenario: Användarnas aktiviteter loggas enligt patientdatalagen
    Så har leverantören intygat punkten

  @ATT-AGR-001 @niva-1
  Scenario: Avtalen för tjänsterna är undertecknade
    Så har leverantören intygat punkten

  @ATT-REF-001 @niva-1
  Scenario: Det finns en rutin för återbetalning av överdebiterade avgifter
    Så har leverantören intygat punkten

  @DOC-SOL-001 @niva-1
  Scenario: En lösningsbeskrivning finns
    Så har leverantören lämnat dokumentet
