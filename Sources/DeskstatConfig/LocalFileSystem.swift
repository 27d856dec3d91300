public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real file system, through POSIX calls.
public struct LocalFileSystem: FileSystem {
    /// The real file system.
    public init() {}

    public func status(ofItemAt path: String) throws(FileSystemError) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw .failed(Self.reason(code))
        }
        let type = info.st_mode & S_IFMT
        let kind: FileStatus.Kind = type == S_IFREG ? .file : type == S_IFDIR ? .directory : .other
        return FileStatus(kind: kind, permissions: Int(info.st_mode & 0o7777))
    }

    public func contents(ofFileAt path: String) throws(FileSystemError) -> Data {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let code = errno
            throw code == ENOENT ? .notFound : .failed(Self.reason(code))
        }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .failed(Self.reason(code))
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    public func writeAtomically(_ data: Data, to path: String, permissions: Int, overwrite: Bool)
        throws(FileSystemError)
    {
        if !overwrite, try status(ofItemAt: path) != nil { throw .alreadyExists }
        let temporary = try writeTemporaryFile(data, near: path, permissions: permissions)
        if overwrite {
            guard rename(temporary, path) == 0 else {
                let code = errno
                unlink(temporary)
                throw .failed(Self.reason(code))
            }
        } else {
            // link(2) fails with EEXIST instead of replacing, so a file created meanwhile survives.
            let linked = link(temporary, path)
            let code = errno
            unlink(temporary)
            guard linked == 0 else { throw code == EEXIST ? .alreadyExists : .failed(Self.reason(code)) }
        }
    }

    public func createDirectory(at path: String, permissions: Int) throws(FileSystemError) {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true,
                attributes: [.posixPermissions: NSNumber(value: permissions)])
        } catch {
            throw .failed(String(describing: error))
        }
    }

    /// Writes `data` to a new private file beside `path` and returns the file's path.
    private func writeTemporaryFile(_ data: Data, near path: String, permissions: Int) throws(FileSystemError)
        -> String
    {
        let template = Path.directory(of: path) + "/." + Path.fileName(of: path) + ".XXXXXX"
        var name = Array(template.utf8CString)
        let descriptor = mkstemp(&name)  // created with mode 0600
        guard descriptor >= 0 else { throw .failed(Self.reason(errno)) }
        let temporary = String(decoding: name.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(FileSystemError) {
            defer { close(descriptor) }
            guard fchmod(descriptor, mode_t(permissions)) == 0 else { throw .failed(Self.reason(errno)) }
            try writeAll(data, to: descriptor)
            guard fsync(descriptor) == 0 else { throw .failed(Self.reason(errno)) }
        } catch {
            unlink(temporary)
            throw error
        }
        return temporary
    }

    private func writeAll(_ data: Data, to descriptor: Int32) throws(FileSystemError) {
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { bytes in
                write(descriptor, bytes.baseAddress?.advanced(by: offset), bytes.count - offset)
            }
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .failed(Self.reason(code))
            }
            offset += written
        }
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
