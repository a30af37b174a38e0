/// A value inside a RouterOS script's double quotes. RouterOS reads `\`, `"`, `$` (a variable) and `?`
/// (help, when typed at the console) specially there, so they are escaped; any other byte outside
/// printable ASCII becomes `\XX` (its hex), the script language's own escape, so a value can neither end
/// the string nor the line and add a command of its own.
enum RouterOSString {
    static func quoted(_ text: String) -> String {
        var result = "\""
        for byte in text.utf8 {
            switch byte {
            case 0x5C: result += "\\\\"
            case 0x22: result += "\\\""
            case 0x24: result += "\\$"
            case 0x3F: result += "\\?"
            case 0x20...0x7E: result.unicodeScalars.append(Unicode.Scalar(byte))
            default: result += "\\" + hex(byte)
            }
        }
        return result + "\""
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
