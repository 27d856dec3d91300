/// One API-shaped response body: a file name such as `tickets-0001.json` and its JSON bytes.
public struct GeneratedFile: Sendable {
    /// The file name, without directories.
    public let name: String
    /// The UTF-8 JSON text of the body.
    public let bytes: [UInt8]

    /// A file with the given name and bytes.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}
