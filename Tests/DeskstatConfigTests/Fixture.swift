import DeskstatConfig
import Foundation

/// An in-memory machine for loader tests: a working directory, a home, an environment, files.
struct Fixture {
    static let workingDirectory = "/work/project"
    static let home = "/home/ada"
    /// A token shaped like a real one; no test output may ever contain it.
    static let token = "6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv"
    /// `base64("admin@acme.com/token:" + token)`.
    static let basicPayload = "YWRtaW5AYWNtZS5jb20vdG9rZW46NndpSUJXYkdrQk1vMW1SRE11VndrdzFFUHNOa2VVajk1UEl6MmFrdg=="

    let files = InMemoryFileSystem()
    var environment: [String: String]

    init(environment: [String: String] = ["HOME": Fixture.home]) {
        self.environment = environment
        files.addDirectory(Self.workingDirectory)
        files.addDirectory(Self.home)
    }

    /// Writes `./deskstat.yaml` in the working directory.
    func config(_ text: String, permissions: Int = 0o600) {
        files.addFile(Self.workingDirectory + "/deskstat.yaml", contents: text, permissions: permissions)
    }

    /// Writes a file at `path` (relative paths start in the working directory).
    func file(_ path: String, _ text: String, permissions: Int = 0o600) {
        let absolute = path.hasPrefix("/") ? path : Self.workingDirectory + "/" + path
        files.addFile(absolute, contents: text, permissions: permissions)
    }

    func load(_ flags: ConfigFlags = ConfigFlags()) throws(ConfigError) -> DeskstatConfiguration {
        try ConfigLoader.load(
            flags: flags, environment: environment, workingDirectory: Self.workingDirectory, fileSystem: files)
    }

    /// The error `load` throws, or nil when it succeeds.
    func error(_ flags: ConfigFlags = ConfigFlags()) -> ConfigError? {
        do {
            _ = try load(flags)
            return nil
        } catch {
            return error
        }
    }
}

/// `dump(value)` as a string.
func dumped(_ value: some Any) -> String {
    var text = ""
    dump(value, to: &text)
    return text
}

/// A fresh directory under the system temporary directory, removed by the caller.
func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.path + "/deskstat-config-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Creates a real file with `permissions`.
func writeRealFile(_ path: String, _ text: String, permissions: Int) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
}

/// The permission bits of a real file.
func realPermissions(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}
