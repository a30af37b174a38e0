import Templates

/// `README.txt` of the hotspot export: how to put the pages on a MikroTik router, in Indonesian and
/// English (the person at the router may read either).
enum HotspotReadme {
    static func text(for source: TenantExportSource, includesLogo: Bool) -> String {
        let directory = "hotspot-\(source.safeSlug)"
        let logoNoteID =
            includesLogo
            ? ""
            : """

            Catatan: logo tidak disertakan karena lebih besar dari \(HotspotExporter.logoBudget / 1024) KB
            (halaman login harus tetap di bawah 20 KB). Unggah logo yang lebih kecil untuk menampilkannya.

            """
        let logoNoteEN =
            includesLogo
            ? ""
            : """

            Note: the logo is not included because it is larger than \(HotspotExporter.logoBudget / 1024) KB
            (the login page must stay under 20 KB). Upload a smaller logo to show it.

            """
        return """
            Gerbang — halaman login hotspot MikroTik / MikroTik hotspot login pages
            Toko / Store: \(source.store.url(Paths.home))

            File: login.html alogin.html status.html logout.html error.html redirect.html rlogin.html
                  hotspot.css hotspot.js\(includesLogo ? " " + (source.logoFileName ?? "") : "") walled-garden.rsc

            BAHASA INDONESIA
            1. Di Winbox buka Files, buat folder "\(directory)" dan unggah semua file ini ke dalamnya
               (atau kirim lewat FTP/SFTP ke folder yang sama).
            2. Pakai folder itu untuk profil hotspot (Terminal):
                 RouterOS 7: /ip hotspot profile set [find] html-directory-override=\(directory)
                 RouterOS 6: /ip hotspot profile set [find] html-directory=\(directory)
            3. Aktifkan login HTTP CHAP dan HTTP PAP:
                 /ip hotspot profile set [find] login-by=http-chap,http-pap
               CHAP mengirim kata sandi sebagai hash MD5 (dihitung di halaman); PAP mengirimnya apa adanya.
            4. Buka akses ke toko dan pembayaran sebelum login (walled garden):
                 /import file-name=\(directory)/walled-garden.rsc
            5. Sambungkan ponsel ke Wi-Fi hotspot: halaman login dengan merek Anda dan tombol "Beli voucher" muncul.
            \(logoNoteID)
            ENGLISH
            1. In Winbox open Files, create a folder "\(directory)" and upload all these files into it
               (or copy them there over FTP/SFTP).
            2. Use that folder for the hotspot profile (Terminal):
                 RouterOS 7: /ip hotspot profile set [find] html-directory-override=\(directory)
                 RouterOS 6: /ip hotspot profile set [find] html-directory=\(directory)
            3. Enable HTTP CHAP and HTTP PAP login:
                 /ip hotspot profile set [find] login-by=http-chap,http-pap
               CHAP sends the password as an MD5 hash computed in the page; PAP sends it as typed.
            4. Let customers reach the store and the payment pages before they log in (walled garden):
                 /import file-name=\(directory)/walled-garden.rsc
            5. Join the hotspot Wi-Fi with a phone: your branded login page with its "Buy a voucher" button appears.
            \(logoNoteEN)
            """
    }
}
