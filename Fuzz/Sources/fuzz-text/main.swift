// copydesk — fuzz harness: the text reader.

import FuzzSupport

Harness.main { data, size in
    if let data { Harness.read(data, size, format: "text") }
    return 0
}
