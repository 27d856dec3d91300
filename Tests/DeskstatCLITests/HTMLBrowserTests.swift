import Foundation
import Testing

/// The weekly report as HTML, rendered by a real browser: headless Chromium takes a screenshot
/// (kept under `.build/test-artifacts/`) and dumps the DOM; an HTML5 parser (html5lib) checks
/// the page parses without errors. `.ci/run` installs both; locally a missing one skips its test
/// with a message saying what to install.
@Suite(.serialized) struct HTMLBrowserTests {
    static let windowWidth = 1200
    static let windowHeight = 3000

    /// The demo's weekly report as HTML, written once for the suite.
    static let page: Result<String, any Error> = Result {
        let directory = try makeScratchDirectory()
        let cache = directory + "/demo.sqlite"
        let demo = try BinaryRunner.run([
            "demo", "--tickets", "2000", "--end", "2026-11-30", "--cache", cache, "--quiet", "--format", "json",
        ])
        guard demo.status == 0 else { throw Failure(message: "demo failed: \(demo.stderr)") }
        let path = directory + "/weekly.html"
        let report = try BinaryRunner.run([
            "report", "weekly", "--cache", cache, "--as-of", "2026-11-30T00:00:00Z", "--format", "html", "-o", path,
        ])
        guard report.status == 0 else { throw Failure(message: "report failed: \(report.stderr)") }
        return path
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    @Test func theWeeklyReportRendersInHeadlessChromium() throws {
        guard let chromium = Self.findExecutable(["chromium", "chromium-browser", "google-chrome"]) else {
            print("SKIPPED: headless Chromium is not installed (apt-get install chromium); .ci/run installs it")
            return
        }
        let path = try Self.page.get()
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let artifacts = BinaryRunner.packageRoot.appendingPathComponent(".build/test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let png = artifacts.appendingPathComponent("weekly-report.png").path
        try? FileManager.default.removeItem(atPath: png)
        let profile = try makeScratchDirectory()
        let common = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(profile)", "--window-size=\(Self.windowWidth),\(Self.windowHeight)",
        ]
        let shot = try Self.run(chromium, common + ["--screenshot=\(png)", "file://\(path)"])
        #expect(shot.status == 0, "chromium --screenshot failed: \(shot.stderr)")
        print("screenshot of the weekly report: \(png)")

        // The page rendered: a PNG of the window's size, far bigger than a blank page compresses to.
        let data = try #require(FileManager.default.contents(atPath: png), "no screenshot at \(png)")
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
        #expect(Self.bigEndian(data, at: 16) == Self.windowWidth)
        #expect(Self.bigEndian(data, at: 20) == Self.windowHeight)
        #expect(data.count > 100_000, "the screenshot is \(data.count) bytes: the page looks blank")

        // Every chart made it into the DOM.
        let dom = try Self.run(chromium, common + ["--dump-dom", "file://\(path)"])
        #expect(dom.status == 0, "chromium --dump-dom failed: \(dom.stderr)")
        let svgCount = html.components(separatedBy: "<svg ").count - 1
        #expect(svgCount >= 10, "expected trend, SLA, CSAT and channel charts; found \(svgCount)")
        #expect(dom.stdout.components(separatedBy: "<svg ").count - 1 == svgCount)
        for number in 1...svgCount {
            #expect(dom.stdout.contains("id=\"chart-\(number)-t\""), "chart-\(number) missing from the DOM")
        }
        #expect(dom.stdout.contains("<title id=\"chart-1-t\">Created, last 12 periods</title>"))
    }

    @Test func theHTMLParsesWithoutErrorsInAnHTML5Parser() throws {
        let path = try Self.page.get()
        let python = ["/usr/bin/python3", "python3"].first { candidate in
            (try? Self.run(candidate, ["-c", "import html5lib"]).status) == 0
        }
        guard let python else {
            print(
                "SKIPPED: python3 with html5lib is not installed (apt-get install python3-html5lib); .ci/run installs it"
            )
            return
        }
        let script = """
            import sys, html5lib
            parser = html5lib.HTMLParser(strict=False)
            parser.parse(open(sys.argv[1], 'rb').read())
            for position, code, details in parser.errors:
                print(position, code, details)
            sys.exit(1 if parser.errors else 0)
            """
        let result = try Self.run(python, ["-c", script, path])
        #expect(result.status == 0, "html5lib parse errors:\n\(result.stdout)\(result.stderr)")
    }

    @Test func theHTMLIsSelfContained() throws {
        let html = try String(contentsOfFile: try Self.page.get(), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "href="] {
            #expect(!html.contains(forbidden), "the page must not load anything: found \(forbidden)")
        }
        #expect(html.contains("@media print"))
        #expect(html.contains("prefers-color-scheme: dark"))
        #expect(html.contains("<caption"))
        #expect(html.contains("<desc id=\"chart-1-d\">"))
    }

    @Test func theHTMLIsByteIdenticalAcrossRunsTimeZonesAndLocales() throws {
        let path = try Self.page.get()
        let cache = (path as NSString).deletingLastPathComponent + "/demo.sqlite"
        let again = try BinaryRunner.run(
            ["report", "weekly", "--cache", cache, "--as-of", "2026-11-30T00:00:00Z", "--format", "html"],
            environment: ["TZ": "Asia/Tokyo", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == (try String(contentsOfFile: path, encoding: .utf8)))
    }

    // MARK: Helpers

    static func bigEndian(_ data: Data, at offset: Int) -> Int {
        guard data.count >= offset + 4 else { return -1 }
        let bytes = [UInt8](data[data.startIndex + offset..<data.startIndex + offset + 4])
        return bytes.reduce(0) { $0 << 8 | Int($1) }
    }

    static func findExecutable(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for directory in path.split(separator: ":") {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Runs a program (a name is looked up in PATH) and waits at most two minutes.
    static func run(_ program: String, _ arguments: [String]) throws -> BinaryRunner.Result {
        let process = Process()
        if program.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let outBox = DataBox()
        let errBox = DataBox()
        let group = DispatchGroup()
        for (pipe, box) in [(out, outBox), (err, errBox)] {
            group.enter()
            DispatchQueue.global().async {
                box.data = pipe.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        group.wait()
        return BinaryRunner.Result(
            status: process.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self),
            stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}
