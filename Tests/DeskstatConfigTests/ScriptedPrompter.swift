import DeskstatConfig

/// A prompter that answers from a list; it records what was asked and said.
final class ScriptedPrompter: Prompter {
    /// Answers not yet given, in order.
    private(set) var remainingAnswers: [String]
    /// Every prompt shown, in order.
    private(set) var prompts: [String] = []
    /// Every message shown, in order.
    private(set) var messages: [String] = []

    /// A prompter that gives `answers` in order, then reports the end of input.
    init(answers: [String]) {
        remainingAnswers = answers
    }

    func ask(_ prompt: String) -> String? {
        prompts.append(prompt)
        return remainingAnswers.isEmpty ? nil : remainingAnswers.removeFirst()
    }

    func say(_ message: String) {
        messages.append(message)
    }
}
