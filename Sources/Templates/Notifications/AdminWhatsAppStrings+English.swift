extension AdminWhatsAppStrings {
    static let english = AdminWhatsAppStrings(
        sendersHeading: "Your own senders",
        sendersIntro:
            "Each sender is one Fonnte device with its own number. Messages are spread over the active ones by what each may still send this minute, and when one refuses, another takes the message. Your senders are used before the platform's.",
        sendersEmpty: "No sender of your own yet.",
        addSender: "Add a sender",
        editSender: "Edit sender",
        deleteSender: "Delete",
        fieldName: "Name",
        fieldNameHint: "For you: which device or number this is.",
        fieldPerMinute: "Messages per minute",
        fieldPerMinuteHint: "How many this device may send each minute, 1 to 1000.",
        fieldActive: "Active: this sender sends messages",
        columnToken: "Token",
        columnState: "State",
        stateActive: "Active",
        stateOff: "Off",
        errorName: "Give the sender a name of 1 to 60 characters.",
        errorPerMinute: "Enter a whole number from 1 to 1000.",
        sentThrough: { "through \($0)" },
        platformSender: "the platform's number"
    )
}
