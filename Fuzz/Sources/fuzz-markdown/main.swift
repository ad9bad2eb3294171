// copydesk — fuzz harness: the markdown reader.

import FuzzSupport

Harness.main { data, size in
    if let data { Harness.read(data, size, format: "markdown") }
    return 0
}
