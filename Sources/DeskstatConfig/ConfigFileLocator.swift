/// A config file chosen for reading: the path shown to the user, the path used on disk, and why
/// it was chosen.
struct LocatedConfigFile: Sendable, Equatable {
    /// As the user would write it: `./deskstat.yaml`, the `--config` argument, or absolute.
    let displayPath: String
    /// Absolute and normalised.
    let absolutePath: String
    /// `.flag("--config")`, `.environment("XDG_CONFIG_HOME")` or `.default`.
    let source: ConfigSource
}

/// Finds the config file: `--config PATH`, else `./deskstat.yaml`, else
/// `$XDG_CONFIG_HOME/deskstat/deskstat.yaml` (or `~/.config/deskstat/deskstat.yaml` when
/// `XDG_CONFIG_HOME` is unset, empty or relative, as the XDG spec says).
enum ConfigFileLocator {
    /// The file name searched for.
    static let fileName = "deskstat.yaml"

    /// The config file to read, or nil when none exists (then only flags, environment and
    /// defaults apply). A `--config` path that does not exist is an error.
    static func locate(
        flags: ConfigFlags, environment: [String: String], workingDirectory: String, fileSystem: any FileSystem
    ) throws(ConfigError) -> LocatedConfigFile? {
        let home = environment["HOME"]
        if let explicit = flags.configPath {
            let file = LocatedConfigFile(
                displayPath: explicit,
                absolutePath: Path.absolute(Path.expandingTilde(explicit, home: home), from: workingDirectory),
                source: .flag(ConfigFlags.configFlag))
            guard try isFile(file, fileSystem) else { throw .configFileNotFound(path: explicit) }
            return file
        }
        for candidate in candidates(environment: environment, workingDirectory: workingDirectory)
        where try isFile(candidate, fileSystem) {
            return candidate
        }
        return nil
    }

    /// The searched locations, in order.
    static func candidates(environment: [String: String], workingDirectory: String) -> [LocatedConfigFile] {
        var result = [
            LocatedConfigFile(
                displayPath: "./" + fileName, absolutePath: Path.absolute(fileName, from: workingDirectory),
                source: .default)
        ]
        if let xdg = environment["XDG_CONFIG_HOME"], Path.isAbsolute(xdg) {
            let path = Path.normalised(xdg + "/deskstat/" + fileName)
            result.append(
                LocatedConfigFile(displayPath: path, absolutePath: path, source: .environment("XDG_CONFIG_HOME")))
        } else if let home = environment["HOME"], Path.isAbsolute(home) {
            let path = Path.normalised(home + "/.config/deskstat/" + fileName)
            result.append(LocatedConfigFile(displayPath: path, absolutePath: path, source: .default))
        }
        return result
    }

    /// Whether a regular file is at the location; a directory there is an error.
    private static func isFile(_ file: LocatedConfigFile, _ fileSystem: any FileSystem) throws(ConfigError) -> Bool {
        let status: FileStatus?
        do {
            status = try fileSystem.status(ofItemAt: file.absolutePath)
        } catch {
            throw .unreadableFile(path: file.displayPath, reason: error.description)
        }
        guard let status else { return false }
        guard status.kind == .file else {
            throw .unreadableFile(
                path: file.displayPath, reason: "it is not a regular file; give the path of a YAML file")
        }
        return true
    }
}
