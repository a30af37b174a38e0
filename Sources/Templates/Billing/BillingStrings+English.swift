extension BillingStrings {
    static let english = BillingStrings(
        title: "Billing",
        intro:
            "How your monthly subscribers are invoiced. Each gets one invoice a month on their billing day, sent by WhatsApp with a pay link.",
        fieldTimeZone: "Time zone",
        timeZoneHint: "Billing days, due dates and reminders follow this zone's calendar.",
        timeZoneJakarta: "Western Indonesia (WIB, Asia/Jakarta)",
        timeZoneMakassar: "Central Indonesia (WITA, Asia/Makassar)",
        timeZoneJayapura: "Eastern Indonesia (WIT, Asia/Jayapura)",
        fieldProrate: "Prorate the first invoice (only the days from installation to the next billing day)",
        prorateHint: "Otherwise the first invoice is for the whole month.",
        fieldDueDays: "Days until the due date",
        dueDaysHint: "0 to 60 days after the invoice.",
        fieldGraceDays: "Days after the due date before isolation",
        graceDaysHint: "0 to 90 days.",
        fieldReminderDays: "Reminder this many days before the due date",
        reminderDaysHint: "0 to 30 (0: no early reminder; one is always sent on the due date).",
        errorTimeZone: "Choose one of Indonesia's three time zones.",
        errorDueDays: "Enter a whole number of days from 0 to 60.",
        errorGraceDays: "Enter a whole number of days from 0 to 90.",
        errorReminderDays: "Enter a whole number of days from 0 to 30.",
        messagesTitle: "Billing messages",
        messagesIntro: "The WhatsApp texts your subscribers receive, in each language. Empty a box to go back to the built-in text.",
        messagesHint:
            "Placeholders: {{name}} {{amount}} {{due_date}} {{period}} {{invoice_number}} {{link}} {{isp}}. The text must contain {{link}}.",
        messageLabel: { kind, language in
            let name = BillingStrings.englishKindName(kind)
            return language == "id" ? "\(name) (Indonesian)" : "\(name) (English)"
        },
        errorMessageTooLong: "Keep the text to at most 1,000 characters.",
        errorMessageNeedsLink: "The text must contain {{link}}, or the subscriber cannot pay.",
        errorUnknownPlaceholder: { "There is no placeholder {{\($0)}}." },
        payLinkHeading: "Pay link",
        payLinkIntro: "Only a fingerprint of the link is stored, so it cannot be shown again. A new link stops the old one from working.",
        reissueLink: "Issue a new link",
        resendLink: "Send a new link by WhatsApp",
        newLinkShown: "The new pay link (shown only now; the old link no longer works):",
        resendQueued: { "A new link is on its way to \($0) by WhatsApp; the old link no longer works." },
        noWhatsAppNumber: "The customer has no WhatsApp number: issue a new link and pass it on yourself.",
        notPayable: "This invoice is not open, so it has no pay link.",
        messagesSentHeading: "Messages sent",
        noMessagesSent: "No message yet.",
        messageKindName: { BillingStrings.englishKindName($0) },
        defaultMessage: { kind in
            switch kind {
            case .issued:
                "{{isp}}: Hello {{name}}, your internet bill {{invoice_number}} for {{period}} is {{amount}}, due {{due_date}}. Pay here: {{link}}"
            case .beforeDue:
                "{{isp}}: Hello {{name}}, a reminder: bill {{invoice_number}} of {{amount}} is due on {{due_date}}. Pay here: {{link}}"
            case .due:
                "{{isp}}: Hello {{name}}, bill {{invoice_number}} of {{amount}} is due today ({{due_date}}). Pay now to stay connected: {{link}}"
            case .isolated:
                "{{isp}}: Hello {{name}}, your internet is limited because bill {{invoice_number}} of {{amount}} (due {{due_date}}) is unpaid. Pay here and it is restored at once: {{link}}"
            }
        })

    static func englishKindName(_ kind: BillingMessageKind) -> String {
        switch kind {
        case .issued: "New invoice"
        case .beforeDue: "Reminder before the due date"
        case .due: "Reminder on the due date"
        case .isolated: "After isolation"
        }
    }
}
