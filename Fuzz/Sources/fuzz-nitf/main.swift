// copydesk — fuzz harness: the nitf reader.

import FuzzSupport

Harness.main { data, size in
    if let data { Harness.read(data, size, format: "nitf") }
    return 0
}
