import Testing

@testable import Templates

/// A layout that takes its content as a parameter, the way pages will use it.
private struct Layout: HTMLComponent {
    let title: String
    let content: HTMLFragment

    init(title: String, @HTMLBuilder content: () -> HTMLFragment) {
        self.title = title
        self.content = content()
    }

    var body: HTMLFragment {
        HTMLDocument(lang: "en") {
            Element.head { Element.title { title } }
            Element.body { Element.main { content } }
        }
    }
}

private struct PriceTag: HTMLComponent {
    let amount: Int
    var body: HTMLFragment {
        Element.span(.class("price")) {
            "Rp "
            amount
        }
    }
}

@HTMLBuilder private func card(name: String, price: Int) -> HTMLFragment {
    Element.h3 { name }
    PriceTag(amount: price)
}

@Suite struct HTMLComponentTests {
    @Test func layoutsWrapTheContentTheyAreGiven() {
        let html = Layout(title: "<Paket>") {
            for (name, price) in [("Harian", 5000), ("A&B", 10000)] {
                card(name: name, price: price)
            }
        }.renderString()
        #expect(
            html
                == "<!DOCTYPE html><html lang=\"en\"><head><title>&lt;Paket&gt;</title></head><body><main>"
                + "<h3>Harian</h3><span class=\"price\">Rp 5000</span>"
                + "<h3>A&amp;B</h3><span class=\"price\">Rp 10000</span></main></body></html>")
    }

    @Test func componentsRenderTheirBodyWhenRenderedDirectly() {
        #expect(PriceTag(amount: 7).renderString() == "<span class=\"price\">Rp 7</span>")
    }

    @Test func fragmentsCanBeStoredAndReused() {
        let footer = HTMLFragment { Element.small { "©" } }
        let html = Element.div {
            footer
            footer
        }.renderString()
        #expect(html == "<div><small>©</small><small>©</small></div>")
        #expect(HTMLFragment().isEmpty)
        #expect(!footer.isEmpty)
    }
}
