public import Foundation

/// The file operations configuration needs, so tests can run against an in-memory fake
/// instead of the real disk (and never touch `$HOME`).
///
/// Paths are absolute by the time they reach a `FileSystem`: the loader resolves relative paths
/// against the working directory it was given.
public protocol FileSystem: Sendable {
    /// What is at `path` (following symbolic links), or nil when nothing is.
    func status(ofItemAt path: String) throws(FileSystemError) -> FileStatus?

    /// The bytes of the file at `path`.
    func contents(ofFileAt path: String) throws(FileSystemError) -> Data

    /// Writes `data` to `path` atomically (a temporary file, then a rename) with `permissions`.
    /// When `overwrite` is false and `path` exists, throws `.alreadyExists` and changes nothing.
    func writeAtomically(_ data: Data, to path: String, permissions: Int, overwrite: Bool) throws(FileSystemError)

    /// Creates the directory at `path` and any missing parents, each with `permissions`.
    func createDirectory(at path: String, permissions: Int) throws(FileSystemError)
}

/// What `FileSystem.status(ofItemAt:)` reports.
public struct FileStatus: Sendable, Equatable {
    /// The kind of item.
    public enum Kind: Sendable, Equatable {
        case file
        case directory
        case other
    }

    /// The kind of item.
    public var kind: Kind
    /// The permission bits (`st_mode & 0o7777`), e.g. `0o600`.
    public var permissions: Int

    /// A status of `kind` with `permissions`.
    public init(kind: Kind, permissions: Int) {
        self.kind = kind
        self.permissions = permissions
    }
}

/// A failed file operation.
public enum FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The target of a no-overwrite write exists.
    case alreadyExists
    /// Nothing exists at the path.
    case notFound
    /// Any other failure, with the system's reason (`Permission denied`).
    case failed(String)

    public var description: String {
        switch self {
        case .alreadyExists: "the file already exists"
        case .notFound: "no such file or directory"
        case .failed(let reason): reason
        }
    }
}
