/// `walled-garden.rsc`: lets customers who are not logged in reach the store and the checkout of the
/// tenant's payment gateway. Only host names we validated and literals reach the script (never the
/// tenant's name), because RouterOS would run anything else as a command.
enum WalledGardenScript {
    static func text(for source: TenantExportSource) -> String {
        let comment = "gerbang-\(source.safeSlug)"
        var lines = [
            "# Gerbang walled garden for the store at \(source.store.origin)",
            "# Import on the router: /import file-name=walled-garden.rsc",
            "# Running it again replaces the entries it added before (comment \(comment)).",
            "/ip hotspot walled-garden",
            "remove [find comment=\"\(comment)\"]",
        ]
        for host in hosts(for: source) {
            lines.append("add dst-host=\(host) comment=\"\(comment)\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The store, then the gateway's checkout pages as its documentation names them. The built-in
    /// sandbox gateway's checkout is on the store itself.
    static func hosts(for source: TenantExportSource) -> [String] {
        var hosts = [source.store.host]
        switch source.gateway?.provider {
        case .midtrans:
            hosts +=
                source.gateway?.isSandbox == true
                ? ["app.sandbox.midtrans.com", "api.sandbox.midtrans.com"] : ["app.midtrans.com", "api.midtrans.com"]
            hosts.append("*.midtrans.com")
        case .xendit:
            hosts += ["checkout.xendit.co", "*.xendit.co"]
        case .sandbox, nil:
            break
        }
        return hosts
    }
}
