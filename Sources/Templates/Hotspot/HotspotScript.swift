/// `hotspot.js`: the only script of the exported router pages. Plain ES5 (no modules, no `fetch`, no
/// arrow functions), because hotspot customers arrive on whatever phone they have.
///
/// It submits the login through the hidden `sendin` form: the voucher code as username and password,
/// or the account's username and password; with HTTP-CHAP (`hotspotChap` is set by the page from
/// `$(chap-id)` and `$(chap-challenge)`) the password becomes `hexMD5(chap-id + password + challenge)`.
/// It also replaces MikroTik's English `$(error)` text with the tenant's language.
public enum HotspotScript {
    public static let fileName = "hotspot.js"

    /// The script for pages in `language`.
    public static func source(language: Language) -> String {
        var script = md5 + login
        script += "hotspotTranslate(["
        script += errorMessages(language.hotspotStrings)
            .map { "[\(javaScriptString($0.match)),\(javaScriptString($0.text))]" }
            .joined(separator: ",\n")
        script += "]);\n"
        return script
    }

    /// MikroTik's own English messages (lower-cased fragments) and what the customer reads instead.
    static func errorMessages(_ strings: HotspotStrings) -> [(match: String, text: String)] {
        [
            ("invalid username or password", strings.errorInvalidCredentials),
            ("invalid password", strings.errorInvalidCredentials),
            ("no more sessions are allowed", strings.errorSessionLimit),
            ("uptime limit", strings.errorUptimeLimit),
            ("traffic limit", strings.errorTrafficLimit),
            ("not allowed to log in from this mac", strings.errorWrongDevice),
            ("this mac address is not yours", strings.errorWrongDevice),
            ("radius server is not responding", strings.errorServerNotResponding),
            ("already authorizing", strings.errorBusy),
            ("did not send challenge response", strings.errorNoChallenge),
            ("cannot assign ip address", strings.errorNoAddress),
        ]
    }

    /// A double-quoted JavaScript string literal in which everything but letters, digits, space and
    /// a few punctuation marks is a `\uXXXX` escape, so no text can end the string or the script.
    static func javaScriptString(_ text: String) -> String {
        var literal = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x20, 0x2C, 0x2E:
                literal.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                literal += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return literal + "\""
    }

    /// RFC 1321 MD5 over a byte string (each character's code is one byte), as lower-case hex.
    private static let md5 = #"""
        function hexMD5(s) {
          var K = [3614090360,3905402710,606105819,3250441966,4118548399,1200080426,2821735955,4249261313,
            1770035416,2336552879,4294925233,2304563134,1804603682,4254626195,2792965006,1236535329,
            4129170786,3225465664,643717713,3921069994,3593408605,38016083,3634488961,3889429448,
            568446438,3275163606,4107603335,1163531501,2850285829,4243563512,1735328473,2368359562,
            4294588738,2272392833,1839030562,4259657740,2763975236,1272893353,4139469664,3200236656,
            681279174,3936430074,3572445317,76029189,3654602809,3873151461,530742520,3299628645,
            4096336452,1126891415,2878612391,4237533241,1700485571,2399980690,4293915773,2240044497,
            1873313359,4264355552,2734768916,1309151649,4149444226,3174756917,718787259,3951481745];
          var R = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
          function add(x, y) {
            var low = (x & 0xFFFF) + (y & 0xFFFF);
            return (((x >> 16) + (y >> 16) + (low >> 16)) << 16) | (low & 0xFFFF);
          }
          var n = s.length, blocks = (((n + 8) >> 6) + 1) * 16, w = [], i, j;
          for (i = 0; i < blocks; i++) { w[i] = 0; }
          for (i = 0; i < n; i++) { w[i >> 2] |= (s.charCodeAt(i) & 255) << ((i % 4) * 8); }
          w[n >> 2] |= 0x80 << ((n % 4) * 8);
          w[blocks - 2] = n * 8;
          var h = [1732584193, -271733879, -1732584194, 271733878];
          for (j = 0; j < blocks; j += 16) {
            var a = h[0], b = h[1], c = h[2], d = h[3], f, g, t;
            for (i = 0; i < 64; i++) {
              if (i < 16) { f = (b & c) | (~b & d); g = i; }
              else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) % 16; }
              else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) % 16; }
              else { f = c ^ (b | ~d); g = (7 * i) % 16; }
              t = add(add(a, f), add(K[i], w[j + g]));
              var r = R[(i >> 4) * 4 + (i % 4)];
              a = d; d = c; c = b;
              b = add(b, (t << r) | (t >>> (32 - r)));
            }
            h[0] = add(h[0], a); h[1] = add(h[1], b); h[2] = add(h[2], c); h[3] = add(h[3], d);
          }
          var hex = '0123456789abcdef', out = '';
          for (i = 0; i < 16; i++) {
            var v = (h[i >> 2] >> ((i % 4) * 8)) & 255;
            out += hex.charAt(v >> 4) + hex.charAt(v & 15);
          }
          return out;
        }

        """#

    private static let login = #"""
        function hotspotById(id) { return document.getElementById(id); }
        function hotspotSend(username, password) {
          var form = hotspotById('sendin');
          var chap = window.hotspotChap;
          form.elements['username'].value = username;
          form.elements['password'].value = chap ?
            hexMD5(chap[0] + unescape(encodeURIComponent(password)) + chap[1]) : password;
          form.submit();
          return false;
        }
        function hotspotTranslate(messages) {
          var node = hotspotById('hotspot-error');
          if (!node) { return; }
          var raw = (node.textContent || node.innerText || '').toLowerCase();
          for (var i = 0; i < messages.length; i++) {
            if (raw.indexOf(messages[i][0]) >= 0) {
              if (node.textContent !== undefined) { node.textContent = messages[i][1]; }
              else { node.innerText = messages[i][1]; }
              return;
            }
          }
        }
        (function () {
          var voucher = hotspotById('voucher-form'), account = hotspotById('account-form');
          var notice = hotspotById('hotspot-nojs');
          if (notice) { notice.style.display = 'none'; }
          if (voucher) {
            voucher.onsubmit = function () {
              var code = hotspotById('voucher-code').value.replace(/\s+/g, '');
              return hotspotSend(code, code);
            };
          }
          if (account) {
            account.onsubmit = function () {
              return hotspotSend(hotspotById('account-username').value, hotspotById('account-password').value);
            };
          }
        })();

        """#
}
