/// Where in an input something went wrong: a byte offset with its 1-based line and column.
public struct InputPosition: Sendable, Equatable, CustomStringConvertible {
    public let offset: Int
    public let line: Int
    public let column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// Computes the line and column of `offset` in `bytes`.
    init(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        self.init(offset: offset, line: line, column: end - lineStart + 1)
    }

    /// The same location moved down by `lines` lines (for one line of an NDJSON file).
    public func shifted(byLines lines: Int, byteOffset: Int) -> InputPosition {
        InputPosition(offset: offset + byteOffset, line: line + lines, column: column)
    }

    public var description: String { "line \(line), column \(column) (byte \(offset))" }
}
