import Foundation
import Testing

@testable import Web

/// `LogoImage`: the type comes from the first bytes and the size from the header, never from the name.
@Suite struct AdminLogoImageTests {
    @Test func pngDimensionsAreReadFromTheIHDRChunk() throws {
        let logo = try LogoImage(bytes: AdminFixtures.png(width: 300, height: 120))
        #expect(logo.contentType == "image/png")
        #expect(logo.width == 300 && logo.height == 120)
    }

    @Test func jpegDimensionsAreReadFromTheFirstFrameHeaderAfterOtherSegments() throws {
        // SOI, an APP0 segment of 16 bytes, then SOF0 with height 90 and width 160.
        let app0: [UInt8] = [0xFF, 0xE0, 0x00, 0x10] + [UInt8](repeating: 0, count: 14)
        let sof0: [UInt8] = [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 90, 0x00, 160, 0x03] + [UInt8](repeating: 0, count: 9)
        let logo = try LogoImage(bytes: [0xFF, 0xD8] + app0 + sof0)
        #expect(logo.contentType == "image/jpeg")
        #expect(logo.width == 160 && logo.height == 90)
    }

    @Test func webPLossyLosslessAndExtendedDimensionsAreRead() throws {
        func riff(_ chunk: String, _ payload: [UInt8]) -> [UInt8] {
            Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8) + Array(chunk.utf8) + [0, 0, 0, 0] + payload
                + [UInt8](repeating: 0, count: 16)
        }
        let lossy = try LogoImage(bytes: riff("VP8 ", [0, 0, 0, 0x9D, 0x01, 0x2A, 64, 0, 32, 0]))
        #expect(lossy.contentType == "image/webp" && lossy.width == 64 && lossy.height == 32)
        // 14 bits width-1 = 99, then 14 bits height-1 = 49.
        let bits = UInt32(99) | UInt32(49) << 14
        let lossless = try LogoImage(
            bytes: riff("VP8L", [0x2F, UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 24)]))
        #expect(lossless.width == 100 && lossless.height == 50)
        let extended = try LogoImage(bytes: riff("VP8X", [0, 0, 0, 0, 199, 0, 0, 99, 0, 0]))
        #expect(extended.width == 200 && extended.height == 100)
    }

    @Test func svgGifTextAndTruncatedHeadersAreRefused() {
        let refused: [[UInt8]] = [
            Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8), Array("GIF89a\u{1}\u{0}\u{1}\u{0}".utf8),
            Array("<html><script>alert(1)</script></html>".utf8), Array(AdminFixtures.png(width: 10, height: 10).prefix(20)),
            [0xFF, 0xD8, 0xFF], [],
        ]
        for bytes in refused {
            #expect(throws: LogoImage.Problem.unsupportedType) { try LogoImage(bytes: bytes) }
        }
    }

    @Test func sizeAndDimensionBoundsAreEnforced() {
        #expect(throws: LogoImage.Problem.tooLarge) {
            try LogoImage(bytes: AdminFixtures.png(width: 10, height: 10, padding: LogoImage.maxBytes))
        }
        #expect(throws: LogoImage.Problem.tooManyPixels) { try LogoImage(bytes: AdminFixtures.png(width: 10, height: 2049)) }
        #expect(throws: LogoImage.Problem.unsupportedType) { try LogoImage(bytes: AdminFixtures.png(width: 0, height: 10)) }
        #expect(throws: Never.self) { try LogoImage(bytes: AdminFixtures.png(width: 2048, height: 2048)) }
    }
}
