extension AdminWhatsAppStrings {
    static let indonesian = AdminWhatsAppStrings(
        sendersHeading: "Pengirim Anda sendiri",
        sendersIntro:
            "Setiap pengirim adalah satu perangkat Fonnte dengan nomornya sendiri. Pesan dibagi ke pengirim yang aktif menurut sisa kapasitas masing-masing pada menit ini, dan bila satu menolak, pengirim lain yang mengirim. Pengirim Anda dipakai lebih dulu daripada pengirim platform.",
        sendersEmpty: "Belum ada pengirim milik Anda.",
        addSender: "Tambah pengirim",
        editSender: "Ubah pengirim",
        deleteSender: "Hapus",
        fieldName: "Nama",
        fieldNameHint: "Untuk Anda: perangkat atau nomor yang mana.",
        fieldPerMinute: "Pesan per menit",
        fieldPerMinuteHint: "Berapa pesan yang boleh dikirim perangkat ini setiap menit, 1 sampai 1000.",
        fieldActive: "Aktif: pengirim ini mengirim pesan",
        columnToken: "Token",
        columnState: "Status",
        stateActive: "Aktif",
        stateOff: "Nonaktif",
        errorName: "Beri pengirim nama 1 sampai 60 karakter.",
        errorPerMinute: "Masukkan bilangan bulat dari 1 sampai 1000.",
        sentThrough: { "lewat \($0)" },
        platformSender: "nomor platform"
    )
}
