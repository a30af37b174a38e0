import Testing

@Test func placeholderWeb() {}
