import ArgumentParser
import DeskstatCache
import DeskstatConfig
import Foundation

/// `--cache PATH`, shared by every command that touches the cache.
struct CacheOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The cache file.",
            discussion: "Defaults to $DESKSTAT_CACHE, else the cache: of deskstat.yaml, else ./deskstat.sqlite.",
            valueName: "path"))
    var cache: String?

    /// The path in effect: the flag, else `$DESKSTAT_CACHE`, else deskstat.yaml's `cache:`, else
    /// `./deskstat.sqlite` — the same precedence `sync` uses, so every command finds the same cache.
    /// A configuration that cannot be read is an error (exit 78), never a silent fall-back to
    /// another cache.
    func resolvedPath() throws(ConfigError) -> String {
        if let cache { return cache }
        if let fromEnvironment = ProcessInfo.processInfo.environment["DESKSTAT_CACHE"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let configuration = try ConfigLoader.load(
            flags: ConfigFlags(), environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath)
        return configuration.cachePath.value
    }

    func open(_ mode: Cache.Mode) throws -> Cache {
        try Cache.open(at: try resolvedPath(), mode: mode)
    }
}
