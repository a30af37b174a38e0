import Foundation
import Postgres
import Templates

/// A tenant's own versions of its content pages (`content_pages`) and their saved history
/// (`content_page_versions`). Every read runs in the tenant's scope and names the tenant as well.
public struct ContentPageRepository: Sendable {
    /// One saved version of a page, newest first in `history`.
    struct SavedVersion: Sendable, Hashable {
        let version: Int
        let savedBy: String
        let savedAt: Date
    }

    let database: PostgresPool

    public init(database: PostgresPool) {
        self.database = database
    }

    public func override(_ slug: String, in language: Language, for tenant: Tenant) throws -> ContentPage? {
        let rows = try database.scoped(to: tenant).query(
            "select title, markdown, version from content_pages where tenant_id = $1 and slug = $2 and locale = $3",
            tenant.id, slug, language.rawValue)
        guard let row = rows.first else { return nil }
        return ContentPage(
            slug: slug, language: language, title: try row.decode("title", as: String.self),
            markdown: try row.decode("markdown", as: String.self), version: try row.decode("version", as: Int.self))
    }

    /// The version number of every page the tenant overrides, keyed by slug and language.
    func overriddenVersions(for tenant: Tenant) throws -> [PageKey: Int] {
        let rows = try database.scoped(to: tenant).query(
            "select slug, locale, version from content_pages where tenant_id = $1", tenant.id)
        var versions: [PageKey: Int] = [:]
        for row in rows {
            guard let language = Language(rawValue: try row.decode("locale", as: String.self)) else { continue }
            versions[PageKey(slug: try row.decode("slug", as: String.self), language: language)] =
                try row.decode("version", as: Int.self)
        }
        return versions
    }

    /// The latest saves of one page, newest first.
    func history(_ slug: String, in language: Language, for tenant: Tenant, limit: Int = 20) throws -> [SavedVersion] {
        try database.scoped(to: tenant).query(
            """
            select version, saved_by, saved_at from content_page_versions
            where tenant_id = $1 and slug = $2 and locale = $3 order by version desc limit $4
            """, tenant.id, slug, language.rawValue, limit
        ).map {
            SavedVersion(
                version: try $0.decode("version", as: Int.self), savedBy: try $0.decode("saved_by", as: String.self),
                savedAt: try $0.decode("saved_at", as: Date.self))
        }
    }

    /// A page of a tenant's site in one language.
    struct PageKey: Sendable, Hashable {
        let slug: String
        let language: Language
    }
}
