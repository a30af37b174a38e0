// Shared helpers for the test targets: a raw HTTP client, server processes, databases.
