/// The strings of a router's tunnel section, in every `Language`.
public struct RouterTunnelStrings: Sendable {
    public let heading: String
    public let unavailable: String
    public let intro: String
    public let give: String
    public let addressLabel: String
    public let pasteOnce: String
    public let pasteAgain: String
    public let remove: String
    public let errorPoolExhausted: String
    public let errorAlreadyGiven: String
    public let errorAddressTaken: String
    public let errorTunnelAddressTaken: String

    static let english = RouterTunnelStrings(
        heading: "Tunnel to the platform",
        unavailable: "Tunnels are not set up on this platform (the operator sets WIREGUARD_NETWORK).",
        intro: "A router behind carrier NAT cannot reach RADIUS on its own address, nor be reached for Disconnect. "
            + "Give it a WireGuard tunnel: RADIUS and Disconnect then use the tunnel address.",
        give: "Give this router a tunnel",
        addressLabel: "Tunnel address:",
        pasteOnce: "Paste these commands into the router's terminal (RouterOS 7) now: the private key is shown only "
            + "this once and is not kept.",
        pasteAgain: "The router's commands, without its private key, which was shown once when the tunnel was given.",
        remove: "Remove the tunnel",
        errorPoolExhausted: "No tunnel address is free: every address of the platform's tunnel network has a router. "
            + "Ask the platform's operator to widen it.",
        errorAlreadyGiven: "This router already has a tunnel.",
        errorAddressTaken: "Another router uses the address this router had before its tunnel. Change its address first.",
        errorTunnelAddressTaken: "The next free tunnel address is another router's own address. Change that router's "
            + "address, or ask the platform's operator.")

    static let indonesian = RouterTunnelStrings(
        heading: "Terowongan ke platform",
        unavailable: "Terowongan belum disiapkan di platform ini (operator mengatur WIREGUARD_NETWORK).",
        intro: "Router di balik NAT operator tidak bisa menghubungi RADIUS dengan alamatnya sendiri, dan tidak bisa "
            + "dihubungi untuk Disconnect. Beri router ini terowongan WireGuard: RADIUS dan Disconnect lalu memakai "
            + "alamat terowongan.",
        give: "Beri router ini terowongan",
        addressLabel: "Alamat terowongan:",
        pasteOnce: "Tempel perintah ini di terminal router (RouterOS 7) sekarang: kunci privat hanya ditampilkan kali "
            + "ini dan tidak disimpan.",
        pasteAgain: "Perintah untuk router, tanpa kunci privatnya, yang hanya ditampilkan sekali saat terowongan dibuat.",
        remove: "Hapus terowongan",
        errorPoolExhausted: "Tidak ada alamat terowongan yang kosong: semua alamat jaringan terowongan platform sudah "
            + "dipakai. Minta operator platform memperluasnya.",
        errorAlreadyGiven: "Router ini sudah punya terowongan.",
        errorAddressTaken: "Router lain memakai alamat yang dimiliki router ini sebelum terowongan. Ubah alamatnya dulu.",
        errorTunnelAddressTaken: "Alamat terowongan berikutnya dipakai router lain sebagai alamatnya sendiri. Ubah "
            + "alamat router itu, atau hubungi operator platform.")
}

extension Language {
    public var routerTunnelStrings: RouterTunnelStrings {
        switch self {
        case .en: .english
        case .id: .indonesian
        }
    }
}
