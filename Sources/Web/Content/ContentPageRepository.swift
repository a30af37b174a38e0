import Foundation
import Postgres
import Templates

/// A tenant's own versions of its content pages (`content_pages`), scoped by tenant.
public struct ContentPageRepository: Sendable {
    let database: PostgresPool

    public init(database: PostgresPool) {
        self.database = database
    }

    public func override(_ slug: String, in language: Language, for tenant: Tenant) throws -> ContentPage? {
        let rows = try database.query(
            "select title, markdown, version from content_pages where tenant_id = $1 and slug = $2 and locale = $3",
            tenant.id, slug, language.rawValue)
        guard let row = rows.first else { return nil }
        return ContentPage(
            slug: slug, language: language, title: try row.decode("title", as: String.self),
            markdown: try row.decode("markdown", as: String.self), version: try row.decode("version", as: Int.self))
    }
}
