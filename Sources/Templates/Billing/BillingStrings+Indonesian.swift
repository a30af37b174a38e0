extension BillingStrings {
    static let indonesian = BillingStrings(
        title: "Penagihan",
        intro:
            "Cara pelanggan bulanan Anda ditagih. Setiap pelanggan mendapat satu tagihan sebulan pada tanggal tagihnya, dikirim lewat WhatsApp dengan tautan pembayaran.",
        fieldTimeZone: "Zona waktu",
        timeZoneHint: "Tanggal tagih, jatuh tempo, dan pengingat mengikuti kalender zona ini.",
        timeZoneJakarta: "Waktu Indonesia Barat (WIB, Asia/Jakarta)",
        timeZoneMakassar: "Waktu Indonesia Tengah (WITA, Asia/Makassar)",
        timeZoneJayapura: "Waktu Indonesia Timur (WIT, Asia/Jayapura)",
        fieldProrate: "Hitung prorata tagihan pertama (hanya hari dari pemasangan sampai tanggal tagih berikutnya)",
        prorateHint: "Jika tidak, tagihan pertama untuk satu bulan penuh.",
        fieldDueDays: "Hari sampai jatuh tempo",
        dueDaysHint: "0 sampai 60 hari setelah tagihan.",
        fieldGraceDays: "Hari setelah jatuh tempo sebelum isolir",
        graceDaysHint: "0 sampai 90 hari.",
        fieldReminderDays: "Pengingat sekian hari sebelum jatuh tempo",
        reminderDaysHint: "0 sampai 30 (0: tanpa pengingat awal; pada hari jatuh tempo selalu dikirim).",
        errorTimeZone: "Pilih salah satu dari tiga zona waktu Indonesia.",
        errorDueDays: "Isi jumlah hari bulat dari 0 sampai 60.",
        errorGraceDays: "Isi jumlah hari bulat dari 0 sampai 90.",
        errorReminderDays: "Isi jumlah hari bulat dari 0 sampai 30.",
        messagesTitle: "Pesan penagihan",
        messagesIntro: "Teks WhatsApp yang diterima pelanggan, per bahasa. Kosongkan kotak untuk kembali ke teks bawaan.",
        messagesHint:
            "Placeholder: {{name}} {{amount}} {{due_date}} {{period}} {{invoice_number}} {{link}} {{isp}}. Teks wajib memuat {{link}}.",
        messageLabel: { kind, language in
            let name = BillingStrings.indonesianKindName(kind)
            return language == "id" ? "\(name) (Bahasa Indonesia)" : "\(name) (Inggris)"
        },
        errorMessageTooLong: "Teks paling banyak 1.000 karakter.",
        errorMessageNeedsLink: "Teks wajib memuat {{link}}, agar pelanggan dapat membayar.",
        errorUnknownPlaceholder: { "Tidak ada placeholder {{\($0)}}." },
        payLinkHeading: "Tautan pembayaran",
        payLinkIntro:
            "Hanya sidik tautan yang disimpan, jadi tautan tidak dapat ditampilkan lagi. Tautan baru membuat tautan lama tidak berlaku.",
        reissueLink: "Buat tautan baru",
        resendLink: "Kirim tautan baru lewat WhatsApp",
        newLinkShown: "Tautan pembayaran baru (hanya ditampilkan sekarang; tautan lama tidak berlaku lagi):",
        resendQueued: { "Tautan baru sedang dikirim ke \($0) lewat WhatsApp; tautan lama tidak berlaku lagi." },
        noWhatsAppNumber: "Pelanggan tidak punya nomor WhatsApp: buat tautan baru dan sampaikan sendiri.",
        notPayable: "Tagihan ini tidak terbuka, jadi tidak punya tautan pembayaran.",
        messagesSentHeading: "Pesan terkirim",
        noMessagesSent: "Belum ada pesan.",
        messageKindName: { BillingStrings.indonesianKindName($0) },
        defaultMessage: { kind in
            switch kind {
            case .issued:
                "{{isp}}: Halo {{name}}, tagihan internet {{invoice_number}} untuk {{period}} sebesar {{amount}}, jatuh tempo {{due_date}}. Bayar di sini: {{link}}"
            case .beforeDue:
                "{{isp}}: Halo {{name}}, pengingat: tagihan {{invoice_number}} sebesar {{amount}} jatuh tempo pada {{due_date}}. Bayar di sini: {{link}}"
            case .due:
                "{{isp}}: Halo {{name}}, tagihan {{invoice_number}} sebesar {{amount}} jatuh tempo hari ini ({{due_date}}). Bayar sekarang agar tetap terhubung: {{link}}"
            case .isolated:
                "{{isp}}: Halo {{name}}, layanan internet Anda dibatasi karena tagihan {{invoice_number}} sebesar {{amount}} (jatuh tempo {{due_date}}) belum dibayar. Bayar di sini dan layanan langsung pulih: {{link}}"
            }
        })

    static func indonesianKindName(_ kind: BillingMessageKind) -> String {
        switch kind {
        case .issued: "Tagihan baru"
        case .beforeDue: "Pengingat sebelum jatuh tempo"
        case .due: "Pengingat pada hari jatuh tempo"
        case .isolated: "Setelah isolir"
        }
    }
}
