extension PortalAccountStrings {
    static let indonesian = PortalAccountStrings(
        passwordNav: "Kata sandi",
        passwordIntro: "Pilih kata sandi baru untuk portal ini. Perangkat Anda yang lain akan keluar saat kata sandi berubah.",
        passwordChangedOthersSignedOut: "Kata sandi Anda sudah diganti, dan perangkat Anda yang lain sudah dikeluarkan.",
        forgotLink: "Lupa kata sandi?",
        forgotTitle: "Lupa kata sandi",
        forgotIntro: "Masukkan nomor pelanggan atau username PPPoE Anda. Kami mengirim kode ke nomor WhatsApp yang terdaftar.",
        sendCode: "Kirim kode",
        codeSentNotice:
            "Jika akun ini ada dan punya nomor WhatsApp, kode enam angka sedang dikirim ke sana. Kode berlaku 15 menit.",
        resetTitle: "Buat kata sandi baru",
        resetIntro: "Masukkan kode dari WhatsApp dan kata sandi baru Anda.",
        fieldCode: "Kode dari WhatsApp",
        fieldCodeHint: "Enam angka.",
        setNewPassword: "Simpan kata sandi baru",
        askAgain: "Tidak menerima kode? Minta kode baru",
        errorCodeFormat: "Masukkan enam angka kode.",
        errorCodeWrong: "Kode ini salah atau sudah tidak berlaku. Periksa lagi, atau minta kode baru.",
        codeMessage: { seller, code, minutes in
            "\(seller): kode untuk membuat kata sandi portal baru adalah \(code). Berlaku \(minutes) menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas kami."
        },
        labelSpeed: "Kecepatan",
        speedValue: { down, up in "\(down) unduh / \(up) unggah" },
        usageHeading: { "Pemakaian \($0)" },
        usageNone: "Belum ada pemakaian tercatat bulan ini.",
        usageSessions: "Sesi",
        usageTimeOnline: "Waktu online",
        usageDownload: "Diunduh",
        usageUpload: "Diunggah",
        usageOnlineNow: "Sedang online",
        usageNote: "Dari catatan akuntansi router; sesi yang dimulai bulan lalu dihitung penuh.",
        duration: { hours, minutes in hours > 0 ? "\(hours) jam \(minutes) mnt" : "\(minutes) mnt" }
    )
}
