import Testing

@Test func placeholderTemplates() {}
