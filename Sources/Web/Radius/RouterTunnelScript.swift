/// The RouterOS 7 commands that connect a router to the platform through its tunnel: the WireGuard
/// interface with its private key, the platform as its one peer (kept alive through the carrier's NAT),
/// its tunnel address, the RADIUS client on the tunnel, and Disconnect/CoA accepted on the tunnel.
/// Every value that is not a number or an address we computed is quoted with `RouterOSString`.
enum RouterTunnelScript {
    static let interfaceName = "gerbang"
    /// RouterOS's own default for a WireGuard interface; the router dials out, so it need not be open.
    static let routerListenPort = 13231

    /// - Parameter privateKey: nil after the one page that showed it: the interface line then says that
    ///   the key was shown once.
    static func text(
        router: RadiusRouter, tunnel: RouterTunnel, privateKey: String?, server: WireGuardServer
    ) -> String {
        let settings = server.settings
        let comment = RouterOSString.quoted("gerbang: " + router.name)
        let interfaceLine =
            if let privateKey {
                "/interface wireguard add name=\(interfaceName) listen-port=\(routerListenPort)"
                    + " private-key=\(RouterOSString.quoted(privateKey)) comment=\(comment)"
            } else {
                "# /interface wireguard add name=\(interfaceName) listen-port=\(routerListenPort) private-key=…"
                    + " (the key was shown once, when the tunnel was given; for a new one, remove the tunnel and give it again)"
            }
        return [
            "# Gerbang: a WireGuard tunnel for \(router.name.filter { !$0.isNewline }) (RouterOS 7)",
            interfaceLine,
            "/interface wireguard peers add interface=\(interfaceName) public-key=\(RouterOSString.quoted(server.publicKey))"
                + " endpoint-address=\(RouterOSString.quoted(settings.endpointHost)) endpoint-port=\(settings.port)"
                + " allowed-address=\(settings.serverAddress)/32 persistent-keepalive=25s comment=\(comment)",
            "/ip address add address=\(tunnel.address)/\(settings.prefixLength) interface=\(interfaceName)"
                + " comment=\(comment)",
            "/radius add address=\(settings.serverAddress) secret=\(RouterOSString.quoted(router.secret))"
                + " service=ppp,hotspot src-address=\(tunnel.address) comment=\(comment)",
            "/radius incoming set accept=yes port=\(router.coaPort)",
        ].joined(separator: "\n") + "\n"
    }
}
