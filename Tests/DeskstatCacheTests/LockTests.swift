import DeskstatCache
import Foundation
import GRDB
import Testing

@Suite struct LockTests {
    @Test func aSecondWriterTimesOutAndSaysWhoHoldsTheLock() throws {
        let directory = NSTemporaryDirectory() + "deskstat-lock-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/c.sqlite"
        let holder = try Cache.open(at: path)
        let contender = try Cache.open(at: path, busyTimeout: 0.2)
        let written: Void? = try holder.write { _ in
            // The note names the holder (this test process) only to others; pretend to be another pid.
            let mark = path + "-writer"
            let text = "1 \(Int(Date().timeIntervalSince1970)) deskstat import\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: mark))
            #expect {
                try contender.write { writer in try writer.upsert(.tag(name: "x", count: 1, rawJSON: "{}")) }
            } throws: { error in
                let message = "\(error)"
                return message.contains("is locked by deskstat import (pid 1")
                    && message.contains("retry when it has finished")
            }
            return ()
        }
        #expect(written != nil)
        // Readers are never blocked by a writer (WAL).
        #expect(try contender.status().tables.count == CacheTable.allCases.count)
        try contender.write { writer in _ = try writer.upsert(.tag(name: "y", count: 1, rawJSON: "{}")) }
    }
}
