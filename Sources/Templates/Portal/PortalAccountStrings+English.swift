extension PortalAccountStrings {
    static let english = PortalAccountStrings(
        passwordNav: "Password",
        passwordIntro: "Choose a new password for this portal. Your other devices are signed out when it changes.",
        passwordChangedOthersSignedOut: "Your password was changed, and your other devices were signed out.",
        forgotLink: "Forgot your password?",
        forgotTitle: "Forgot your password",
        forgotIntro: "Enter your customer number or PPPoE username. We send a code to the WhatsApp number we have for you.",
        sendCode: "Send the code",
        codeSentNotice:
            "If this account exists and has a WhatsApp number, a six-digit code is on its way there. It works for 15 minutes.",
        resetTitle: "Set a new password",
        resetIntro: "Enter the code from WhatsApp and your new password.",
        fieldCode: "Code from WhatsApp",
        fieldCodeHint: "Six digits.",
        setNewPassword: "Set the new password",
        askAgain: "No code? Ask for a new one",
        errorCodeFormat: "Enter the six digits of the code.",
        errorCodeWrong: "This code is wrong or no longer works. Check it, or ask for a new one.",
        codeMessage: { seller, code, minutes in
            "\(seller): your code to set a new portal password is \(code). It works for \(minutes) minutes. Never share it with anyone, not even our staff."
        },
        labelSpeed: "Speed",
        speedValue: { down, up in "\(down) down / \(up) up" },
        usageHeading: { "Usage in \($0)" },
        usageNone: "No usage recorded this month.",
        usageSessions: "Sessions",
        usageTimeOnline: "Time online",
        usageDownload: "Downloaded",
        usageUpload: "Uploaded",
        usageOnlineNow: "Online now",
        usageNote: "From your router's accounting; a session that began last month counts in full.",
        duration: { hours, minutes in hours > 0 ? "\(hours) h \(minutes) min" : "\(minutes) min" }
    )
}
