public import DeskstatCache
public import ZendeskWire

/// Everything that can stop an import.
public enum ImportError: Error, Sendable, CustomStringConvertible {
    /// A path given on the command line does not exist.
    case missingInput(path: String)
    /// A file could not be read.
    case unreadable(path: String, reason: String)
    /// A path names a file deskstat does not import.
    case unsupportedFile(path: String)
    /// A file's content is malformed; nothing from it was committed.
    case malformed(path: String, line: Int?, error: WireError)
    /// The cache refused the write; nothing from the file was committed.
    case cache(path: String, error: CacheError)
    /// `--keep-going` imported what it could, but some files failed.
    case partial(failures: [ImportFailure])
    /// `--keep-going` passed over every file: nothing was imported.
    case nothingImported(failures: [ImportFailure])

    public var description: String {
        switch self {
        case .missingInput(let path):
            return "\(path): no such file or directory"
        case .unreadable(let path, let reason):
            return "\(path): cannot be read: \(reason)"
        case .unsupportedFile(let path):
            return "\(path): not a .json, .jsonl or .ndjson file; rename it or pass the JSON files themselves"
        case .malformed(let path, let line, let error):
            let place = line.map { "\(path) (line \($0))" } ?? path
            return
                "\(place): \(error); nothing from this file was imported — fix or re-export the file and import it again"
        case .cache(let path, let error):
            return "\(path): \(error); nothing from this file was imported"
        case .partial(let failures):
            return "\(failures.count) file(s) failed and were not imported:\n"
                + failures.map { "  " + $0.message }.joined(separator: "\n")
        case .nothingImported(let failures):
            return "nothing was imported: all \(failures.count) file(s) failed:\n"
                + failures.map { "  " + $0.message }.joined(separator: "\n")
        }
    }

    /// Whether this is a problem with the input data (as opposed to the environment).
    public var isDataError: Bool {
        switch self {
        case .malformed, .unsupportedFile: true
        default: false
        }
    }
}

/// One file that `--keep-going` passed over.
public struct ImportFailure: Sendable, Equatable, Codable {
    public let path: String
    public let message: String
    /// Whether the file itself was bad (malformed or unsupported), not the environment.
    public var isDataError = true

    private enum CodingKeys: String, CodingKey { case path, message }

    public init(path: String, message: String, isDataError: Bool = true) {
        self.path = path
        self.message = message
        self.isDataError = isDataError
    }
}
