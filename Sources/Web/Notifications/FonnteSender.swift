import Foundation
import HTTP

/// WhatsApp through Fonnte, the device-linked gateway many Indonesian ISPs already use: `POST /send`
/// with the device token as `Authorization` and the fields `target`, `message` and `countryCode` as
/// `multipart/form-data`, exactly as its documentation's examples send them. Fonnte answers 200 with
/// `{"status": true, "id": [...]}` when it queued the message and `{"status": false, "reason": "..."}`
/// when it did not.
struct FonnteSender: WhatsAppSender {
    let token: String
    let baseURL: String
    let http: GatewayHTTPClient

    func send(_ text: String, to recipient: String) throws(DeliveryFailure) -> String? {
        let form = MultipartForm(parts: [
            MultipartForm.Part(name: "target", body: Array(Self.target(recipient).utf8)),
            MultipartForm.Part(name: "message", body: Array(text.utf8)),
            MultipartForm.Part(name: "countryCode", body: Array("62".utf8)),
        ]).encoded()
        let response: GatewayHTTPClient.Response
        do {
            response = try http.send(
                method: "POST", url: baseURL + "/send",
                headers: ["Authorization": token, "Content-Type": form.contentType], body: form.body)
        } catch {
            throw DeliveryFailure("Fonnte unreachable: \(error)")
        }
        guard response.isSuccess else { throw DeliveryFailure("Fonnte answered HTTP \(response.status)") }
        guard let answer = GatewayJSON(bytes: response.body), let accepted = answer.boolean("status") else {
            throw DeliveryFailure("Fonnte answered something other than its JSON")
        }
        guard accepted else {
            // Its reasons ("invalid token", "disconnected device", "insufficient quota"…) name no secret.
            throw DeliveryFailure("Fonnte refused: " + String((answer.string("reason") ?? "no reason given").prefix(200)))
        }
        return Self.messageID(in: answer)
    }

    /// Digits only, country code first (`6281234567890`): Fonnte's own form for a target.
    static func target(_ recipient: String) -> String {
        recipient.filter { ("0"..."9").contains($0) }
    }

    /// The first of the `id` list, which Fonnte writes as numbers or strings.
    private static func messageID(in answer: GatewayJSON) -> String? {
        guard let first = answer.array("id")?.first else { return nil }
        if let text = first as? String { return text }
        return (first as? NSNumber)?.stringValue
    }
}
