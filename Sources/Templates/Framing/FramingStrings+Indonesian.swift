extension FramingStrings {
    static let indonesian = FramingStrings(
        fieldLabel: "Situs yang boleh menampilkan halaman Anda dalam bingkai",
        fieldHint:
            "Kosongkan kecuali situs web Anda sendiri menyematkan toko ini. Hanya alamat HTTPS, dipisahkan spasi, "
            + "misalnya https://www.isp-anda.co.id (paling banyak 5).",
        errorOrigins:
            "Isi paling banyak 5 alamat seperti https://www.isp-anda.co.id, tanpa path, dipisahkan spasi.")
}
