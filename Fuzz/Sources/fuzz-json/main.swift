// copydesk — fuzz harness: the json reader.

import FuzzSupport

Harness.main { data, size in
    if let data { Harness.read(data, size, format: "json") }
    return 0
}
