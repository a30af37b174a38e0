extension HeadOfficeStrings {
    static let indonesian = HeadOfficeStrings(
        loginTitle: "Masuk kantor pusat",
        loginIntro: "Khusus staf Gerbang: tenant, persetujuan domain, gateway pembayaran pusat.",
        loginFailed: "Email atau kata sandi salah.",
        navigationLabel: "Kantor pusat",
        tenantsTitle: "Tenant",
        domainsTitle: "Persetujuan domain",
        gatewaysTitle: "Gateway pusat",
        tenantsIntro: "Semua ISP di platform ini, dengan angka bulan ini.",
        tenantsEmpty: "Belum ada tenant.",
        tenantCount: { "\($0) tenant" },
        searchLabel: "Cari tenant",
        searchButton: "Cari",
        searchNothingFound: { "Tidak ada tenant yang cocok dengan “\($0)”." },
        figuresCaption: { "Tenant dan angkanya untuk \($0) (UTC)" },
        columnTenant: "Tenant",
        columnStatus: "Status",
        columnTier: "Paket",
        columnDomains: "Domain",
        columnOrders: "Pesanan",
        columnPaidOrders: "Pesanan lunas",
        columnPaidAmount: "Jumlah dibayar",
        columnPageViews: "Tampilan halaman",
        columnActions: "Tindakan",
        statusActive: "Aktif",
        statusInactive: "Nonaktif",
        noDomains: "tidak ada",
        tierName: { tier in
            switch tier {
            case "starter": "Starter"
            case "professional": "Profesional"
            case "enterprise": "Enterprise"
            default: tier
            }
        },
        activate: "Aktifkan",
        deactivate: "Nonaktifkan",
        delete: "Hapus",
        deleteHint: "Menghapus membuat situs tenant langsung offline; datanya tetap disimpan.",
        createTitle: "Tambah tenant",
        fieldSlug: "Slug",
        fieldSlugHint: { "3 sampai 30 huruf kecil, angka dan tanda hubung; toko akan ada di slug.\($0)." },
        fieldName: "Nama",
        fieldTier: "Paket",
        fieldAdminEmail: "Email admin tenant",
        fieldAdminEmailHint: "Admin pertama ISP masuk dengan email ini di /admin pada toko baru.",
        fieldAdminPassword: "Kata sandi pertama admin tenant",
        fieldAdminPasswordHint: "Minimal 10 karakter. Sampaikan secara pribadi.",
        createButton: "Buat tenant",
        errorSlugMissing: "Isi slug.",
        errorSlugLength: "Slug terdiri dari 3 sampai 30 karakter.",
        errorSlugCharacters: "Gunakan hanya huruf kecil a–z, angka dan tanda hubung.",
        errorSlugHyphen: "Slug tidak boleh diawali atau diakhiri tanda hubung.",
        errorSlugReserved: { "“\($0)” dipakai oleh platform; pilih slug lain." },
        errorSlugTaken: "Slug ini sudah dipakai.",
        errorNameMissing: "Isi nama ISP.",
        errorNameTooLong: "Nama paling banyak 120 karakter.",
        errorTierInvalid: "Pilih salah satu paket.",
        errorAdminPasswordShort: "Kata sandi terdiri dari 10 sampai 200 karakter.",
        domainsIntro: "Domain sendiri yang ditambahkan tenant. Domain yang disetujui langsung melayani tenantnya.",
        domainsEmpty: "Tidak ada domain yang menunggu persetujuan.",
        columnDomain: "Domain",
        columnRequested: "Diajukan",
        approve: "Setujui",
        reject: "Tolak",
        gatewaysIntro:
            "Akun gateway milik platform, dipakai setiap tenant yang tidak punya gateway sendiri. Kunci ditampilkan tersamar; kosongkan kunci untuk tetap memakainya.",
        providerName: { provider in
            switch provider {
            case "sandbox": "Sandbox (bawaan)"
            case "midtrans": "Midtrans"
            case "xendit": "Xendit"
            default: provider
            }
        },
        keyLabel: { key in
            switch key {
            case "secret": "Rahasia tanda tangan"
            case "server_key": "Server key"
            case "secret_key": "Secret key"
            case "callback_token": "Callback token"
            default: key
            }
        },
        keyCurrent: { "Sekarang \($0). Kosongkan untuk tetap memakainya." },
        keyNotSet: "Belum diisi.",
        fieldSandbox: "Mode sandbox (hanya pembayaran uji)",
        fieldActive: "Aktif: menerima pembayaran semua tenant tanpa gateway sendiri",
        activeBadge: "Aktif",
        productionBadge: "Produksi",
        sandboxBadge: "Sandbox",
        save: "Simpan",
        errorKeysMissing: "Isi semua kunci sebelum mengaktifkan gateway ini.",
        errorProviderNotOffered: "Gateway ini tidak tersedia di server ini.",
        accountsTitle: "Akun",
        accountsIntro: "Semua yang dapat masuk ke kantor pusat. Anda tidak dapat menghapus akun sendiri atau akun terakhir.",
        columnEmail: "Email",
        you: "(Anda)",
        remove: "Hapus",
        addAccountHeading: "Tambah admin kantor pusat",
        fieldEmail: "Email",
        fieldPassword: "Kata sandi (10 sampai 200 karakter)",
        addAccount: "Tambah",
        errorEmailTaken: "Admin kantor pusat dengan email ini sudah ada.",
        errorCannotRemoveYourself: "Anda tidak dapat menghapus akun sendiri.",
        errorCannotRemoveLast: "Akun kantor pusat terakhir tidak dapat dihapus.",
        auditTitle: "Jejak audit",
        financeTitle: "Keuangan"
    )
}
