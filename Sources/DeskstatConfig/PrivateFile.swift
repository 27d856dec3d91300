/// Reads files that may hold credentials (config and token files), refusing any that group or
/// others may read or write.
enum PrivateFile {
    /// The permission bits that must be clear: any access for group or others.
    static let forbiddenBits = 0o077

    /// The file's UTF-8 text, after checking it is a regular file with mode `0600` or stricter.
    static func read(absolutePath: String, displayPath: String, role: ConfigError.FileRole, fileSystem: any FileSystem)
        throws(ConfigError) -> String
    {
        let status: FileStatus?
        do {
            status = try fileSystem.status(ofItemAt: absolutePath)
        } catch {
            throw .unreadableFile(path: displayPath, reason: error.description)
        }
        guard let status else {
            throw .unreadableFile(path: displayPath, reason: "no such file; check the path")
        }
        guard status.kind == .file else {
            throw .unreadableFile(path: displayPath, reason: "it is not a regular file")
        }
        guard status.permissions & forbiddenBits == 0 else {
            throw .insecurePermissions(path: displayPath, mode: status.permissions, role: role)
        }
        do {
            let data = try fileSystem.contents(ofFileAt: absolutePath)
            guard let text = String(validating: data, as: UTF8.self) else {
                throw ConfigError.unreadableFile(path: displayPath, reason: "it is not UTF-8 text")
            }
            return text
        } catch let error as ConfigError {
            throw error
        } catch let error as FileSystemError {
            throw .unreadableFile(path: displayPath, reason: error.description)
        } catch {
            throw .unreadableFile(path: displayPath, reason: String(describing: error))
        }
    }
}
