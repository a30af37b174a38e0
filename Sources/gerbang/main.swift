import Foundation
import Web

// Thin on purpose: everything testable lives in `Web`.
exit(GerbangCommand.run(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
