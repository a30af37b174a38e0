import Foundation
import HTTP
import Templates

/// `GET /admin/pages`, `GET/POST /admin/pages/{slug}/{lang}`, `POST …/preview`, `POST …/revert`: a
/// tenant admin edits the text of the site's content pages, one language at a time. Only the pages
/// every site has can be edited, and only the signed-in admin's own tenant's.
struct AdminPagesController: Sendable {
    typealias Field = AdminPagesEditView.Field
    /// Room for a body well over what a draft accepts, so a page that is too long gets its message
    /// next to the field rather than a bare 413.
    static let formLimits = FormLimits(maxFields: 20, maxValueBytes: 512 * 1024)

    let library: ContentLibrary
    let editor: ContentPageEditor

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/pages") { request, admin, _ in
            try list(admin, reverted: try request.queryItems["reverted"] == "1")
        }
        router.get("/admin/pages/{slug}/{lang}") { request, admin, parameters in
            let (slug, language) = try Self.page(parameters)
            let current = try library.current(slug, in: language, for: admin.context.tenant)
            let values = [Field.title: current?.title ?? "", Field.markdown: current?.markdown ?? ""]
            return try editPage(
                admin, slug: slug, language: language, state: FormState(values: values),
                saved: try request.queryItems["saved"] == "1")
        }
        router.post("/admin/pages/{slug}/{lang}") { request, admin, parameters in
            let draft = try submittedDraft(request, admin, parameters)
            guard draft.errors.isEmpty else {
                return try editPage(
                    admin, slug: draft.slug, language: draft.language,
                    state: FormState(values: draft.values, errors: draft.errors), status: .unprocessableContent)
            }
            try editor.save(draft, for: admin.context.tenant, by: AuditActor(admin, request: request))
            // This instance shows the change on its very next request; the NOTIFY tells the others.
            library.invalidate(admin.context.tenant.id)
            return .redirect(to: Paths.Admin.page(draft.slug, draft.language) + "?saved=1")
        }
        router.post("/admin/pages/{slug}/{lang}/preview") { request, admin, parameters in
            let draft = try submittedDraft(request, admin, parameters)
            let state = FormState(values: draft.values, errors: draft.errors)
            guard draft.errors.isEmpty else {
                return try editPage(admin, slug: draft.slug, language: draft.language, state: state, status: .unprocessableContent)
            }
            let preview = library.render(
                title: draft.title, markdown: draft.markdown, language: draft.language, site: admin.context.site,
                storeURL: request.siteOrigin)
            return try editPage(admin, slug: draft.slug, language: draft.language, state: state, preview: preview)
        }
        router.post("/admin/pages/{slug}/{lang}/revert") { request, admin, parameters in
            let (slug, language) = try Self.page(parameters)
            try admin.verifyCSRF(try request.formFields())
            try editor.revert(slug, in: language, for: admin.context.tenant, by: AuditActor(admin, request: request))
            library.invalidate(admin.context.tenant.id)
            return .redirect(to: Paths.Admin.pages + "?reverted=1")
        }
    }

    /// One of the pages every site has, in one of the site's languages; anything else is a 404.
    static func page(_ parameters: RouteParameters) throws -> (slug: String, language: Language) {
        let slug = try parameters.require("slug")
        guard DefaultContent.slugs.contains(slug), let language = Language(rawValue: try parameters.require("lang")) else {
            throw HTTPError(.notFound)
        }
        return (slug, language)
    }

    /// The checked draft, once the form's CSRF token matched the session's.
    private func submittedDraft(
        _ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin, _ parameters: RouteParameters
    ) throws -> ContentPageEditor.Draft {
        let (slug, language) = try Self.page(parameters)
        let form = try request.formFields(limits: Self.formLimits)
        try admin.verifyCSRF(form)
        let draft = ContentPageEditor.Draft(
            slug: slug, language: language, title: form[Field.title] ?? "", markdown: form[Field.markdown] ?? "",
            strings: admin.context.language.adminContentStrings)
        return draft
    }

    private func list(_ admin: AuthenticatedTenantAdmin, reverted: Bool) throws -> HTTPResponse {
        let context = admin.context
        let versions = try library.overrides.overriddenVersions(for: context.tenant)
        let strings = context.language.strings
        let entries = DefaultContent.slugs.flatMap { slug in
            Language.allCases.map { language in
                AdminPagesView.Entry(
                    slug: slug, name: strings.pageTitle(slug: slug), language: language,
                    version: versions[ContentPageRepository.PageKey(slug: slug, language: language)])
            }
        }
        let view = AdminPagesView(entries: entries, csrfToken: admin.session.csrfSecret, reverted: reverted)
        return .page(AdminPagesPage(chrome: context.chrome, view: view))
    }

    private func editPage(
        _ admin: AuthenticatedTenantAdmin, slug: String, language: Language, state: FormState, preview: ContentView? = nil,
        status: HTTPStatus = .ok, saved: Bool = false
    ) throws -> HTTPResponse {
        let context = admin.context
        let tenant = context.tenant
        let dates = DateText(timeZoneIdentifier: context.branding.timeZone, language: context.language)
        let history = try library.overrides.history(slug, in: language, for: tenant).map {
            AdminPagesEditView.SavedVersion(version: $0.version, savedBy: $0.savedBy, savedAt: dates.dayAndTime($0.savedAt))
        }
        let view = AdminPagesEditView(
            slug: slug, name: context.language.strings.pageTitle(slug: slug), language: language, state: state,
            version: try library.overrides.override(slug, in: language, for: tenant)?.version, preview: preview,
            history: history, csrfToken: admin.session.csrfSecret, saved: saved)
        return .page(AdminPagesEditPage(chrome: context.chrome, view: view), status: status)
    }
}
