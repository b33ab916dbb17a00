# language: sv
# Item and level tags on the feature are inherited by every scenario, the outline included.
@server @kontrakt-CertificateStatusUpdateForCare @INT-NOT-001 @niva-2
Egenskap: Notifieringar

  Abstrakt Scenario: Händelsekod <kod> besvaras OK
    När harnessen skickar en notifiering med händelsekod <kod>
    Så svarar journalsystemet OK

    Exempel:
      | kod    |
      | SKAPAT |
      | SIGNAT |
