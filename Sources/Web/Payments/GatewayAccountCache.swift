import Foundation

/// The gateway accounts that checkouts and webhooks use, kept in memory until a `payment_gateways`
/// row or a tenant's gateway switch changes (both tables' triggers send `NOTIFY tenant_changed`).
/// The instance that made a change also forgets at once, so its very next checkout uses the new account.
///
/// Only accounts that exist are kept by id: a stream of webhooks naming made-up accounts costs a
/// query each (they are rate-limited), never memory.
final class GatewayAccountCache: Sendable {
    private let effective: GenerationalCache<UUID, PaymentGatewayAccount?>
    private let byID: GenerationalCache<UUID, PaymentGatewayAccount>
    let repository: PaymentGatewayRepository
    /// `SANDBOX_GATEWAY`: without it a sandbox account takes no payment, even as the platform's fallback.
    let allowsSandbox: Bool

    /// - Parameter capacity: bytes for both caches together.
    init(repository: PaymentGatewayRepository, allowsSandbox: Bool, capacity: Int = CacheBudget.standard.gatewayAccounts) {
        self.repository = repository
        self.allowsSandbox = allowsSandbox
        effective = GenerationalCache(timeToLive: .seconds(300), capacity: capacity / 2) { _, account in
            account?.estimatedBytes ?? 0
        }
        byID = GenerationalCache(timeToLive: .seconds(300), capacity: capacity / 2) { _, account in account.estimatedBytes }
    }

    /// The providers an account may be saved for here: the sandbox only where it is allowed.
    var offeredProviders: [PaymentProvider] {
        PaymentProvider.allCases.filter(offers)
    }

    func offers(_ provider: PaymentProvider) -> Bool {
        provider != .sandbox || allowsSandbox
    }

    /// See `PaymentGatewayRepository.effectiveAccount(for:)`; never a sandbox account where the sandbox is off.
    func effectiveAccount(for tenant: Tenant) throws -> PaymentGatewayAccount? {
        let account = try effective.value(for: tenant.id) { try repository.effectiveAccount(for: tenant) }
        guard let account, offers(account.provider) else { return nil }
        return account
    }

    /// See `PaymentGatewayRepository.account(id:)`.
    func account(id: UUID) throws -> PaymentGatewayAccount? {
        if let account = byID.value(for: id) { return account }
        let generation = byID.generation
        guard let account = try repository.account(id: id) else { return nil }
        byID.store(account, for: id, generation: generation)
        return account
    }

    /// A tenant's row or switch changed. Accounts by id are all dropped: the notification does not
    /// say which account, and they are few.
    func invalidate(_ tenantID: UUID) {
        effective.invalidate(tenantID)
        byID.invalidateAll()
    }

    /// A central account changed (it is every tenant's fallback), or notifications may have been missed.
    func invalidateAll() {
        effective.invalidateAll()
        byID.invalidateAll()
    }
}

extension PaymentGatewayAccount {
    /// Roughly the bytes its settings hold (keys, secrets, URLs), for the cache's bound.
    fileprivate var estimatedBytes: Int {
        settings.reduce(64) { $0 + 64 + $1.key.utf8.count + $1.value.utf8.count }
    }
}
