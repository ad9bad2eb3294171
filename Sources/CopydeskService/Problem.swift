// copydesk — CopydeskService
// Errors as RFC 9457 problem details, with the CLI's codes, messages and exit codes.

import CopydeskKit
import Foundation
import HTTPTypes
import Hummingbird

// MARK: - Problem

/// An error response: `application/problem+json` (RFC 9457) with copydesk's members beside the
/// standard ones. `code` is the CLI's (`usage`, `yaml.syntax`, `input.limit`…), `detail` the
/// message the CLI prints, `exitCode` the exit code the CLI would give.
package struct Problem: Error, Sendable, Equatable {
    package var status: HTTPResponse.Status
    package var code: String
    package var detail: String
    package var hint: String?
    package var line: Int?
    package var column: Int?
    package var exitCode: Int32?
    /// Extra response headers (`Retry-After`, `Allow`).
    package var headers: [(String, String)] = []

    package init(
        _ status: HTTPResponse.Status, code: String, detail: String, hint: String? = nil, line: Int? = nil,
        column: Int? = nil, exitCode: Int32? = nil
    ) {
        self.status = status
        self.code = code
        self.detail = detail
        self.hint = hint
        self.line = line
        self.column = column
        self.exitCode = exitCode
    }

    package static func == (lhs: Problem, rhs: Problem) -> Bool {
        lhs.status == rhs.status && lhs.code == rhs.code && lhs.detail == rhs.detail
    }

    /// The `type` URI: a URN naming the code, stable across hosts.
    package var type: String { "urn:copydesk:problem:\(code)" }

    /// A library error as a problem: a usage error is the request's fault (400), an input over a
    /// limit is 413, an input that cannot be read is 422.
    package init(_ error: CopydeskError) {
        switch error {
        case .usage(let message):
            self.init(.badRequest, code: "usage", detail: message, exitCode: error.exitCode)
        case .format(let failure):
            let status: HTTPResponse.Status = failure.id == "input.limit" ? .contentTooLarge : .unprocessableContent
            self.init(
                status, code: failure.id, detail: failure.message, hint: failure.hint, line: failure.location?.line,
                column: failure.location?.column, exitCode: error.exitCode)
        case .io(_, let message, let hint):
            self.init(
                .unprocessableContent, code: "io.unreadable", detail: message, hint: hint, exitCode: error.exitCode)
        }
    }

    /// The JSON body.
    package var json: String {
        var members: [(String, String)] = [
            ("type", JSONText.quoted(type)), ("title", JSONText.quoted(status.reasonPhrase)),
            ("status", String(status.code)), ("detail", JSONText.quoted(detail)), ("code", JSONText.quoted(code)),
        ]
        if let exitCode { members.append(("exitCode", String(exitCode))) }
        if let line { members.append(("line", String(line))) }
        if let column { members.append(("column", String(column))) }
        if let hint { members.append(("hint", JSONText.quoted(hint))) }
        return "{" + members.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}\n"
    }

    /// The HTTP response.
    package var response: Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/problem+json"
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: json)))
    }
}
