import Foundation

/// Where import input comes from: files, directories (searched recursively) or standard input.
public struct ImportSource: Sendable, Equatable {
    /// A file path, or `-` for standard input.
    public let path: String
    public let size: Int64
    /// Bytes supplied directly (generated data), instead of a file.
    let contents: [UInt8]?

    init(path: String, size: Int64, contents: [UInt8]? = nil) {
        self.path = path
        self.size = size
        self.contents = contents
    }

    /// A source held in memory, named `name` in messages (the extension decides NDJSON or not).
    public static func inMemory(name: String, bytes: [UInt8]) -> ImportSource {
        ImportSource(path: name, size: Int64(bytes.count), contents: bytes)
    }

    static let stdinPath = "-"
    static let extensions: Set<String> = ["json", "jsonl", "ndjson"]

    /// Whether the file holds one JSON value per line.
    var isLineDelimited: Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        return ext == "jsonl" || ext == "ndjson"
    }

    /// Expands paths into files, in a stable order: directories contribute their `.json`, `.jsonl`
    /// and `.ndjson` files sorted by path; explicit files keep the order given.
    public static func resolve(_ paths: [String]) throws(ImportError) -> [ImportSource] {
        var sources: [ImportSource] = []
        let files = FileManager.default
        for path in paths {
            if path == stdinPath {
                sources.append(ImportSource(path: stdinPath, size: 0))
                continue
            }
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missingInput(path: path) }
            if isDirectory.boolValue {
                sources += try directoryFiles(path)
            } else {
                guard extensions.contains((path as NSString).pathExtension.lowercased()) else {
                    throw .unsupportedFile(path: path)
                }
                sources.append(ImportSource(path: path, size: fileSize(path)))
            }
        }
        return sources
    }

    private static func directoryFiles(_ directory: String) throws(ImportError) -> [ImportSource] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw .unreadable(path: directory, reason: "the directory cannot be listed")
        }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let full = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                extensions.contains((relative as NSString).pathExtension.lowercased())
            {
                found.append(full)
            }
        }
        return found.sorted().map { ImportSource(path: $0, size: fileSize($0)) }
    }

    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// The file's bytes (standard input is read to its end).
    func read() throws(ImportError) -> [UInt8] {
        if let contents { return contents }
        if path == Self.stdinPath {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or not a regular file")
        }
        return Array(data)
    }

    /// The name used in messages.
    var displayName: String { path == Self.stdinPath ? "<stdin>" : path }
}
