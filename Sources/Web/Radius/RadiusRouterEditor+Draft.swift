import Foundation
import Templates

#if canImport(Glibc)
    import Glibc
#endif

extension RadiusRouterEditor {
    /// A router as the admin typed it, checked against what FreeRADIUS and RouterOS accept. The typed
    /// values are kept to be shown again, except the secret, which never goes back into a page.
    struct Draft: Sendable {
        typealias Field = AdminRouterFormView.Field

        let values: [String: String]
        private(set) var errors: [String: String] = [:]
        let name: String
        let identifier: String
        private(set) var address = ""
        /// nil: keep the stored secret (an edit left blank).
        private(set) var secret: String?
        private(set) var kind = RadiusRouter.Kind.hotspot
        private(set) var coaPort = 3799

        /// - Parameter hasStoredSecret: an edit, where a blank secret keeps the stored one.
        init(form: [String: String], hasStoredSecret: Bool, strings: AdminRadiusStrings) {
            var values: [String: String] = [:]
            for field in [Field.name, Field.identifier, Field.address, Field.kind, Field.coaPort] {
                values[field] = (form[field] ?? "").trimmed
            }
            self.values = values
            name = values[Field.name] ?? ""
            identifier = values[Field.identifier] ?? ""
            if name.isEmpty || name.count > 64 || name.contains(where: \.isNewline) { errors[Field.name] = strings.errorName }
            if identifier.count > 64 || !identifier.unicodeScalars.allSatisfy(Self.isSecretCharacter) {
                errors[Field.identifier] = strings.errorIdentifier
            }
            if let canonical = Self.canonicalIPv4(values[Field.address] ?? "") {
                address = canonical
            } else {
                errors[Field.address] = strings.errorAddress
            }
            let typedSecret = form[Field.secret] ?? ""
            if typedSecret.isEmpty && hasStoredSecret {
                secret = nil
            } else if (8...64).contains(typedSecret.unicodeScalars.count),
                typedSecret.unicodeScalars.allSatisfy(Self.isSecretCharacter)
            {
                secret = typedSecret
            } else {
                errors[Field.secret] = strings.errorSecret
            }
            if let kind = RadiusRouter.Kind(rawValue: values[Field.kind] ?? "") {
                self.kind = kind
            } else {
                errors[Field.kind] = strings.errorKind
            }
            let port = values[Field.coaPort] ?? ""
            if port.utf8.count <= 5, port.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int(port),
                (1...65535).contains(number)
            {
                coaPort = number
            } else {
                errors[Field.coaPort] = strings.errorCoAPort
            }
        }

        /// Printable ASCII without space, quotes or backslash: safe in a FreeRADIUS string, a RouterOS
        /// command and `radclient`'s argument alike.
        static func isSecretCharacter(_ scalar: Unicode.Scalar) -> Bool {
            (0x21...0x7E).contains(scalar.value) && !"\"'\\`".unicodeScalars.contains(scalar)
        }

        /// The address as the kernel writes it, or nil for anything that is not a plain dotted IPv4.
        static func canonicalIPv4(_ text: String) -> String? {
            guard !text.isEmpty, text.utf8.count <= 15, text.utf8.allSatisfy({ $0 == 0x2E || (0x30...0x39).contains($0) })
            else { return nil }
            var address = in_addr()
            guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
            var buffer = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            guard inet_ntop(AF_INET, &address, &buffer, socklen_t(buffer.count)) != nil else { return nil }
            let text = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            return String(decoding: text, as: UTF8.self)
        }

        /// The form's values for a stored router (never its secret).
        static func values(of router: RadiusRouter) -> [String: String] {
            [
                Field.name: router.name, Field.identifier: router.identifier, Field.address: router.address,
                Field.kind: router.kind.rawValue, Field.coaPort: String(router.coaPort),
            ]
        }

        static let newRouterValues = [Field.kind: RadiusRouter.Kind.hotspot.rawValue, Field.coaPort: "3799"]
    }
}
