import DeskstatConfig
import Foundation

/// A file system held in memory, for tests: no disk, no `$HOME`, permissions as set.
/// (Test support stays out of the library, as the repository's rules ask.)
///
/// ```swift
/// let files = InMemoryFileSystem()
/// files.addFile("/work/deskstat.yaml", contents: "subdomain: acme\n", permissions: 0o600)
/// ```
final class InMemoryFileSystem: FileSystem, @unchecked Sendable {
    private struct Entry {
        var data: Data
        var permissions: Int
    }

    private let lock = NSLock()
    private var files: [String: Entry] = [:]
    private var directories: Set<String> = ["/"]

    /// An empty file system (only `/` exists).
    init() {}

    /// Adds or replaces the file at `path` (its parent directories are created).
    func addFile(_ path: String, contents: String, permissions: Int = 0o600) {
        let path = normalised(path)
        lock.withLock {
            files[path] = Entry(data: Data(contents.utf8), permissions: permissions)
            addParents(of: path)
        }
    }

    /// Adds the directory at `path` and its parents.
    func addDirectory(_ path: String) {
        let path = normalised(path)
        lock.withLock {
            directories.insert(path)
            addParents(of: path)
        }
    }

    /// The file at `path` as UTF-8 text, or nil when there is none.
    func text(at path: String) -> String? {
        lock.withLock { files[normalised(path)].map { String(decoding: $0.data, as: UTF8.self) } }
    }

    /// The permission bits of the file at `path`, or nil when there is none.
    func permissions(at path: String) -> Int? {
        lock.withLock { files[normalised(path)]?.permissions }
    }

    func status(ofItemAt path: String) throws(FileSystemError) -> FileStatus? {
        let path = normalised(path)
        return lock.withLock {
            if let entry = files[path] { return FileStatus(kind: .file, permissions: entry.permissions) }
            if directories.contains(path) { return FileStatus(kind: .directory, permissions: 0o700) }
            return nil
        }
    }

    func contents(ofFileAt path: String) throws(FileSystemError) -> Data {
        let path = normalised(path)
        guard let data = lock.withLock({ files[path]?.data }) else { throw .notFound }
        return data
    }

    func writeAtomically(_ data: Data, to path: String, permissions: Int, overwrite: Bool)
        throws(FileSystemError)
    {
        let path = normalised(path)
        let result: FileSystemError? = lock.withLock {
            if directories.contains(path) { return .failed("is a directory") }
            if !overwrite && files[path] != nil { return .alreadyExists }
            guard directories.contains(directory(of: path)) else { return .failed("no such directory") }
            files[path] = Entry(data: data, permissions: permissions)
            return nil
        }
        if let result { throw result }
    }

    func createDirectory(at path: String, permissions: Int) throws(FileSystemError) {
        addDirectory(path)
    }

    /// Records every ancestor of `path` as a directory. Call with the lock held.
    private func addParents(of path: String) {
        var parent = directory(of: path)
        while !directories.contains(parent) {
            directories.insert(parent)
            parent = directory(of: parent)
        }
    }

    /// `path` without `.` and `..` segments and repeated slashes (absolute paths only).
    private func normalised(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/") where segment != "." {
            if segment == ".." {
                _ = segments.popLast()
            } else {
                segments.append(segment)
            }
        }
        return "/" + segments.joined(separator: "/")
    }

    /// The parent of an absolute, normalised path (`/` for `/x`).
    private func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
