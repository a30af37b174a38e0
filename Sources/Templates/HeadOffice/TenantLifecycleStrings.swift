/// The head office's words around a tenant's life: the summary after creating one, the confirmation
/// before deleting one, the deleted tenants and their restore, and the notice after each action.
///
/// Apart from `HeadOfficeStrings` so this part of head office reads as one piece; `Language` still
/// switches exhaustively, so a missing translation is a compile error.
public struct TenantLifecycleStrings: Sendable {
    // Creating a tenant
    public let fieldTierHint: String

    // After an action
    public let noticeCreated: @Sendable (_ name: String) -> String
    public let noticeActivated: String
    public let noticeDeactivated: String
    public let noticeDeleted: String
    public let noticeRestored: String

    // The summary after creating a tenant
    public let createdTitle: @Sendable (_ name: String) -> String
    public let createdIntro: String
    public let storeAddress: String
    public let adminAddress: String
    public let firstAdminEmail: String
    public let messageHeading: String
    public let messageHint: String
    /// The text head office sends to the ISP: the store, where to sign in, with which email.
    public let message: @Sendable (_ name: String, _ store: String, _ admin: String, _ email: String) -> String
    public let backToTenants: String

    // Deleting and restoring
    public let deleteTitle: @Sendable (_ name: String) -> String
    public let deleteWarning: @Sendable (_ store: String) -> String
    public let fieldConfirm: @Sendable (_ slug: String) -> String
    public let errorConfirm: String
    public let deleteButton: String
    public let cancel: String
    public let deletedHeading: String
    public let deletedIntro: String
    public let restore: String
}

extension Language {
    public var tenantLifecycleStrings: TenantLifecycleStrings {
        switch self {
        case .id: .indonesian
        case .en: .english
        }
    }
}

extension TenantLifecycleStrings {
    static let english = TenantLifecycleStrings(
        fieldTierHint:
            "How much traffic the store may take: Starter for a new or small ISP, Professional about five times as much, Enterprise about twenty times (the platform's RATE_LIMIT_* settings). Visitors over the limit wait a moment; nothing else differs.",
        noticeCreated: { "\($0) was created. Its store is live now." },
        noticeActivated: "The tenant is active again; its store is back online.",
        noticeDeactivated: "The tenant is deactivated; its store is offline until you activate it.",
        noticeDeleted: "The tenant was deleted; its store is offline. You can restore it below.",
        noticeRestored: "The tenant was restored; its store is back online.",
        createdTitle: { "\($0) is ready" },
        createdIntro: "The store is live with a starter package paid through the central gateway. Pass these details on to the ISP.",
        storeAddress: "Store address",
        adminAddress: "Admin address",
        firstAdminEmail: "First admin's email",
        messageHeading: "What to send to the ISP",
        messageHint: "Copy this message. Send the password you chose separately (by phone, for example), never in the same message.",
        message: { name, store, admin, email in
            """
            Your Gerbang store for \(name) is ready.
            Store: \(store)
            Admin sign-in: \(admin)
            Email: \(email)
            Password: sent to you separately.
            After signing in: set your logo, colours and contact details (Branding), check your voucher packages (Voucher profiles) and set up your hotspot (Hotspot login pages).
            """
        },
        backToTenants: "Back to the tenants",
        deleteTitle: { "Delete \($0)?" },
        deleteWarning: {
            "The store at \($0), its admin and its hotspot pages go offline at once. Its records are kept, and you can restore it from the list of deleted tenants."
        },
        fieldConfirm: { "Type the slug, \($0), to confirm" },
        errorConfirm: "Type the tenant's slug exactly as shown to confirm.",
        deleteButton: "Delete the tenant",
        cancel: "Cancel",
        deletedHeading: "Deleted tenants",
        deletedIntro: "Offline, with their records kept. Restoring brings the store back as it was.",
        restore: "Restore"
    )

    static let indonesian = TenantLifecycleStrings(
        fieldTierHint:
            "Seberapa banyak kunjungan yang boleh diterima toko: Starter untuk ISP baru atau kecil, Professional sekitar lima kali lipat, Enterprise sekitar dua puluh kali lipat (pengaturan RATE_LIMIT_* platform). Pengunjung di atas batas menunggu sebentar; selain itu tidak ada bedanya.",
        noticeCreated: { "\($0) berhasil dibuat. Tokonya sudah aktif." },
        noticeActivated: "Tenant aktif kembali; tokonya sudah online lagi.",
        noticeDeactivated: "Tenant dinonaktifkan; tokonya offline sampai Anda mengaktifkannya.",
        noticeDeleted: "Tenant dihapus; tokonya offline. Anda bisa memulihkannya di bawah.",
        noticeRestored: "Tenant dipulihkan; tokonya sudah online lagi.",
        createdTitle: { "\($0) siap dipakai" },
        createdIntro: "Toko sudah aktif dengan paket awal yang dibayar lewat gateway pusat. Teruskan data ini ke ISP.",
        storeAddress: "Alamat toko",
        adminAddress: "Alamat admin",
        firstAdminEmail: "Email admin pertama",
        messageHeading: "Yang dikirim ke ISP",
        messageHint:
            "Salin pesan ini. Kirim kata sandi yang Anda pilih secara terpisah (misalnya lewat telepon), jangan dalam pesan yang sama.",
        message: { name, store, admin, email in
            """
            Toko Gerbang untuk \(name) sudah siap.
            Toko: \(store)
            Masuk admin: \(admin)
            Email: \(email)
            Kata sandi: dikirim terpisah.
            Setelah masuk: atur logo, warna dan kontak (Tampilan toko), periksa paket voucher (Profil voucher) dan siapkan hotspot (Halaman login hotspot).
            """
        },
        backToTenants: "Kembali ke daftar tenant",
        deleteTitle: { "Hapus \($0)?" },
        deleteWarning: {
            "Toko di \($0), admin dan halaman hotspot-nya langsung offline. Datanya tetap disimpan, dan Anda bisa memulihkannya dari daftar tenant yang dihapus."
        },
        fieldConfirm: { "Ketik slug, \($0), untuk konfirmasi" },
        errorConfirm: "Ketik slug tenant persis seperti yang tertulis untuk konfirmasi.",
        deleteButton: "Hapus tenant",
        cancel: "Batal",
        deletedHeading: "Tenant yang dihapus",
        deletedIntro: "Offline, datanya tetap disimpan. Memulihkan mengembalikan toko seperti semula.",
        restore: "Pulihkan"
    )
}
