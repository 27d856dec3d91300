import Foundation

/// Writes the config file `deskstat init` produced: atomically, with mode `0600`, and never over an
/// existing file unless asked.
public enum ConfigWriter {
    /// The mode of a written config file: read and write for the owner only.
    public static let permissions = 0o600
    /// The mode of a folder created for it.
    public static let directoryPermissions = 0o700

    /// Writes `text` to `path` (creating missing parent folders with mode `0700`).
    ///
    /// Throws `.fileExists` when the file exists and `overwrite` is false (nothing is changed),
    /// and `.writeFailed` with the system's reason otherwise.
    public static func write(
        _ text: String, to path: String, overwrite: Bool, fileSystem: any FileSystem = LocalFileSystem()
    ) throws(ConfigError) {
        do throws(FileSystemError) {
            let directory = Path.directory(of: path)
            if try fileSystem.status(ofItemAt: directory) == nil {
                try fileSystem.createDirectory(at: directory, permissions: directoryPermissions)
            }
            if try fileSystem.status(ofItemAt: path)?.kind == .directory {
                throw .failed("it is a directory; give a file path")
            }
            try fileSystem.writeAtomically(Data(text.utf8), to: path, permissions: permissions, overwrite: overwrite)
        } catch .alreadyExists {
            throw .fileExists(path: path)
        } catch {
            throw .writeFailed(path: path, reason: error.description)
        }
    }
}
