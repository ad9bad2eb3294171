// copydesk — ArticleFormats
// The C libraries copydesk links, as they report themselves.

internal import CLibXML2
internal import CYAML

// MARK: - SystemLibraries

/// Versions of the system C libraries linked into copydesk (`copydesk --version` prints them).
package enum SystemLibraries {
    /// libxml2's version, from the headers copydesk was built against (`2.9.14`).
    package static var libxml2Version: String { LIBXML_DOTTED_VERSION }

    /// Whether the linked libxml2 parses safely on several threads at once. It is not when a
    /// libxml2 older than 2.12 is linked statically without the pthread functions it looks for
    /// (scripts/release-flags.sh links them); batch conversions then run one input at a time.
    package static let libxml2IsThreadSafe: Bool = copydesk_libxml2_thread_safe() != 0

    /// libyaml's version, as the linked library reports it (`0.2.5`).
    package static var libyamlVersion: String { String(cString: yaml_get_version_string()) }

    /// zlib's version, as the linked library reports it (`1.2.13`).
    package static var zlibVersion: String { Inflater.zlibVersionString }
}
