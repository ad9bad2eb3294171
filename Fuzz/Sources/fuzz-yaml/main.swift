// copydesk — fuzz harness: the yaml reader.

import FuzzSupport

Harness.main { data, size in
    if let data { Harness.read(data, size, format: "yaml") }
    return 0
}
