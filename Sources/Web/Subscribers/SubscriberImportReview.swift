import Foundation

/// What an import of a file would do, decided in one place for the dry run and the real run: which rows
/// become subscribers (each checked by `SubscriberInput`, its plan found among the tenant's active plans)
/// and which are skipped, with every reason. A row is skipped when its user name or customer number is
/// already the tenant's, or came earlier in the file, and when the file marks it as no live subscriber;
/// existing subscribers are never changed by an import.
struct SubscriberImportReview: Sendable {
    /// A plan a row may name, by its name or its RADIUS group (either, without regard to case).
    struct Plan: Sendable, Hashable {
        let id: UUID
        let name: String
        let radiusGroup: String
    }

    enum Reason: Sendable, Hashable {
        case field(SubscriberInput.Field, SubscriberInput.Problem)
        case record(SubscriberImportFile.RecordProblem)
        /// The file marks the row as no live subscriber (a disabled secret, a terminated customer).
        case inactive(String)
        case planMissing
        case planUnknown(String)
        case usernameRepeated(firstLine: Int)
        case customerNumberRepeated(firstLine: Int)
        case usernameTaken
        case customerNumberTaken
    }

    struct Accepted: Sendable, Hashable {
        let line: Int
        let input: SubscriberInput
        let plan: Plan
        /// Checked present by `SubscriberInput` (a new subscriber requires one).
        var password: String { input.pppoePassword ?? "" }
    }

    struct Rejected: Sendable, Hashable {
        let line: Int
        /// What the row says its user name is, to help find it; may be empty or invalid.
        let username: String
        let reasons: [Reason]
    }

    let accepted: [Accepted]
    let rejected: [Rejected]

    /// The user names and customer numbers a file's rows claim, for asking the database which are taken.
    static func claims(of file: SubscriberImportFile) -> (usernames: [String], customerNumbers: [String]) {
        var usernames: Set<String> = []
        var numbers: Set<String> = []
        for row in file.rows {
            let username = (row.values[SubscriberInput.Field.pppoeUsername.rawValue] ?? "").trimmed.lowercased()
            if !username.isEmpty { usernames.insert(username) }
            let number = (row.values[SubscriberInput.Field.customerNumber.rawValue] ?? "").trimmed.uppercased()
            if !number.isEmpty { numbers.insert(number) }
        }
        return (usernames.sorted(), numbers.sorted())
    }

    /// - Parameters:
    ///   - takenUsernames: the file's user names the tenant already has (as subscribers or RADIUS users).
    ///   - takenCustomerNumbers: the file's customer numbers the tenant already has.
    init(file: SubscriberImportFile, plans: [Plan], takenUsernames: Set<String>, takenCustomerNumbers: Set<String>) {
        var plansByKey: [String: Plan] = [:]
        for plan in plans {
            plansByKey[plan.radiusGroup.lowercased()] = plan
            plansByKey[plan.name.trimmed.lowercased()] = plan
        }
        var firstLineOfUsername: [String: Int] = [:]
        var firstLineOfNumber: [String: Int] = [:]
        var accepted: [Accepted] = []
        var rejected: [Rejected] = []
        for row in file.rows {
            let rawUsername = (row.values[SubscriberInput.Field.pppoeUsername.rawValue] ?? "").trimmed
            if let problem = row.problem {
                rejected.append(Rejected(line: row.line, username: rawUsername, reasons: [.record(problem)]))
                continue
            }
            let input = SubscriberInput(values: row.values, requiresPassword: true)
            var reasons = SubscriberInput.Field.allCases.compactMap { field in
                input.problems[field].map { Reason.field(field, $0) }
            }
            if let mark = row.inactiveMark { reasons.insert(.inactive(mark), at: 0) }
            let plan = plansByKey[row.plan.lowercased()]
            if row.plan.isEmpty {
                reasons.append(.planMissing)
            } else if plan == nil {
                reasons.append(.planUnknown(row.plan))
            }
            if input.problems[.pppoeUsername] == nil {
                if let first = firstLineOfUsername[input.pppoeUsername] {
                    reasons.append(.usernameRepeated(firstLine: first))
                } else {
                    firstLineOfUsername[input.pppoeUsername] = row.line
                    if takenUsernames.contains(input.pppoeUsername) { reasons.append(.usernameTaken) }
                }
            }
            if let number = input.customerNumber {
                if let first = firstLineOfNumber[number] {
                    reasons.append(.customerNumberRepeated(firstLine: first))
                } else {
                    firstLineOfNumber[number] = row.line
                    if takenCustomerNumbers.contains(number) { reasons.append(.customerNumberTaken) }
                }
            }
            if let plan, reasons.isEmpty {
                accepted.append(Accepted(line: row.line, input: input, plan: plan))
            } else {
                rejected.append(Rejected(line: row.line, username: rawUsername, reasons: reasons))
            }
        }
        self.accepted = accepted
        self.rejected = rejected
    }
}
