import Templates

/// The WhatsApp text that brings a buyer their codes, in the order's language:
/// who sold it, what it is, the codes one per line, and how to use them.
struct VoucherMessage: Sendable {
    let sellerName: String
    let order: VoucherOrder
    let codes: [String]

    var text: String {
        let strings = (Language(rawValue: order.language) ?? .id).strings
        var lines = [sellerName, strings.voucherMessageThanks, ""]
        lines.append(strings.voucherMessageCodes(order.profileName, order.number))
        lines.append(contentsOf: codes)
        lines.append("")
        lines.append(strings.voucherMessageHowTo)
        return lines.joined(separator: "\n")
    }
}
