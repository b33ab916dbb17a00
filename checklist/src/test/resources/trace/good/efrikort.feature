# language: sv
@klient @kontrakt-RegisterTransaction
Egenskap: Registrera avgift

  @EFK-REG-001 @niva-2
  Scenario: En högkostnadsgrundande avgift registreras
    Givet en patient utan frikort
    När kassan registrerar ett besök
    Så registreras avgiften

  @EFK-REG-002 @niva-3
  Regel: Vid passage av taket tas bara resten ut

    Scenario: Avgiftsutjämning
      Givet en patient nära taket
      När kassan registrerar ett besök
      Så registreras bara resten
