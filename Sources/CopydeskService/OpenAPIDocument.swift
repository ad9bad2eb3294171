// copydesk — CopydeskService
// The OpenAPI 3.1 document served at /openapi.json (a test checks every route is in it).

import CopydeskKit

// MARK: - OpenAPIDocument

/// The API's description. Kept beside the routes; `OpenAPITests` checks that every route and
/// every status the tests see is described.
package enum OpenAPIDocument {
    /// The report formats `format=` takes, from the report registry.
    static let reportFormats = ReportRegistry.names.map { "\"\($0)\"" }.joined(separator: ", ")

    package static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "copydesk",
            "version": "0.1.0",
            "description": "Convert news articles between formats and check them before they are published. Errors are RFC 9457 problem details whose code, detail and exitCode are those of the copydesk command line."
          },
          "paths": {
            "/": {"get": {"summary": "The editors' page (self-contained HTML)", "responses": {"200": {"description": "The page", "content": {"text/html": {"schema": {"type": "string"}}}}}}},
            "/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {"description": "The service is up", "content": {"application/json": {"schema": {"type": "object", "required": ["status", "version"], "properties": {"status": {"const": "ok"}, "version": {"type": "string"}}}}}}}}},
            "/metrics": {"get": {"summary": "Prometheus metrics: requests, latencies, findings by rule, rejections", "responses": {"200": {"description": "Prometheus text format 0.0.4", "content": {"text/plain": {"schema": {"type": "string"}}}}}}},
            "/v1/formats": {"get": {"summary": "The formats copydesk reads, writes and recognises", "responses": {"200": {"description": "The format registry", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Formats"}}}}}}},
            "/v1/rules": {"get": {"summary": "The validation rules and their levels in a profile", "parameters": [{"$ref": "#/components/parameters/profile"}], "responses": {"200": {"description": "The rules", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Rules"}}}}, "400": {"$ref": "#/components/responses/Problem"}}}},
            "/v1/convert": {"post": {
              "summary": "Convert one article (or a stream of them) to another format",
              "parameters": [
                {"name": "from", "in": "query", "description": "The input format; default: detected from the content (and name's extension)", "schema": {"type": "string"}},
                {"name": "to", "in": "query", "description": "The output format (default json)", "schema": {"type": "string", "default": "json"}},
                {"$ref": "#/components/parameters/name"},
                {"name": "envelope", "in": "query", "description": "true: a JSON envelope with the output text and the warnings listed", "schema": {"type": "boolean", "default": false}}
              ],
              "requestBody": {"required": true, "description": "The article's bytes, in any readable format", "content": {"*/*": {"schema": {"type": "string", "format": "binary"}}}},
              "responses": {
                "200": {"description": "The converted article, with the output format's media type; Copydesk-Warnings counts what the writer or reader noted", "headers": {"Copydesk-Warnings": {"$ref": "#/components/headers/Count"}, "Copydesk-Input-Format": {"schema": {"type": "string"}}}, "content": {"*/*": {"schema": {"type": "string", "format": "binary"}}, "application/json": {"schema": {"$ref": "#/components/schemas/Envelope"}}}},
                "400": {"$ref": "#/components/responses/Problem"}, "408": {"$ref": "#/components/responses/Problem"}, "413": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}, "503": {"$ref": "#/components/responses/Busy"}
              }}},
            "/v1/validate": {"post": {
              "summary": "Check one article with a profile's rules; the report says what was found",
              "parameters": [
                {"$ref": "#/components/parameters/profile"},
                {"name": "format", "in": "query", "description": "The report format", "schema": {"enum": [\#(reportFormats)], "default": "json"}},
                {"name": "from", "in": "query", "description": "The input format; default: detected", "schema": {"type": "string"}},
                {"$ref": "#/components/parameters/name"},
                {"name": "now", "in": "query", "description": "The time dates are checked against, ISO 8601 with a zone (default: the clock)", "schema": {"type": "string"}}
              ],
              "requestBody": {"required": true, "description": "The article's bytes", "content": {"*/*": {"schema": {"type": "string", "format": "binary"}}}},
              "responses": {
                "200": {"description": "The report (whatever it found); Copydesk-Errors, -Warnings and -Notes count the findings", "headers": {"Copydesk-Errors": {"$ref": "#/components/headers/Count"}, "Copydesk-Warnings": {"$ref": "#/components/headers/Count"}, "Copydesk-Notes": {"$ref": "#/components/headers/Count"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}, "application/sarif+json": {"schema": {"type": "object"}}, "application/xml": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}}}},
                "400": {"$ref": "#/components/responses/Problem"}, "408": {"$ref": "#/components/responses/Problem"}, "413": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}, "503": {"$ref": "#/components/responses/Busy"}
              }}}
          },
          "components": {
            "parameters": {
              "profile": {"name": "profile", "in": "query", "description": "A built-in profile (no files are read)", "schema": {"enum": ["default", "strict", "newsml-syndication"], "default": "default"}},
              "name": {"name": "name", "in": "query", "description": "A file name for the article (its extension helps detection; findings name it); never opened", "schema": {"type": "string"}}
            },
            "headers": {"Count": {"schema": {"type": "integer", "minimum": 0}}},
            "responses": {
              "Problem": {"description": "RFC 9457 problem details", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
              "Busy": {"description": "Busy (the concurrency limit) or over the time budget", "headers": {"Retry-After": {"schema": {"type": "integer"}}}, "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
            },
            "schemas": {
              "Problem": {"type": "object", "required": ["type", "title", "status", "detail", "code"], "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}, "detail": {"type": "string"}, "code": {"type": "string"}, "exitCode": {"type": "integer"}, "line": {"type": "integer"}, "column": {"type": "integer"}, "hint": {"type": "string"}}},
              "Finding": {"type": "object", "required": ["rule", "severity", "message"], "properties": {"rule": {"type": "string"}, "severity": {"enum": ["error", "warning", "note"]}, "line": {"type": ["integer", "null"]}, "column": {"type": ["integer", "null"]}, "message": {"type": "string"}}},
              "Envelope": {"type": "object", "required": ["from", "to", "mediaType", "output", "warnings"], "properties": {"from": {"type": "string"}, "to": {"type": "string"}, "mediaType": {"type": "string"}, "fileExtension": {"type": "string"}, "articles": {"type": "integer"}, "output": {"type": "string"}, "warnings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}}}},
              "Report": {"type": "object", "required": ["version", "summary", "diagnostics"], "properties": {"version": {"type": "integer"}, "files": {"type": "array", "items": {"type": "string"}}, "summary": {"type": "object"}, "diagnostics": {"type": "array", "items": {"type": "object"}}}},
              "Formats": {"type": "object", "required": ["formats"], "properties": {"formats": {"type": "array", "items": {"type": "object", "required": ["name", "read", "write"]}}}},
              "Rules": {"type": "object", "required": ["profile", "rules"], "properties": {"profile": {"type": "string"}, "profiles": {"type": "array"}, "rules": {"type": "array", "items": {"type": "object", "required": ["id", "level", "summary"]}}}}
            }
          }
        }
        """#
}
