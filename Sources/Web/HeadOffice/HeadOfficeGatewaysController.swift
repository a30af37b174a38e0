import Foundation
import HTTP
import Templates

/// `GET /head-office/gateways` and `POST /head-office/gateways/{provider}`: the platform's central gateway accounts.
/// A key field left blank keeps the stored key; keys reach pages and audit rows only masked, and
/// are never logged. An account can be made active only with every key its adapter needs.
struct HeadOfficeGatewaysController: Sendable {
    typealias Field = HeadOfficeGatewaysView.Field

    let services: HeadOfficeServices

    func addRoutes(to router: inout RouteGroup<AuthenticatedHeadOffice>) {
        router.get("/head-office/gateways") { request, headOffice, _ in
            try page(headOffice, saved: try request.queryItems["saved"] == "1")
        }
        router.post("/head-office/gateways/{provider}") { request, headOffice, parameters in
            try save(request, headOffice, provider: parameters.require("provider"))
        }
    }

    private func save(_ request: HTTPRequest, _ headOffice: AuthenticatedHeadOffice, provider name: String) throws
        -> HTTPResponse
    {
        let form = try headOffice.verifiedForm(request)
        let context = headOffice.context
        guard let provider = PaymentProvider(rawValue: name) else { throw HTTPError(.notFound) }
        guard services.gatewayAccounts.offers(provider) else {
            throw HTTPError(.unprocessableContent, context.language.headOfficeStrings.errorProviderNotOffered)
        }
        let keys = PaymentGatewayRepository.requiredKeys(for: provider)
        var typed: [String: String] = [:]
        for key in keys {
            let value = (form[Field.key(key)] ?? "").trimmed
            if !value.isEmpty { typed[key] = value }
        }
        let isSandbox = form.contains(Field.isSandbox)
        let isActive = form.contains(Field.isActive)
        if isActive {
            let merged = try services.gateways.mergedCentralSettings(provider: provider, typed: typed)
            let missing = keys.filter { merged[$0] == nil }
            if !missing.isEmpty {
                let message = context.language.headOfficeStrings.errorKeysMissing
                var state = FormState(errors: Dictionary(uniqueKeysWithValues: missing.map { (Field.key($0), message) }))
                if isSandbox { state.values[Field.isSandbox] = "on" }
                state.values[Field.isActive] = "on"
                return try page(headOffice, refused: (provider, state), status: .unprocessableContent)
            }
        }
        try services.gateways.saveCentral(
            provider: provider, typed: typed, isSandbox: isSandbox, isActive: isActive,
            by: AuditActor(headOffice, request: request))
        services.gatewayAccounts.invalidateAll()
        return .redirect(to: Paths.HeadOffice.gatewaysSaved)
    }

    private func page(
        _ headOffice: AuthenticatedHeadOffice, refused: (provider: PaymentProvider, state: FormState)? = nil,
        status: HTTPStatus = .ok, saved: Bool = false
    ) throws -> HTTPResponse {
        let accounts = try services.gateways.centralAccounts()
        let gateways = services.gatewayAccounts.offeredProviders.map { provider in
            let account = accounts.first { $0.provider == provider }
            var stored = FormState()
            if account?.isSandbox ?? true { stored.values[Field.isSandbox] = "on" }
            if account?.isActive == true { stored.values[Field.isActive] = "on" }
            return HeadOfficeGatewaysView.Gateway(
                provider: provider.rawValue,
                keys: PaymentGatewayRepository.requiredKeys(for: provider).map { key in
                    HeadOfficeGatewaysView.Key(name: key, masked: account?.settings[key].map(PaymentGatewayAccount.masked))
                },
                isStored: account != nil, isSandbox: account?.isSandbox ?? true, isActive: account?.isActive ?? false,
                state: refused?.provider == provider ? refused!.state : stored)
        }
        let view = HeadOfficeGatewaysView(gateways: gateways, csrfToken: headOffice.session.csrfSecret, saved: saved)
        return .page(HeadOfficeGatewaysPage(chrome: headOffice.context.chrome, view: view), status: status)
    }
}
