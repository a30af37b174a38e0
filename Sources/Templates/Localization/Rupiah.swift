/// Formats whole rupiah the Indonesian way: `Rp 5.000`, `Rp 1.250.000`.
public enum Rupiah {
    public static func format(_ amount: Int64) -> String {
        let digits = String(amount.magnitude)
        var grouped = ""
        grouped.reserveCapacity(digits.count + digits.count / 3 + 4)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return (amount < 0 ? "-Rp " : "Rp ") + grouped
    }
}
