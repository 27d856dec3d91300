import ArgumentParser
import DeskstatCache
import Foundation

/// `--cache PATH`, shared by every command that touches the cache.
struct CacheOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The cache file.", discussion: "Defaults to $DESKSTAT_CACHE, else ./deskstat.sqlite.", valueName: "path"))
    var cache: String?

    /// The path in effect: the flag, else `$DESKSTAT_CACHE`, else `./deskstat.sqlite`.
    var resolvedPath: String {
        if let cache { return cache }
        if let fromEnvironment = ProcessInfo.processInfo.environment["DESKSTAT_CACHE"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "deskstat.sqlite"
    }

    func open(_ mode: Cache.Mode) throws -> Cache {
        try Cache.open(at: resolvedPath, mode: mode)
    }
}
