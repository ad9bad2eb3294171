// copydesk — fuzz harness: the html reader.

import FuzzSupport

Harness.main { data, size in
    if let data { Harness.read(data, size, format: "html") }
    return 0
}
