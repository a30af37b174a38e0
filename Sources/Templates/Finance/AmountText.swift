/// An amount in a finance table: `Rp 12.500.000`, which may break after `Rp` but never inside the number,
/// however narrow its column (list cells otherwise wrap anywhere).
struct AmountText: HTMLComponent {
    let amount: Int64

    init(_ amount: Int64) {
        self.amount = amount
    }

    var body: HTMLFragment {
        Element.span(.class("amount")) { Rupiah.format(amount) }
    }
}
