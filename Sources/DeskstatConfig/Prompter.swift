import Foundation

/// Asks the user questions, one line per answer. `InitWizard` talks only to this, so tests can
/// script the answers.
public protocol Prompter {
    /// Shows `prompt` and returns the next line of input without its newline, or nil at the end of
    /// input.
    func ask(_ prompt: String) -> String?

    /// Shows a message: a problem with the last answer, or a note.
    func say(_ message: String)
}

/// Reads answers from standard input and writes prompts and messages to standard error (standard
/// output carries data only).
public struct StandardInputPrompter: Prompter {
    /// A prompter on the process's standard input and error.
    public init() {}

    public func ask(_ prompt: String) -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        return readLine(strippingNewline: true)
    }

    public func say(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
