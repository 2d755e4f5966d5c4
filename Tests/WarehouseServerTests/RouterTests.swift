import Testing

@Suite("placeholder until the router tests land")
struct RouterTestsPlaceholder {}
