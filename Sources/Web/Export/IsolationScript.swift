import Templates

/// `isolation.rsc` (`gerbang export isolation`): the router's side of isolating subscribers who have
/// not paid. RADIUS puts an isolated subscriber's address in the address list `isolir` (the isolation
/// group's `Mikrotik-Address-List` reply); these rules send that list's web traffic (HTTP) to the
/// router's web proxy, which answers every page with a redirect to the store's `/isolated` page, and
/// let it reach DNS, the store and the payment gateway's checkout (so the invoice can be paid) and
/// nothing else. HTTPS cannot be redirected without a certificate warning, so it is refused and the
/// browser's next plain-HTTP request (or its captive-portal check) lands on the page.
///
/// Only host names we validated and literals reach the script (never the tenant's name), because
/// RouterOS would run anything else as a command.
enum IsolationScript {
    static let proxyPort = 8080

    static func text(for source: TenantExportSource) -> String {
        let comment = "gerbang-isolation-\(source.safeSlug)"
        let isolated = SubscriberRadiusGroups.isolationAddressList
        let allowed = "gerbang-isolation-allowed"
        let store = source.store.host
        // An address list resolves host names, not wildcards: the gateway's named hosts only.
        let reachable = WalledGardenScript.hosts(for: source).filter { !$0.contains("*") }
        var lines = [
            "# Gerbang isolation rules for the store at \(source.store.origin)",
            "# RADIUS lists an isolated subscriber's address in \"\(isolated)\"; its HTTP goes to \(store)/isolated,",
            "# where its open invoices can be paid, and only DNS, the store and the payment checkout stay reachable.",
            "# Import on the router: /import file-name=isolation.rsc",
            "# Running it again replaces the entries it added before (comment \(comment)).",
            "# Move the filter rules above any fasttrack or accept-all rule of the forward chain.",
            "/ip proxy set enabled=yes port=\(proxyPort)",
            "/ip proxy access",
            "remove [find comment=\"\(comment)\"]",
        ]
        for host in reachable {
            lines.append("add dst-host=\(host) action=allow comment=\"\(comment)\"")
        }
        lines += [
            "add action=deny redirect-to=\"\(store)\(Paths.Isolated.home)\" comment=\"\(comment)\"",
            "/ip firewall address-list",
            "remove [find comment=\"\(comment)\"]",
        ]
        for host in reachable {
            lines.append("add list=\(allowed) address=\(host) comment=\"\(comment)\"")
        }
        lines += [
            "/ip firewall nat",
            "remove [find comment=\"\(comment)\"]",
            "add chain=dstnat src-address-list=\(isolated) dst-address-list=!\(allowed) protocol=tcp dst-port=80"
                + " action=redirect to-ports=\(proxyPort) comment=\"\(comment)\"",
            "/ip firewall filter",
            "remove [find comment=\"\(comment)\"]",
            "add chain=forward src-address-list=\(isolated) protocol=udp dst-port=53 action=accept comment=\"\(comment)\"",
            "add chain=forward src-address-list=\(isolated) protocol=tcp dst-port=53 action=accept comment=\"\(comment)\"",
            "add chain=forward src-address-list=\(isolated) dst-address-list=\(allowed) action=accept comment=\"\(comment)\"",
            "add chain=forward src-address-list=\(isolated) action=reject reject-with=icmp-admin-prohibited"
                + " comment=\"\(comment)\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
